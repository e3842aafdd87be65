package org.nb201.train.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ImageNet16 (Chrabaszcz et al. 2017, 16x16) python pickles in {@code ImageNet16/}:
 * {@code train_data_batch_1..10} and {@code val_data}, each a dict with {@code data} (N x 768
 * uint8, planar) and 1-based {@code labels}. ImageNet16-120 keeps labels 1..120 in file order, with
 * target = label - 1 (AutoDL-Projects {@code xautodl/datasets/DownsampledImageNet.py::ImageNet16}; see
 * docs/datasets-and-splits.md#imagenet16-120). MD5s are those of the official loader.
 */
final class ImageNet16Reader {
  private static final String[] TRAIN_MD5 = {
    "27846dcaa50de8e21a7d1a35f30f0e91", "c7254a054e0e795c69120a5727050e3f", "4333d3df2e5ffb114b05d2ffc19b1e87",
    "1620cdf193304f4a92677b695d70d10f", "348b3c2fdbb3940c4e9e834affd3b18d", "6e765307c242a1b3d7d5ef9139b48945",
    "564926d8cbf8fc4818ba23d2faac7564", "f4755871f718ccb653440b9dd0ebac66", "bb6dd660c38c58552125b1a92f86b5d4",
    "8f03f34ac4b42271a294f91bf480f29b",
  };
  private static final String VAL_MD5 = "3410e3017fdaefba8d5073aaa65e4bd6";
  private static final int IMAGE = 768;

  private ImageNet16Reader() {}

  /** The training (true) or validation set restricted to the first {@code classes} classes. */
  static ImageSet read(Path dataDir, int classes, boolean train, boolean verify, Checksum sum) throws DataException {
    Path dir = dataDir.resolve("ImageNet16");
    if (!Files.isDirectory(dir)) {
      throw new DataException(dataDir, "no ImageNet16 data: expected the directory ImageNet16 with "
          + "train_data_batch_1..10 and val_data");
    }
    List<ImageSet> parts = new ArrayList<>();
    if (train) {
      for (int i = 0; i < TRAIN_MD5.length; i++) {
        parts.add(batch(DataFile.read(dir.resolve("train_data_batch_" + (i + 1)), TRAIN_MD5[i], verify), classes, sum));
      }
    } else {
      parts.add(batch(DataFile.read(dir.resolve("val_data"), VAL_MD5, verify), classes, sum));
    }
    return ImageSet.concat(parts);
  }

  private static ImageSet batch(DataFile f, int classes, Checksum sum) throws DataException {
    sum.add(f);
    Map<String, Object> dict = PickleData.dict(f);
    byte[] pixels = PickleData.rows(f, dict.get("data"), IMAGE);
    int[] labels = PickleData.ints(f, dict, "labels");
    if (labels.length * IMAGE != pixels.length) {
      throw new DataException(f.path(), "has " + pixels.length / IMAGE + " images but " + labels.length + " labels");
    }
    int kept = 0;
    for (int l : labels) {
      if (l < 1 || l > 1000) {
        throw new DataException(f.path(), "label " + l + " outside 1..1000");
      }
      if (l <= classes) {
        kept++;
      }
    }
    byte[] p = new byte[kept * IMAGE];
    int[] t = new int[kept];
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] <= classes) {
        System.arraycopy(pixels, i * IMAGE, p, k * IMAGE, IMAGE);
        t[k++] = labels[i] - 1;
      }
    }
    return new ImageSet(p, t, 3, 16, 16, classes);
  }
}
