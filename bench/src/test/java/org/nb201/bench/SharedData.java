package org.nb201.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only reference data in {@code ../shared} next to the repository: from the
 * system property {@code nb201.shared} (set by surefire), else by walking up from the working
 * directory to the repository root. Tests that need a file call {@link #require(String)} and are
 * skipped, not failed, in a fresh clone without {@code ../shared}.
 */
public final class SharedData {
  private SharedData() {
  }

  /** The shared directory, when it exists. */
  public static Optional<Path> root() {
    String prop = System.getProperty("nb201.shared");
    if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop))) {
      return Optional.of(Path.of(prop).toAbsolutePath().normalize());
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("space"))
          && Files.isDirectory(p.resolve("bench"))) {
        Path shared = p.resolve("../shared").normalize();
        return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * {@code ../shared/<relative>}; skips the calling test with
   * {@code "../shared/<relative> not present: skipping"} when it is missing.
   */
  public static Path require(String relative) {
    Optional<Path> path = root().map(r -> r.resolve(relative)).filter(Files::exists);
    Assumptions.assumeTrue(path.isPresent(), "../shared/" + relative + " not present: skipping");
    return path.get();
  }

  /** The NATS-Bench topology sample ({@code data/nats-tss-sample}), or a skip. */
  public static Path natsSample() {
    return require("data/nats-tss-sample");
  }
}
