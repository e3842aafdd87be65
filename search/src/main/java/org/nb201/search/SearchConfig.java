package org.nb201.search;

/**
 * The settings of a search experiment (official defaults: AutoDL-Projects
 * {@code scripts-search/NAS-Bench-201-algos/*.sh}, 500 runs per AutoDL-Projects issue #70; see
 * docs/search-algorithms.md#search-protocol): the algorithm with its own options, number of
 * independent runs (500), simulated time budget per run (12,000 s), base seed, worker threads, whether to keep
 * every run's anytime curve, and an optional fixed simulated cost per evaluation ({@code NaN} = priced from the
 * store's times, see {@link StoreOracles}). Build with
 * {@code SearchConfig.builder(RegularizedEvolutionOptions.defaults()).optRuns(500).build()}.
 */
public record SearchConfig(BenchmarkAlgorithmOptions options, int runs, double budget, long seed, int threads,
    boolean keepCurves, double evalCost) {

  public static Builder builder(BenchmarkAlgorithmOptions options) {
    return new Builder(options);
  }

  public Builder toBuilder() {
    Builder b = new Builder(options).optRuns(runs).optBudget(budget).optSeed(seed).optThreads(threads)
        .optKeepCurves(keepCurves);
    return Double.isNaN(evalCost) ? b : b.optEvalCost(evalCost);
  }

  /** The registered name of the algorithm ({@code rea}). */
  public String algorithm() {
    return options.algorithm();
  }

  /** The seed of run {@code r}: distinct per run, independent of thread count. */
  public long runSeed(int r) {
    return seed * 100_000L + r;
  }

  /** Builder with validation in {@link #build()}. */
  public static final class Builder {
    private final BenchmarkAlgorithmOptions options;
    private int runs = 500;
    private double budget = 12_000;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean keepCurves;
    private double evalCost = Double.NaN;
    private boolean evalCostGiven;

    private Builder(BenchmarkAlgorithmOptions options) {
      this.options = options;
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

    public Builder optKeepCurves(boolean keep) {
      this.keepCurves = keep;
      return this;
    }

    /** A fixed simulated cost per evaluation (finite, &gt; 0) instead of the store's times. */
    public Builder optEvalCost(double seconds) {
      this.evalCost = seconds;
      this.evalCostGiven = true;
      return this;
    }

    public SearchConfig build() {
      if (options == null) {
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
      if (evalCostGiven && !(evalCost > 0 && Double.isFinite(evalCost))) {
        throw new IllegalArgumentException("--eval-cost must be a positive finite number of simulated seconds, got "
            + evalCost);
      }
      return new SearchConfig(options, runs, budget, seed, threads, keepCurves, evalCost);
    }
  }
}
