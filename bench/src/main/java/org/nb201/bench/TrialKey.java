package org.nb201.bench;

import org.nb201.space.SearchSpace;

/**
 * Identifies one training run in a store: architecture index, dataset key, hp (the number of
 * epochs of the schedule, officially 12 or 200) and seed ({@code null} = values already averaged
 * over seeds by whoever produced them).
 */
public record TrialKey(int index, String dataset, int hp, Integer seed) {
  public TrialKey {
    SearchSpace.checkIndex(index);
    if (dataset == null || dataset.isEmpty()) {
      throw new IllegalArgumentException("dataset must be given");
    }
    if (hp < 1) {
      throw new IllegalArgumentException("hp must be a positive number of epochs, got " + hp);
    }
  }
}
