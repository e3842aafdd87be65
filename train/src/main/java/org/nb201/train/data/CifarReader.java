package org.nb201.train.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CIFAR-10 and CIFAR-100 in the two official formats (docs/datasets-and-splits.md#cifar-10-and-cifar-100;
 * AutoDL-Projects {@code get_dataset_with_transform.py::get_datasets} reads them with torchvision): the python pickles
 * ({@code cifar-10-batches-py/data_batch_1..5, test_batch}; {@code cifar-100-python/train, test},
 * fine labels) and the binary batches ({@code cifar-10-batches-bin/data_batch_1..5.bin,
 * test_batch.bin}: label byte + 3072 pixels; {@code cifar-100-binary/train.bin, test.bin}: coarse
 * and fine label bytes + 3072 pixels). The python files are checked against the MD5s torchvision
 * publishes; the binary files by their exact size.
 */
final class CifarReader {
  private static final int IMAGE = 3072;
  private static final String[][] C10_TRAIN = {
    {"data_batch_1", "c99cafc152244af753f735de768cd75f"},
    {"data_batch_2", "d4bba439e000b95fd0a9bffe97cbabec"},
    {"data_batch_3", "54ebc095f3ab1f0389bbae665268c751"},
    {"data_batch_4", "634d18415352ddfa80567beed471001a"},
    {"data_batch_5", "482c414d41f54cd18b22e5b47cb7c3cb"},
  };
  private static final String C10_TEST_MD5 = "40351d587109b95175f43aff81a1287e";
  private static final String C100_TRAIN_MD5 = "16019d7e3df5f24257cddd939b257f8d";
  private static final String C100_TEST_MD5 = "f0ef6b0ae62326f3e7ffdfab6717acfc";

  private CifarReader() {}

  /** The training (true) or test (false) set of CIFAR-10 ({@code classes} 10) or CIFAR-100 (100). */
  static ImageSet read(Path dataDir, int classes, boolean train, boolean verify, Checksum sum)
      throws DataException {
    boolean c10 = classes == 10;
    Path py = dataDir.resolve(c10 ? "cifar-10-batches-py" : "cifar-100-python");
    Path bin = dataDir.resolve(c10 ? "cifar-10-batches-bin" : "cifar-100-binary");
    if (Files.isDirectory(py)) {
      return python(py, c10, train, verify, sum);
    }
    if (Files.isDirectory(bin)) {
      return binary(bin, c10, train, sum);
    }
    throw new DataException(dataDir, "no CIFAR-" + classes + " data: expected the directory " + py.getFileName()
        + " (python version) or " + bin.getFileName() + " (binary version)");
  }

  private static ImageSet python(Path dir, boolean c10, boolean train, boolean verify, Checksum sum)
      throws DataException {
    List<ImageSet> parts = new ArrayList<>();
    if (c10) {
      if (train) {
        for (String[] f : C10_TRAIN) {
          parts.add(pythonBatch(DataFile.read(dir.resolve(f[0]), f[1], verify), "labels", 10, sum));
        }
      } else {
        parts.add(pythonBatch(DataFile.read(dir.resolve("test_batch"), C10_TEST_MD5, verify), "labels", 10, sum));
      }
    } else {
      String name = train ? "train" : "test";
      DataFile f = DataFile.read(dir.resolve(name), train ? C100_TRAIN_MD5 : C100_TEST_MD5, verify);
      parts.add(pythonBatch(f, "fine_labels", 100, sum));
    }
    return ImageSet.concat(parts);
  }

  private static ImageSet pythonBatch(DataFile f, String labelKey, int classes, Checksum sum) throws DataException {
    sum.add(f);
    Map<String, Object> dict = PickleData.dict(f);
    byte[] pixels = PickleData.rows(f, dict.get("data"), IMAGE);
    int[] labels = PickleData.ints(f, dict, labelKey);
    return PickleData.images(f, pixels, labels, 3, 32, classes, 0);
  }

  private static ImageSet binary(Path dir, boolean c10, boolean train, Checksum sum) throws DataException {
    List<String> names = new ArrayList<>();
    if (c10) {
      if (train) {
        for (int i = 1; i <= 5; i++) {
          names.add("data_batch_" + i + ".bin");
        }
      } else {
        names.add("test_batch.bin");
      }
    } else {
      names.add(train ? "train.bin" : "test.bin");
    }
    int labelBytes = c10 ? 1 : 2;
    int row = labelBytes + IMAGE;
    int expected = c10 ? 10_000 : train ? 50_000 : 10_000;
    List<ImageSet> parts = new ArrayList<>();
    for (String name : names) {
      DataFile f = DataFile.read(dir.resolve(name), null, false);
      sum.add(f);
      byte[] b = f.bytes();
      if (b.length % row != 0) {
        throw new DataException(f.path(), "truncated: " + b.length + " bytes is not a whole number of "
            + row + "-byte records");
      }
      int n = b.length / row;
      if (n != expected) {
        throw new DataException(f.path(), "has " + n + " records, expected " + expected);
      }
      byte[] pixels = new byte[n * IMAGE];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = b[i * row + labelBytes - 1] & 0xff;
        System.arraycopy(b, i * row + labelBytes, pixels, i * IMAGE, IMAGE);
      }
      parts.add(PickleData.images(f, pixels, labels, 3, 32, c10 ? 10 : 100, 0));
    }
    return ImageSet.concat(parts);
  }
}
