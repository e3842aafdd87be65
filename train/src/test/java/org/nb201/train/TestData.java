package org.nb201.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.nb201.train.data.FashionMnistLocator;

/** Locations of the real data used by tests; tests skip with a clear message when absent. */
public final class TestData {
  private TestData() {}

  /** The shared reference directory ({@code -Dnb201.shared}, else ../shared). */
  public static Path shared() {
    String p = System.getProperty("nb201.shared");
    Path dir = p != null ? Path.of(p) : Path.of("..", "shared");
    if (!Files.isDirectory(dir)) {
      dir = Path.of("..", "..", "shared");
    }
    return dir;
  }

  /**
   * The Fashion-MNIST directory where the demo finds it ({@code $NB201_DATA}, Debian's location or
   * nb201's cache), or skips the test.
   */
  public static Path fashion() {
    Optional<Path> dir = FashionMnistLocator.find();
    assumeTrue(dir.isPresent(), "Fashion-MNIST not found in " + FashionMnistLocator.candidates()
        + ": run 'apt-get install dataset-fashion-mnist' or './nb201 demo' (which fetches it into the cache)");
    return dir.get();
  }

  /** The official split files, or skips the test. */
  public static Path splits() {
    Path d = shared().resolve("data/splits");
    assumeTrue(Files.isDirectory(d), "no ../shared/data/splits (reference data absent in a fresh clone)");
    return d;
  }

  /**
   * The CIFAR fixture zip {@code name} unpacked into {@code into}; returns the directory holding
   * {@code cifar-10-batches-py} / {@code cifar-100-python}. Skips when the fixture is absent.
   */
  public static Path cifarFixture(String name, Path into) throws IOException {
    Path zip = shared().resolve("data/cifar-fixtures").resolve(name);
    assumeTrue(Files.isRegularFile(zip), "no CIFAR fixture " + zip + " (reference data absent in a fresh clone)");
    Path root = null;
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        Path out = into.resolve(e.getName()).normalize();
        if (!out.startsWith(into)) {
          throw new IOException("bad zip entry " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        Files.copy(z, out);
        String parent = out.getParent().getFileName().toString();
        if (parent.equals("cifar-10-batches-py") || parent.equals("cifar-100-python")) {
          root = out.getParent().getParent();
        }
      }
    }
    return root;
  }
}
