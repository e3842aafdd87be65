package org.nb201.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * Regularized (aging) evolution ({@code R_EA.py}, spec 7.1): a population of 10 random cells; each
 * cycle draws 3 members with replacement, mutates the best of them (one edge, official
 * probabilities), appends the child and removes the oldest member. The result is the best cell of
 * the whole history (the first of equals).
 */
public final class RegularizedEvolution implements SearchAlgorithm {
  /** Official population size. */
  public static final int POPULATION = 10;
  /** Official sample size ({@code R-EA.sh cifar10 3 -1}). */
  public static final int SAMPLE = 3;

  private record Member(Arch arch, double accuracy) {}

  private final Coverage coverage;
  private final PyRandom rng;
  private final int populationSize;
  private final int sampleSize;
  private final Deque<Member> population = new ArrayDeque<>();
  private Member best;

  public RegularizedEvolution(Coverage coverage, PyRandom rng) {
    this(coverage, rng, POPULATION, SAMPLE);
  }

  public RegularizedEvolution(Coverage coverage, PyRandom rng, int populationSize, int sampleSize) {
    if (populationSize < 1 || sampleSize < 1) {
      throw new IllegalArgumentException("population and sample size must be >= 1");
    }
    this.coverage = coverage;
    this.rng = rng;
    this.populationSize = populationSize;
    this.sampleSize = sampleSize;
  }

  @Override
  public Arch propose() {
    if (population.size() < populationSize) {
      return coverage.randomArch(rng);
    }
    List<Member> members = new ArrayList<>(population);
    Member parent = null;
    for (int i = 0; i < sampleSize; i++) {
      Member candidate = members.get(rng.randbelow(members.size()));
      if (parent == null || candidate.accuracy() > parent.accuracy()) {
        parent = candidate; // Python's max keeps the first of equals
      }
    }
    return Mutation.mutate(parent.arch(), coverage, rng);
  }

  @Override
  public void observe(Arch arch, double accuracy) {
    Member m = new Member(arch, accuracy);
    boolean initialising = population.size() < populationSize;
    population.addLast(m);
    if (!initialising) {
      population.removeFirst();
    }
    if (best == null || accuracy > best.accuracy()) {
      best = m;
    }
  }

  @Override
  public Arch best() {
    return best == null ? null : best.arch();
  }
}
