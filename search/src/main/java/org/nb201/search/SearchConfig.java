package org.nb201.search;

/**
 * The settings of a search experiment (spec 7.1 defaults): algorithm, number of independent runs
 * (500), simulated time budget per run (12,000 s), base seed, worker threads, REINFORCE learning
 * rate (0.5), BOHB iterations (50) and whether to keep every run's anytime curve. Build with
 * {@code SearchConfig.builder(Algorithm.REA).optRuns(500).build()}.
 */
public record SearchConfig(Algorithm algorithm, int runs, double budget, long seed, int threads,
    double learningRate, int bohbIterations, boolean keepCurves) {

  public static Builder builder(Algorithm algorithm) {
    return new Builder(algorithm);
  }

  public Builder toBuilder() {
    return new Builder(algorithm).optRuns(runs).optBudget(budget).optSeed(seed).optThreads(threads)
        .optLearningRate(learningRate).optBohbIterations(bohbIterations).optKeepCurves(keepCurves);
  }

  /** The seed of run {@code r}: distinct per run, independent of thread count. */
  public long runSeed(int r) {
    return seed * 100_000L + r;
  }

  /** Builder with validation in {@link #build()}. */
  public static final class Builder {
    private final Algorithm algorithm;
    private int runs = 500;
    private double budget = 12_000;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private double learningRate = Reinforce.DEFAULT_LR;
    private int bohbIterations = Bohb.DEFAULT_ITERATIONS;
    private boolean keepCurves;

    private Builder(Algorithm algorithm) {
      this.algorithm = algorithm;
    }

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

    public Builder optLearningRate(double lr) {
      this.learningRate = lr;
      return this;
    }

    public Builder optBohbIterations(int iterations) {
      this.bohbIterations = iterations;
      return this;
    }

    public Builder optKeepCurves(boolean keep) {
      this.keepCurves = keep;
      return this;
    }

    public SearchConfig build() {
      if (algorithm == null) {
        throw new IllegalArgumentException("a search algorithm is required");
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
      if (threads < 1 || threads > SearchLimits.maxThreads()) {
        throw new IllegalArgumentException("--threads must be in 1.." + SearchLimits.maxThreads() + " ("
            + SearchLimits.THREADS_PER_PROCESSOR + " x the " + Runtime.getRuntime().availableProcessors()
            + " available processors), got " + threads);
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("--lr must be > 0, got " + learningRate);
      }
      if (bohbIterations < 1) {
        throw new IllegalArgumentException("BOHB iterations must be >= 1, got " + bohbIterations);
      }
      return new SearchConfig(algorithm, runs, budget, seed, threads, learningRate, bohbIterations, keepCurves);
    }
  }
}
