package org.nb201.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.Dataset;
import org.nb201.space.Split;
import org.nb201.train.TestData;

class DataReadersTest {
  @TempDir Path tmp;

  @Test
  void readsTheCifar10PythonFixture() throws Exception {
    Path dir = TestData.cifarFixture("cifar10-python-sample.zip", tmp);
    TrainingData d = TrainingData.load(Dataset.CIFAR10, dir, null, false);
    assertThat(d.train().size()).isEqualTo(10);
    assertThat(d.train().label(0)).isEqualTo(6);
    assertThat(d.train().label(1)).isEqualTo(9);
    ImageSet test = d.evals().get(Split.ORI_TEST);
    assertThat(test.size()).isEqualTo(2);
    assertThat(test.label(0)).isEqualTo(3);
    assertThat(test.label(1)).isEqualTo(8);
    assertThat(d.evals().keySet()).containsExactly(Split.ORI_TEST);
  }

  @Test
  void readsTheCifar100PythonFixtureWithFineLabels() throws Exception {
    Path dir = TestData.cifarFixture("cifar100-python-sample.zip", tmp);
    ImageSet test = CifarReader.read(dir, 100, false, false, new Checksum());
    assertThat(test.size()).isEqualTo(5);
    assertThat(new int[] {test.label(0), test.label(1), test.label(2), test.label(3), test.label(4)})
        .containsExactly(49, 33, 72, 51, 71);
    ImageSet train = CifarReader.read(dir, 100, true, false, new Checksum());
    assertThat(train.label(0)).isEqualTo(19);
  }

  @Test
  void rejectsTheFixtureWhenVerifyingMd5() throws Exception {
    Path dir = TestData.cifarFixture("cifar10-python-sample.zip", tmp);
    assertThatThrownBy(() -> TrainingData.load(Dataset.CIFAR10, dir, null, true))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("data_batch_1")
        .hasMessageContaining("wrong MD5")
        .hasMessageContaining("c99cafc152244af753f735de768cd75f");
  }

