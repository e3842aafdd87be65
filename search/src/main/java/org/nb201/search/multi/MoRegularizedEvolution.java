package org.nb201.search.multi;

import org.nb201.search.Coverage;
import org.nb201.search.Mutation;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * Multi-objective regularised (aging) evolution: the official REA loop ({@code R_EA.py}: a
 * population of random cells; each cycle draws {@code sample} members with replacement, mutates the
 * best of them with the official one-edge mutation ({@link Mutation}), appends the child and removes
 * the oldest member) with "best" meaning the lowest NSGA-II rank in the current population, then the
 * largest crowding distance ({@link NonDominatedSorting}), then the first drawn. Defaults are the
 * official REA's population 10 and sample 3. The found set is the archive of all observations,
 * which the runner keeps, as REA returns the best of its whole history.
 */
public final class MoRegularizedEvolution implements MultiObjectiveAlgorithm {
  /**
   * The settings of multi-objective REA. Build with {@code MoRegularizedEvolution.Options.builder()
   * .optPopulation(10).optSample(3).build()}.
   */
  public record Options(int population, int sample) implements MultiObjectiveSpec {
    public Options {
      if (population < 1 || sample < 1) {
        throw new IllegalArgumentException("population and sample size must be >= 1, got " + population + " and "
            + sample);
      }
    }

    public static Builder builder() {
      return new Builder();
    }

    @Override
    public String key() {
      return "mo-rea";
    }

    @Override
    public MultiObjectiveAlgorithm create(Coverage coverage, PyRandom rng) {
      return new MoRegularizedEvolution(coverage, rng, this);
    }

    /** Builder of {@link Options}; defaults are the official REA's. */
    public static final class Builder {
      private int population = 10;
      private int sample = 3;

      private Builder() {}

      public Builder optPopulation(int population) {
        this.population = population;
        return this;
      }

      public Builder optSample(int sample) {
        this.sample = sample;
        return this;
      }

      public Options build() {
        return new Options(population, sample);
      }
    }
  }

  private final Coverage coverage;
  private final PyRandom rng;
  private final int populationSize;
  private final int sampleSize;
  // the population as a ring buffer: slot (oldest + k) % size is the k-th oldest member
  private final Arch[] members;
  private final double[][] vectors;
  private final int[] rank;
  private final double[] crowding;
  // the same members in age order, for the ranking (ties keep age order)
  private final double[][] byAge;
  private final int[] ageRank;
  private final double[] ageCrowding;
  private boolean ranked;
  private int oldest;
  private int size;

  public MoRegularizedEvolution(Coverage coverage, PyRandom rng, Options options) {
    this.coverage = coverage;
    this.rng = rng;
    this.populationSize = options.population();
    this.sampleSize = options.sample();
    this.members = new Arch[populationSize];
    this.vectors = new double[populationSize][];
    this.rank = new int[populationSize];
    this.crowding = new double[populationSize];
    this.byAge = new double[populationSize][];
    this.ageRank = new int[populationSize];
    this.ageCrowding = new double[populationSize];
  }

  @Override
  public Arch propose() {
    if (size < populationSize) {
      return coverage.randomArch(rng);
    }
    if (!ranked) {
      rankPopulation();
    }
    int parent = -1;
    for (int i = 0; i < sampleSize; i++) {
      int slot = (oldest + rng.randbelow(size)) % populationSize; // random.choice over the age-ordered list
      if (parent < 0 || better(slot, parent)) {
        parent = slot;
      }
    }
    return Mutation.mutate(members[parent], coverage, rng);
  }

  private boolean better(int a, int b) {
    return rank[a] < rank[b] || rank[a] == rank[b] && crowding[a] > crowding[b];
  }

  private void rankPopulation() {
    for (int k = 0; k < size; k++) {
      byAge[k] = vectors[(oldest + k) % populationSize];
    }
    NonDominatedSorting.rank(byAge, size, ageRank, ageCrowding);
    for (int k = 0; k < size; k++) {
      rank[(oldest + k) % populationSize] = ageRank[k];
      crowding[(oldest + k) % populationSize] = ageCrowding[k];
    }
    ranked = true;
  }

  @Override
  public void observe(Arch arch, double[] objectives) {
    if (size < populationSize) {
      members[size] = arch;
      vectors[size] = objectives.clone();
      size++;
    } else {
      members[oldest] = arch;
      vectors[oldest] = objectives.clone();
      oldest = (oldest + 1) % populationSize;
    }
    ranked = false;
  }
}
