package org.nb201.search;

import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * Random search ({@code RANDOM.py}, spec 7.1): sample uniform random cells until the budget is
 * spent; return the one with the best signal (the first of equals).
 */
public final class RandomSearch implements SearchAlgorithm {
  private final Coverage coverage;
  private final PyRandom rng;
  private Arch best;
  private double bestAccuracy = Double.NEGATIVE_INFINITY;

  public RandomSearch(Coverage coverage, PyRandom rng) {
    this.coverage = coverage;
    this.rng = rng;
  }

  @Override
  public Arch propose() {
    return coverage.randomArch(rng);
  }

  @Override
  public void observe(Arch arch, double accuracy) {
    if (best == null || accuracy > bestAccuracy) {
      best = arch;
      bestAccuracy = accuracy;
    }
  }

  @Override
  public Arch best() {
    return best;
  }
}
