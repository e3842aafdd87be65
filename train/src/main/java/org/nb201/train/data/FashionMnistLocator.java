package org.nb201.train.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nb201.space.UserCache;

/**
 * Where Fashion-MNIST, nb201's embedded default data, is, looked up in the order {@code nb201 demo}
 * uses: {@code $NB201_DATA}, Debian's {@code dataset-fashion-mnist} location, then nb201's per-user
 * cache {@code ${XDG_CACHE_HOME:-$HOME/.cache}/nb201/fashion-mnist}, which the demo fills when
 * neither has it. A folder holds the data when it (or its {@code fashion-mnist/} subfolder, as the
 * reader accepts) has the training images, gzipped or plain. The one lookup of the CLI and the tests.
 */
public final class FashionMnistLocator {
  /** Where Debian's dataset-fashion-mnist package installs the IDX files. */
  public static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
  /** The environment variable naming a data root. */
  public static final String DATA_ENV = "NB201_DATA";

  private FashionMnistLocator() {}

  /** nb201's per-user cache folder, {@code ${XDG_CACHE_HOME:-$HOME/.cache}/nb201}. */
  public static Path cacheRoot() {
    return cacheRoot(System::getenv, System.getProperty("user.home"));
  }

  static Path cacheRoot(UnaryOperator<String> env, String home) {
    return UserCache.root(env, home);
  }

  /** The Fashion-MNIST folder in the cache, where {@code nb201 demo} puts a fetched copy. */
  public static Path cacheDir() {
    return cacheRoot().resolve("fashion-mnist");
  }

  /** The folders looked in, in order: {@code $NB201_DATA} when set, Debian's location, the cache. */
  public static List<Path> candidates() {
    return candidates(System::getenv, System.getProperty("user.home"), DEBIAN);
  }

  static List<Path> candidates(UnaryOperator<String> env, String home, Path debian) {
    List<Path> out = new ArrayList<>();
    String data = env.apply(DATA_ENV);
    if (data != null && !data.isBlank()) {
      out.add(Path.of(data));
    }
    out.add(debian);
    out.add(cacheRoot(env, home).resolve("fashion-mnist"));
    return out;
  }

  /** The first of {@link #candidates()} that holds the data. */
  public static Optional<Path> find() {
    return first(candidates());
  }

  static Optional<Path> first(List<Path> candidates) {
    return candidates.stream().filter(FashionMnistLocator::holds).findFirst();
  }

  /** Whether {@code dir} (or its {@code fashion-mnist/} subfolder) has the training images, gzipped or plain. */
  public static boolean holds(Path dir) {
    if (dir == null) {
      return false;
    }
    for (Path d : new Path[] {dir, dir.resolve("fashion-mnist")}) {
      if (Files.isRegularFile(d.resolve("train-images-idx3-ubyte.gz"))
          || Files.isRegularFile(d.resolve("train-images-idx3-ubyte"))) {
        return true;
      }
    }
    return false;
  }
}
