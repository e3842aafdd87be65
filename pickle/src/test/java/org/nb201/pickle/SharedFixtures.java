package org.nb201.pickle;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The read-only reference data in {@code ../shared} beside the repository (surefire passes its
 * location as {@code nb201.shared}); a test that needs a missing file is skipped, not failed.
 */
final class SharedFixtures {
  private SharedFixtures() {
  }

  /** {@code ../shared/<relative>}, or a skip naming it. */
  static Path require(String relative) {
    String root = System.getProperty("nb201.shared", "../../shared");
    Path p = Path.of(root).resolve(relative);
    assumeTrue(Files.exists(p), "../shared/" + relative + " not present: skipping");
    return p;
  }

  /** The NATS-Bench topology sample ({@code data/nats-tss-sample}), or a skip. */
  static Path natsSample() {
    return require("data/nats-tss-sample");
  }

  /**
   * The file whose path ends with {@code suffix} inside the CIFAR fixture zip {@code zip}
   * ({@code data/cifar-fixtures}), e.g. {@code cifar-100-python/test}, or a skip.
   */
  static byte[] cifarFile(String zip, String suffix) throws IOException {
    try (InputStream in = Files.newInputStream(require("data/cifar-fixtures/" + zip));
        ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        if (e.getName().endsWith(suffix)) {
          return z.readAllBytes();
        }
      }
    }
    throw new IOException(zip + " holds no " + suffix);
  }
}
