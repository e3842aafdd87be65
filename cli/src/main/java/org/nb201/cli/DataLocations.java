package org.nb201.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.nb201.space.Dataset;
import org.nb201.train.data.FashionMnistLocator;

/**
 * Where the raw data of each dataset is: {@code --data-dir} if given (one root folder holding
 * {@code cifar-10-batches-py}, {@code cifar-100-python}, {@code ImageNet16} and/or the Fashion-MNIST
 * IDX files), else {@code $NB201_DATA}; Fashion-MNIST also falls back to Debian's
 * {@code dataset-fashion-mnist} location and nb201's own cache (filled by {@code nb201 demo}), looked
 * up by {@link FashionMnistLocator}, which the tests use too.
 */
final class DataLocations {
  /** Where Debian's dataset-fashion-mnist package installs the data. */
  static final Path FASHION_DEBIAN = FashionMnistLocator.DEBIAN;

  private DataLocations() {}

  /** Refuses a folder option that names no folder (a typo would otherwise fall back to another location). */
  static void requireFolder(Path dir, String option) {
    if (dir != null && !Files.isDirectory(dir)) {
      throw new UserException(option + " " + dir + (Files.exists(dir) ? " is not a folder" : " does not exist")
          + "; expected an existing folder");
    }
  }

  /** nb201's per-user cache folder. */
  static Path cache() {
    return FashionMnistLocator.cacheRoot();
  }

  /** The Fashion-MNIST folder nb201 extracts the Debian package into when it is not installed. */
  static Path fashionCache() {
    return FashionMnistLocator.cacheDir();
  }

  /** Whether {@code dir} holds the Fashion-MNIST IDX files (gzipped or plain, also in its fashion-mnist/). */
  static boolean hasFashion(Path dir) {
    return FashionMnistLocator.holds(dir);
  }

  /** The data folder of every dataset, as far as one can be found; a given {@code --data-dir} must exist. */
  static Map<Dataset, Path> resolve(Path dataDir) {
    requireFolder(dataDir, "--data-dir");
    Path root = dataDir;
    if (root == null && System.getenv(FashionMnistLocator.DATA_ENV) != null) {
      root = Path.of(System.getenv(FashionMnistLocator.DATA_ENV));
    }
    Map<Dataset, Path> out = new EnumMap<>(Dataset.class);
    for (Dataset d : Dataset.values()) {
      if (root != null) {
        out.put(d, root);
      }
    }
    if (!hasFashion(root)) {
      FashionMnistLocator.find().ifPresent(p -> out.put(Dataset.FASHION_MNIST, p));
    }
    return out;
  }
}