  @Test
  void reportsATruncatedPickle() throws Exception {
    Path dir = TestData.cifarFixture("cifar10-python-sample.zip", tmp);
    Path f = dir.resolve("cifar-10-batches-py/data_batch_3");
    byte[] b = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(b, b.length / 2));
    assertThatThrownBy(() -> TrainingData.load(Dataset.CIFAR10, dir, null, false))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(f.toString())
        .hasMessageContaining("truncated");
  }

  @Test
  void reportsAMissingFileAndDirectory() throws Exception {
    Path dir = TestData.cifarFixture("cifar10-python-sample.zip", tmp);
    Files.delete(dir.resolve("cifar-10-batches-py/test_batch"));
    assertThatThrownBy(() -> TrainingData.load(Dataset.CIFAR10, dir, null, false))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("test_batch: missing file");
    assertThatThrownBy(() -> TrainingData.load(Dataset.CIFAR10, tmp.resolve("nope"), null, false))
        .hasMessageContaining("nope: missing data directory");
    assertThatThrownBy(() -> TrainingData.load(Dataset.CIFAR10, tmp, null, false))
        .hasMessageContaining("no CIFAR-10 data");
  }

  @Test
  void rejectsForbiddenGlobals() throws Exception {
    Path f = tmp.resolve("evil");
    Files.write(f, PickleWriter.evil());
    assertThatThrownBy(() -> PickleData.dict(DataFile.read(f, null, false)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("forbidden global os.system");
  }

  @Test
  void readsCifarBinaryBatchesAndChecksTheirSize() throws Exception {
    Path dir = tmp.resolve("cifar-10-batches-bin");
    Files.createDirectories(dir);
    for (String name : new String[] {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
        "data_batch_5.bin", "test_batch.bin"}) {
      byte[] b = new byte[10_000 * 3073];
      for (int i = 0; i < 10_000; i++) {
        b[i * 3073] = (byte) (i % 10);
        b[i * 3073 + 1] = (byte) 200;
      }
      Files.write(dir.resolve(name), b);
    }
    TrainingData d = TrainingData.load(Dataset.CIFAR10, tmp, null, true);
    assertThat(d.train().size()).isEqualTo(50_000);
    assertThat(d.train().label(13)).isEqualTo(3);
    assertThat(d.train().pixel(13, 0, 0, 0)).isEqualTo(200);
    Files.write(dir.resolve("test_batch.bin"), new byte[3073 * 5 + 7]);
    assertThatThrownBy(() -> TrainingData.load(Dataset.CIFAR10, tmp, null, true))
        .hasMessageContaining("test_batch.bin: truncated");
  }

  @Test
  void readsImageNet16AndKeepsTheFirst120Classes() throws Exception {
    Path dir = tmp.resolve("ImageNet16");
    Files.createDirectories(dir);
    byte[][] rows = new byte[4][768];
    rows[2][5] = 9;
    for (int i = 1; i <= 10; i++) {
      Files.write(dir.resolve("train_data_batch_" + i),
          PickleWriter.batch(rows, new int[] {1, 500, 120, 121}, "labels"));
    }
    Files.write(dir.resolve("val_data"), PickleWriter.batch(rows, new int[] {3, 999, 7, 1000}, "labels"));
    ImageSet train = ImageNet16Reader.read(tmp, 120, true, false, new Checksum());
    assertThat(train.size()).isEqualTo(20);
    assertThat(train.label(0)).isZero();
    assertThat(train.label(1)).isEqualTo(119);
    assertThat(train.pixel(1, 0, 0, 5)).isEqualTo(9);
    ImageSet val = ImageNet16Reader.read(tmp, 120, false, false, new Checksum());
    assertThat(val.size()).isEqualTo(2);
    assertThatThrownBy(() -> ImageNet16Reader.read(tmp, 120, false, true, new Checksum()))
        .hasMessageContaining("val_data: wrong MD5");
  }

  @Test
  void readsImageNet16BatchesStoredAsNumpyArraysAndRejectsNonUint8Pixels() throws Exception {
    Path dir = tmp.resolve("ImageNet16");
    Files.createDirectories(dir);
    byte[][] rows = new byte[4][768];
    rows[3][767] = (byte) 201;
    Files.write(dir.resolve("val_data"), PickleWriter.arrayBatch(rows, new int[] {3, 999, 7, 120}, "u1"));
    ImageSet val = ImageNet16Reader.read(tmp, 120, false, false, new Checksum());
    assertThat(val.size()).isEqualTo(3);
    assertThat(new int[] {val.label(0), val.label(1), val.label(2)}).containsExactly(2, 6, 119);
    assertThat(val.pixel(2, 2, 15, 15)).isEqualTo(201);

    Files.write(dir.resolve("val_data"), PickleWriter.arrayBatch(rows, new int[] {3, 999, 7, 120}, "<i8"));
    assertThatThrownBy(() -> ImageNet16Reader.read(tmp, 120, false, false, new Checksum()))
        .isInstanceOf(DataException.class)
        .hasMessage(dir.resolve("val_data") + ": 'data' has dtype('<i8'), expected uint8");
  }

  @Test
  void readsFashionMnistPlainAndGzipAndChecksMagic() throws Exception {
    writeIdx(tmp, false, 2051);
    ImageSet test = IdxReader.read(tmp, false, new Checksum());
    assertThat(test.size()).isEqualTo(10_000);
    assertThat(test.label(17)).isEqualTo(7);
    assertThat(test.pixel(17, 0, 27, 27)).isEqualTo(17 % 256);
    Path gz = tmp.resolve("gz");
    Files.createDirectories(gz.resolve("fashion-mnist"));
    writeIdx(gz.resolve("fashion-mnist"), true, 2051);
    assertThat(IdxReader.read(gz, false, new Checksum()).label(17)).isEqualTo(7);
    writeIdx(tmp, false, 2049);
    assertThatThrownBy(() -> IdxReader.read(tmp, false, new Checksum()))
        .hasMessageContaining("t10k-images-idx3-ubyte: bad IDX magic number");
    Path f = tmp.resolve("t10k-images-idx3-ubyte");
    writeIdx(tmp, false, 2051);
    Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 5000));
    assertThatThrownBy(() -> IdxReader.read(tmp, false, new Checksum()))
        .hasMessageContaining("t10k-images-idx3-ubyte: truncated");
    assertThatThrownBy(() -> IdxReader.read(tmp, true, new Checksum()))
        .hasMessageContaining("train-images-idx3-ubyte.gz: missing file")
        .hasMessageContaining("apt-get install dataset-fashion-mnist");
  }

  private static void writeIdx(Path dir, boolean gzip, int imageMagic) throws IOException {
    int n = 10_000;
    ByteBuffer img = ByteBuffer.allocate(16 + n * 784);
    img.putInt(imageMagic).putInt(n).putInt(28).putInt(28);
    for (int i = 0; i < n; i++) {
      img.put(16 + i * 784 + 783, (byte) i);
    }
    ByteBuffer lab = ByteBuffer.allocate(8 + n);
    lab.putInt(2049).putInt(n);
    for (int i = 0; i < n; i++) {
      lab.put(8 + i, (byte) (i % 10));
    }
    write(dir.resolve("t10k-images-idx3-ubyte" + (gzip ? ".gz" : "")), img.array(), gzip);
    write(dir.resolve("t10k-labels-idx1-ubyte" + (gzip ? ".gz" : "")), lab.array(), gzip);
  }

  private static void write(Path p, byte[] b, boolean gzip) throws IOException {
    try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
      o.write(b);
    }
  }
}
