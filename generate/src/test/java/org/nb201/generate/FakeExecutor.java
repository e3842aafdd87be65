package org.nb201.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nb201.bench.EpochMetrics;
import org.nb201.space.Split;
import org.nb201.space.provenance.Provenance;

/**
 * A stand-in trainer for generation tests: deterministic metrics derived from the trial, and an
 * optional sleep so that a test can kill the process mid-run. With a record file, each finished
 * training appends {@code <id> <pid>} to it (one O_APPEND write), so a test can count trainings over
 * processes. Real training is tested in train and cli.
 */
final class FakeExecutor implements TrialExecutor {
  private final long sleepMillis;
  private final Path record;

  FakeExecutor(long sleepMillis) {
    this(sleepMillis, null);
  }

  FakeExecutor(long sleepMillis, Path record) {
    this.sleepMillis = sleepMillis;
    this.record = record;
  }

  @Override
  public TrialOutcome run(TrialSpec spec) throws Exception {
    if (sleepMillis > 0) {
      Thread.sleep(sleepMillis);
    }
    List<EpochMetrics> m = new ArrayList<>();
    for (int e = 0; e < spec.hp(); e++) {
      double acc = 10 + (spec.index() % 50) + e;
      m.add(new EpochMetrics(e, Split.TRAIN, acc, 2.0 / (e + 1), 1.5, acc + 5));
      m.add(EpochMetrics.of(e, Split.X_VALID, acc - 1, 2.1 / (e + 1), 0.5));
    }
    if (record != null) {
      Files.writeString(record, spec.id() + " " + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    return new TrialOutcome(spec, m, 1.25, 0.5, 0.01,
        Provenance.builder().putConfig("executor", "fake").addSeed(spec.seed()).build());
  }

  /** How many trainings each trial id got, from a record file. */
  static Map<String, Integer> trainings(Path record) throws IOException {
    Map<String, Integer> n = new java.util.TreeMap<>();
    if (Files.exists(record)) {
      for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
        n.merge(line.split(" ")[0], 1, Integer::sum);
      }
    }
    return n;
  }
}
