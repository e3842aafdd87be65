package org.nb201.search.multi;

/**
 * The settings of a multi-objective search experiment, as the single-objective protocol: number of
 * independent runs (500), simulated time budget per run (12,000 s), base seed (run r uses seed
 * {@code seed * 100000 + r}), worker threads (results do not depend on them) and how many points of
 * the budget the summary's anytime curve has (100: every 1%). Build with
 * {@code MultiSearchConfig.builder().optRuns(500).build()}.
 */
public record MultiSearchConfig(int runs, double budget, long seed, int threads, int curvePoints) {

  public static Builder builder() {
    return new Builder();
  }

  /** The seed of run {@code r}: distinct per run, independent of thread count (as {@code nb201 search}). */
  public long runSeed(int r) {
    return seed * 100_000L + r;
  }

  public Builder toBuilder() {
    return new Builder().optRuns(runs).optBudget(budget).optSeed(seed).optThreads(threads).optCurvePoints(curvePoints);
  }

  /** Builder with validation in {@link #build()}. */
  public static final class Builder {
    private int runs = 500;
    private double budget = 12_000;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int curvePoints = 100;

    private Builder() {}

    public Builder optRuns(int runs) {
      this.runs = runs;
      return this;
    }

    public Builder optBudget(double seconds) {
      this.budget = seconds;
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

    public Builder optCurvePoints(int points) {
      this.curvePoints = points;
      return this;
    }

    public MultiSearchConfig build() {
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
      if (curvePoints < 1 || curvePoints > 10_000) {
        throw new IllegalArgumentException("curve points must be 1..10000, got " + curvePoints);
      }
      return new MultiSearchConfig(runs, budget, seed, threads, curvePoints);
    }
  }
}
