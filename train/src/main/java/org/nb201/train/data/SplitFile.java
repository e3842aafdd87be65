package org.nb201.train.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An official split file (AutoDL-Projects {@code configs/nas-benchmark/*-split.txt}, read by
 * {@code xautodl/config_utils/config_utils.py::load_config}; see docs/datasets-and-splits.md#split-files):
 * a JSON object {@code {name: ["int", ["0", "5", ...]]}} of
 * sorted, disjoint index lists. Known files are checked against their MD5s.
 */
public final class SplitFile {
  /** CIFAR-10 train 25k / valid 25k. */
  public static final String CIFAR10 = "cifar-split.txt";
  /** CIFAR-100 test: xvalid 5k / xtest 5k. */
  public static final String CIFAR100_TEST = "cifar100-test-split.txt";
  /** ImageNet16-120 val: xvalid 3k / xtest 3k. */
  public static final String IMAGENET16_TEST = "imagenet-16-120-test-split.txt";

  private static final Map<String, String> MD5 = Map.of(
      CIFAR10, "2da7627956f17981dc0b841ab8385f37",
      CIFAR100_TEST, "16f51963f0ccd95cb6c08c33ca4c1665",
      IMAGENET16_TEST, "670c7749b090d2e937e20d10e811be22",
      "ImageNet16-120-split.txt", "106aae0b5917ef58b972ba74a5e9d164");

  private final Path path;
  private final String md5;
  private final Map<String, int[]> lists;

  private SplitFile(Path path, String md5, Map<String, int[]> lists) {
    this.path = path;
    this.md5 = md5;
    this.lists = lists;
  }

  /** Finds {@code name} in the first of {@code dirs} that has it and reads it. */
  static SplitFile find(String name, List<Path> dirs, boolean verify) throws DataException {
    for (Path d : dirs) {
      if (Files.isRegularFile(d.resolve(name))) {
        return read(d.resolve(name), verify);
      }
    }
    throw new DataException(dirs.get(0).resolve(name), "missing split file (looked in " + dirs
        + "; the official files are in AutoDL-Projects configs/nas-benchmark/)");
  }

  /** Reads a split file; known names are checked against the official MD5 when {@code verify}. */
  public static SplitFile read(Path path, boolean verify) throws DataException {
    DataFile f = DataFile.read(path, MD5.get(path.getFileName().toString()), verify);
    Map<String, int[]> lists = new LinkedHashMap<>();
    try {
      JsonElement root = JsonParser.parseString(new String(f.bytes(), StandardCharsets.UTF_8));
      if (!root.isJsonObject()) {
        throw new DataException(path, "not a JSON object of index lists");
      }
      for (Map.Entry<String, JsonElement> e : ((JsonObject) root).entrySet()) {
        JsonArray pair = e.getValue().getAsJsonArray();
        if (pair.size() != 2 || !pair.get(0).getAsString().equals("int")) {
          throw new DataException(path, "entry '" + e.getKey() + "' is not [\"int\", [...]]");
        }
        JsonArray values = pair.get(1).getAsJsonArray();
        int[] idx = new int[values.size()];
        for (int i = 0; i < idx.length; i++) {
          idx[i] = Integer.parseInt(values.get(i).getAsString().trim());
        }
        lists.put(e.getKey(), idx);
      }
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
      throw new DataException(path, "malformed split file (" + e.getMessage() + ")", e);
    }
    return new SplitFile(path, f.md5(), lists);
  }

  public Path path() {
    return path;
  }

  public String md5() {
    return md5;
  }

  /** The index list {@code key}. */
  public int[] get(String key) throws DataException {
    int[] v = lists.get(key);
    if (v == null) {
      throw new DataException(path, "no entry '" + key + "' (has " + lists.keySet() + ")");
    }
    return v.clone();
  }

  /** The images of {@code set} at the indices of list {@code key}. */
  ImageSet select(ImageSet set, String key) throws DataException {
    int[] idx = get(key);
    for (int i : idx) {
      if (i < 0 || i >= set.size()) {
        throw new DataException(path, "index " + i + " of '" + key + "' is out of range for " + set.size()
            + " images (is the data complete?)");
      }
    }
    return set.select(idx);
  }
}
