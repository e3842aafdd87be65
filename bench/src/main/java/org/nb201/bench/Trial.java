package org.nb201.bench;

import java.util.List;

/**
 * One training run: its key and the metrics of every (epoch, split) that was recorded. Missing
 * epochs or splits are simply absent.
 */
public record Trial(TrialKey key, List<EpochMetrics> metrics) {
  public Trial {
    metrics = List.copyOf(metrics);
  }
}
