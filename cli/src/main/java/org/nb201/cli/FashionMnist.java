package org.nb201.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.nb201.train.data.FashionMnistLocator;

/**
 * Finds nb201's embedded default data, Fashion-MNIST ({@link FashionMnistLocator}: {@code $NB201_DATA},
 * Debian's {@code dataset-fashion-mnist} location, or nb201's cache); when none has it, fetches the
 * Debian package into the cache without root ({@code apt-get download} + {@code dpkg-deb -x}).
 */
final class FashionMnist {
  static final String PACKAGE = "dataset-fashion-mnist";
  static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

  private FashionMnist() {}

  /** The folder holding the four IDX files, fetching them if needed; one clear error when impossible. */
  static Path locate(PrintLine log) {
    Optional<Path> found = FashionMnistLocator.find();
    if (found.isPresent()) {
      return found.get();
    }
    log.line("Fashion-MNIST not found; fetching Debian's " + PACKAGE + " into " + DataLocations.fashionCache());
    try {
      return fetch();
    } catch (IOException e) {
      throw new UserException("cannot find or fetch Fashion-MNIST (" + e.getMessage() + "); install it with "
          + "'apt-get install " + PACKAGE + "' or set NB201_DATA to a folder with " + String.join(", ", FILES));
    }
  }

  private static Path fetch() throws IOException {
    Path cache = DataLocations.fashionCache();
    Files.createDirectories(DataLocations.cache());
    Path work = Files.createTempDirectory(DataLocations.cache(), "fetch-");
    try {
      run(work, "apt-get", "download", PACKAGE);
      Path deb = null;
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(work, PACKAGE + "_*.deb")) {
        Iterator<Path> it = ds.iterator();
        if (it.hasNext()) {
          deb = it.next();
        }
      }
      if (deb == null) {
        throw new IOException("apt-get download produced no .deb");
      }
      Path root = work.resolve("root");
      run(work, "dpkg-deb", "-x", deb.toString(), root.toString());
      Path src = root.resolve("usr/share/datasets/fashion-mnist");
      if (!DataLocations.hasFashion(src)) {
        throw new IOException("the package holds no IDX files at usr/share/datasets/fashion-mnist");
      }
      Path tmp = cache.resolveSibling(cache.getFileName() + ".partial");
      deleteTree(tmp);
      Files.createDirectories(tmp);
      for (String f : FILES) {
        Files.copy(src.resolve(f), tmp.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
      deleteTree(cache);
      Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
      return cache;
    } finally {
      deleteTree(work);
    }
  }

  private static void run(Path dir, String... cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
        throw new IOException(String.join(" ", cmd) + " failed" + (last.isEmpty() ? "" : ": " + last));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (var s = Files.walk(p)) {
      s.forEach(all::add);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Files.deleteIfExists(all.get(i));
    }
  }

  /** Where progress messages go. */
  @FunctionalInterface
  interface PrintLine {
    void line(String s);
  }
}
