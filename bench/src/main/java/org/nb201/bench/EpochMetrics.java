package org.nb201.bench;

import org.nb201.space.Split;

/**
 * What one epoch of one trial measured on one split. Unknown values are {@code NaN}, never 0.
 *
 * @param epoch 0-based epoch
 * @param split the set measured
 * @param accuracy top-1 accuracy in percent
 * @param loss mean cross-entropy
 * @param time seconds this epoch took on this split
 * @param top5 top-5 accuracy in percent (train only, where recorded)
 */
public record EpochMetrics(int epoch, Split split, double accuracy, double loss, double time, double top5) {
  public EpochMetrics {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    if (split == null) {
      throw new IllegalArgumentException("split must be given");
    }
  }

  /** A record without top-5. */
  public static EpochMetrics of(int epoch, Split split, double accuracy, double loss, double time) {
    return new EpochMetrics(epoch, split, accuracy, loss, time, Double.NaN);
  }
}
