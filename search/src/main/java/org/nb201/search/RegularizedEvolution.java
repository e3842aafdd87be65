package org.nb201.search;

import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * Regularized (aging) evolution (AutoDL-Projects
 * {@code exps/NAS-Bench-201-algos/R_EA.py::regularized_evolution}, run as
 * {@code scripts-search/NAS-Bench-201-algos/R-EA.sh cifar10 3 -1}; see
 * docs/search-algorithms.md#regularized-evolution): a population of 10 random cells; each
 * cycle draws 3 members with replacement, mutates the best of them (one edge, official
 * probabilities), appends the child and removes the oldest member. The result is the best cell of
 * the whole history (the first of equals). Both sizes are {@link RegularizedEvolutionOptions}.
 */
public final class RegularizedEvolution implements SearchAlgorithm {
  private final Coverage coverage;
  private final PyRandom rng;
  private final int populationSize;
  private final int sampleSize;
  // the population as a ring buffer: slot (oldest + k) % size is the k-th oldest member
  private final Arch[] members;
  private final double[] accuracies;
  private int oldest;
  private int size;
  private Arch best;
  private double bestAccuracy = Double.NEGATIVE_INFINITY;

  public RegularizedEvolution(Coverage coverage, PyRandom rng, RegularizedEvolutionOptions options) {
    this.coverage = coverage;
    this.rng = rng;
    this.populationSize = options.population();
    this.sampleSize = options.sampleSize();
    this.members = new Arch[populationSize];
    this.accuracies = new double[populationSize];
  }

  @Override
  public Arch propose() {
    if (size < populationSize) {
      return coverage.randomArch(rng);
    }
    // random.choice(list(population)) draws an age position; the ring maps it to a slot
    int parent = -1;
    for (int i = 0; i < sampleSize; i++) {
      int slot = (oldest + rng.randbelow(size)) % populationSize;
      if (parent < 0 || accuracies[slot] > accuracies[parent]) {
        parent = slot; // Python's max keeps the first of equals
      }
    }
    return Mutation.mutate(members[parent], coverage, rng);
  }

  @Override
  public void observe(Arch arch, double accuracy) {
    if (size < populationSize) {
      members[size] = arch;
      accuracies[size] = accuracy;
      size++;
    } else {
      // append the child, remove the oldest: the child takes the oldest's slot
      members[oldest] = arch;
      accuracies[oldest] = accuracy;
      oldest = (oldest + 1) % populationSize;
    }
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
