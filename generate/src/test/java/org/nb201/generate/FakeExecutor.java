package org.nb201.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Split;

/**
 * A stand-in trainer for generation tests: deterministic metrics derived from the trial, and an
 * optional sleep so that a test can kill the process mid-run. Real training is tested in train and cli.
 */
final class FakeExecutor implements TrialExecutor {
  private final long sleepMillis;

  FakeExecutor(long sleepMillis) {
    this.sleepMillis = sleepMillis;
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
    return new TrialOutcome(spec, m, 1.25, 0.5, 0.01,
        Map.of("executor", "fake", "seed", Integer.toString(spec.seed())));
  }
}
