package org.nb201.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** Test data locations shared by the CLI tests. */
public final class Fixtures {
  private Fixtures() {}

  /** Debian's Fashion-MNIST, or a skip naming the package to install. */
  public static Path fashion() {
    assumeTrue(DataLocations.hasFashion(DataLocations.FASHION_DEBIAN),
        "Fashion-MNIST not installed: run 'apt-get install dataset-fashion-mnist'");
    return DataLocations.FASHION_DEBIAN;
  }

  /** A tiny real plan on Fashion-MNIST: {@code cells} cells, 1 epoch, C4 N1, few images. */
  public static CliRun plan(Path plan, String archs) {
    CliRun r = CliRun.of("plan", "--archs", archs, "--datasets", "fashion-mnist", "--hp", "1", "--seeds", "777",
        "--C", "4", "--N", "1", "--train-limit", "128", "--eval-limit", "64", "--batch-size", "64", "--out",
        plan.toString());
    org.assertj.core.api.Assertions.assertThat(r.exitCode()).as("plan failed: " + r.err()).isZero();
    return r;
  }

  /** The NATS-Bench sample in {@code ../shared/data/nats-tss-sample}, or a skip. */
  public static Path natsSample() {
    return ImportNatsCommandTest.natsSample();
  }

  /** A small tidy-CSV store of real values in {@code dir/sample.duckdb} (see {@link ImportCommandTest}). */
  public static Path sampleStore(Path dir) throws java.io.IOException {
    return ImportCommandTest.sampleStore(dir);
  }
}
