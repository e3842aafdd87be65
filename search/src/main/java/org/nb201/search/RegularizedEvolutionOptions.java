package org.nb201.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nb201.space.PyRandom;

/**
 * The settings of regularized evolution ({@code R_EA.py}): population size (official {@code --ea_population}
 * 10) and the sample size of the tournament (official 3, {@code R-EA.sh cifar10 3 -1}). Build with
 * {@code RegularizedEvolutionOptions.builder().optPopulation(20).build()}.
 */
public record RegularizedEvolutionOptions(int population, int sampleSize) implements BenchmarkAlgorithmOptions {
  /** Registered name. */
  public static final String NAME = "rea";
  /** Official population size. */
  public static final int POPULATION = 10;
  /** Official sample size. */
  public static final int SAMPLE_SIZE = 3;

  public RegularizedEvolutionOptions {
    if (population < 1) {
      throw new IllegalArgumentException("--population must be >= 1, got " + population);
    }
    if (sampleSize < 1) {
      throw new IllegalArgumentException("--sample-size must be >= 1, got " + sampleSize);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The official settings. */
  public static RegularizedEvolutionOptions defaults() {
    return builder().build();
  }

  @Override
  public String algorithm() {
    return NAME;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("population", population);
    m.put("sample_size", sampleSize);
    return m;
  }

  @Override
  public SearchAlgorithm newRun(Coverage coverage, PyRandom rng) {
    return new RegularizedEvolution(coverage, rng, this);
  }

  /** Builder with the official defaults; validation in {@link #build()}. */
  public static final class Builder {
    private int population = POPULATION;
    private int sampleSize = SAMPLE_SIZE;

    private Builder() {}

    public Builder optPopulation(int population) {
      this.population = population;
      return this;
    }

    public Builder optSampleSize(int sampleSize) {
      this.sampleSize = sampleSize;
      return this;
    }

    public RegularizedEvolutionOptions build() {
      return new RegularizedEvolutionOptions(population, sampleSize);
    }
  }
}
