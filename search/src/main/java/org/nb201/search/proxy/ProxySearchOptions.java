package org.nb201.search.proxy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nb201.space.algorithm.AlgorithmOptions;

/**
 * The settings of training-free search ({@link ProxySearch}): cells sampled per run (NASWOT's
 * table uses N = 10, 100 and 1000), independent runs (500), base seed and worker threads. Build with
 * {@code ProxySearchOptions.builder().optSample(100).build()}.
 */
public record ProxySearchOptions(int sample, int runs, long seed, int threads) implements AlgorithmOptions {
  /** The registered name. */
  public static final String NAME = "proxy";

  @Override
  public String algorithm() {
    return NAME;
  }

  /** The algorithm's own setting: the cells sampled per run. */
  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sample", sample);
    return m;
  }

  /** The seed of run {@code r}, as the other searches ({@code SearchConfig.runSeed}). */
  public long runSeed(int r) {
    return seed * 100_000L + r;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder: N = 100, 500 runs, seed 1, all cores. */
  public static final class Builder {
    private int sample = 100;
    private int runs = 500;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    public Builder optSample(int sample) {
      this.sample = sample;
      return this;
    }

    public Builder optRuns(int runs) {
      this.runs = runs;
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

    public ProxySearchOptions build() {
      if (sample < 1) {
        throw new IllegalArgumentException("--sample must be >= 1, got " + sample);
      }
      if (runs < 1) {
        throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
      }
      if (seed < 0 || seed > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("--seed must be in 0.." + Integer.MAX_VALUE + ", got " + seed);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      return new ProxySearchOptions(sample, runs, seed, threads);
    }
  }
}
