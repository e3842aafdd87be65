package org.nb201.search;

import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * Random search (AutoDL-Projects {@code exps/NAS-Bench-201-algos/RANDOM.py}, {@code random_topology_func} and
 * {@code main}; see docs/search-algorithms.md#random-search): sample uniform random cells until the budget is
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
