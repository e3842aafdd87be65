package org.nb201.search.proxy;

import org.nb201.search.RegularizedEvolutionOptions;

/**
 * The settings of REA with a zero-cost warm-up ({@link ProxyWarmup}): the pool of random cells
 * scored by the proxy (3000), REA's population (10, the official {@code R_EA.py} value) and
 * tournament size (3), runs (500), simulated budget per run (12,000 s), base seed, threads, and
 * whether the pool's real scoring time is charged to the budget (default true).
 */
public record WarmupOptions(int pool, int population, int tournament, int runs, double budget, long seed,
    int threads, boolean chargeProxyTime, boolean keepCurves) {

  /** The seed of run {@code r}, as the other searches ({@code SearchConfig.runSeed}). */
  public long runSeed(int r) {
    return seed * 100_000L + r;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder with the defaults above. */
  public static final class Builder {
    private int pool = 3000;
    private int population = RegularizedEvolutionOptions.POPULATION;
    private int tournament = RegularizedEvolutionOptions.SAMPLE_SIZE;
    private int runs = 500;
    private double budget = 12_000;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean chargeProxyTime = true;
    private boolean keepCurves;

    private Builder() {}

    public Builder optPool(int pool) {
      this.pool = pool;
      return this;
    }

    public Builder optPopulation(int population, int tournament) {
      this.population = population;
      this.tournament = tournament;
      return this;
    }

    public Builder optRuns(int runs) {
      this.runs = runs;
      return this;
    }

    public Builder optBudget(double budget) {
      this.budget = budget;
      return this;
    }

    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder optThreads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder optChargeProxyTime(boolean charge) {
      this.chargeProxyTime = charge;
      return this;
    }

    public Builder optKeepCurves(boolean keep) {
      this.keepCurves = keep;
      return this;
    }

    public WarmupOptions build() {
      if (pool < 1 || population < 1 || tournament < 1) {
        throw new IllegalArgumentException("--warmup-pool, population and tournament size must be >= 1, got " + pool
            + ", " + population + ", " + tournament);
      }
      if (runs < 1) {
        throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
      }
      if (!(budget > 0) || Double.isInfinite(budget)) {
        throw new IllegalArgumentException("--budget must be a positive number of simulated seconds, got " + budget);
      }
      if (seed < 0 || seed > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("--seed must be in 0.." + Integer.MAX_VALUE + ", got " + seed);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      return new WarmupOptions(pool, population, tournament, runs, budget, seed, threads, chargeProxyTime, keepCurves);
    }
  }
}
