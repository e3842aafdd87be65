package org.nb201.pickle;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
