package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.nb201.train.data.FashionMnistLocator;

/** Test data locations shared by the CLI tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A small store of real values (ImportCommandTest's tidy CSV sample) written into {@code dir}. */
  public static Path sampleStore(Path dir) throws IOException {
    return ImportCommandTest.sampleStore(dir);
  }

  /** Fashion-MNIST where the demo finds it ($NB201_DATA, Debian's location, nb201's cache), or a skip. */
  public static Path fashion() {
    Optional<Path> dir = FashionMnistLocator.find();
    assumeTrue(dir.isPresent(), "Fashion-MNIST not found in " + FashionMnistLocator.candidates()
        + ": run 'apt-get install dataset-fashion-mnist' or './nb201 demo' (which fetches it into the cache)");
    return dir.get();
  }

  /** A tiny real plan on Fashion-MNIST: {@code cells} cells, 1 epoch, C4 N1, few images. */
  public static CliRun plan(Path plan, String archs) {
    CliRun r = CliRun.of("plan", "--archs", archs, "--datasets", "fashion-mnist", "--hp", "1", "--seeds", "777",
        "--C", "4", "--N", "1", "--train-limit", "128", "--eval-limit", "64", "--batch-size", "64", "--out",
        plan.toString());
    assertThat(r.exitCode()).as("plan failed: " + r.err()).isZero();
    return r;
  }

  /** The NATS-Bench sample in {@code ../shared/data/nats-tss-sample}, or a skip. */
  public static Path natsSample() {
    return ImportNatsCommandTest.natsSample();
  }
}
