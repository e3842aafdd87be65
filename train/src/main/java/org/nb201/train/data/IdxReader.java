package org.nb201.train.data;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST in the IDX format, gzipped ({@code .gz}) or plain: images magic 2051 with
 * count x 28 x 28 bytes, labels magic 2049 with count bytes 0..9. Files are looked up in the data
 * directory itself or its {@code fashion-mnist/} subdirectory.
 */
final class IdxReader {
  static final int TRAIN = 60_000;
  static final int TEST = 10_000;

  private IdxReader() {}

  static ImageSet read(Path dataDir, boolean train, Checksum sum) throws DataException {
    String prefix = train ? "train" : "t10k";
    DataFile images = find(dataDir, prefix + "-images-idx3-ubyte");
    DataFile labels = find(dataDir, prefix + "-labels-idx1-ubyte");
    sum.add(images);
    sum.add(labels);
    int n = train ? TRAIN : TEST;
    byte[] imgHeader = new byte[16];
    byte[] labHeader = new byte[8];
    byte[] pixels = images.content(imgHeader); // 47 MB read once, without the header
    byte[] lab = labels.content(labHeader);
    header(images, imgHeader, 2051, n);
    header(labels, labHeader, 2049, n);
    ByteBuffer h = ByteBuffer.wrap(imgHeader);
    if (h.getInt(8) != 28 || h.getInt(12) != 28) {
      throw new DataException(images.path(), "wrong image shape " + h.getInt(8) + "x" + h.getInt(12)
          + ", expected 28x28");
    }
    checkLength(images, pixels, 16, (long) n * 784);
    checkLength(labels, lab, 8, n);
    int[] l = new int[n];
    for (int i = 0; i < n; i++) {
      l[i] = lab[i] & 0xff;
    }
    return PickleData.images(labels, pixels, l, 1, 28, 10, 0);
  }

  private static void header(DataFile f, byte[] header, int magic, int n) throws DataException {
    ByteBuffer h = ByteBuffer.wrap(header);
    if (h.getInt(0) != magic) {
      throw new DataException(f.path(),
          String.format("bad IDX magic number 0x%08x, expected 0x%08x", h.getInt(0), magic));
    }
    if (h.getInt(4) != n) {
      throw new DataException(f.path(), "holds " + h.getInt(4) + " items, expected " + n);
    }
  }

  private static void checkLength(DataFile f, byte[] body, int headerBytes, long want) throws DataException {
    if (body.length < want) {
      throw new DataException(f.path(), "truncated: " + (headerBytes + body.length) + " bytes of data, expected "
          + (headerBytes + want));
    }
    if (body.length > want) {
      throw new DataException(f.path(), "has " + (body.length - want) + " unexpected trailing bytes");
    }
  }

  private static DataFile find(Path dataDir, String base) throws DataException {
    for (Path dir : new Path[] {dataDir, dataDir.resolve("fashion-mnist")}) {
      for (String name : new String[] {base + ".gz", base}) {
        Path p = dir.resolve(name);
        if (Files.isRegularFile(p)) {
          return DataFile.read(p, null, false);
        }
      }
    }
    throw new DataException(dataDir.resolve(base + ".gz"), "missing file (also looked for " + base
        + " and the fashion-mnist/ subdirectory; install the default data with 'apt-get install "
        + "dataset-fashion-mnist')");
  }
}
