package org.nb201.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nb201.space.PyRandom;

/**
 * The settings of BOHB ({@code BOHB.py} with hpbandster's {@code BOHB(...)} and {@code run(n_iterations)}),
 * defaults as the official script: eta 3, budgets 12 to 200, num_samples 4, random_fraction 0,
 * bandwidth_factor 3, min_bandwidth 0.3 and 50 iterations. hpbandster scales only continuous dimensions with
 * bandwidth_factor; the six NB201 dimensions are categorical, so it changes nothing here and is kept so that
 * the recorded settings are the official ones. Build with {@code BohbOptions.builder().optIterations(200).build()}.
 */
public record BohbOptions(double eta, double minBudget, double maxBudget, int numSamples, double randomFraction,
    double bandwidthFactor, double minBandwidth, int iterations) implements BenchmarkAlgorithmOptions {
  /** Registered name. */
  public static final String NAME = "bohb";

  public BohbOptions {
    if (!(eta > 1) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException("--eta must be a number > 1, got " + eta);
    }
    if (!(minBudget > 0) || Double.isInfinite(minBudget)) {
      throw new IllegalArgumentException("--min-budget must be a positive number, got " + minBudget);
    }
    if (!(maxBudget >= minBudget) || Double.isInfinite(maxBudget)) {
      throw new IllegalArgumentException("--max-budget must be a number >= --min-budget (" + minBudget + "), got "
          + maxBudget);
    }
    if (numSamples < 1) {
      throw new IllegalArgumentException("--num-samples must be >= 1, got " + numSamples);
    }
    if (!(randomFraction >= 0 && randomFraction <= 1)) {
      throw new IllegalArgumentException("--random-fraction must be in [0, 1], got " + randomFraction);
    }
    if (!(bandwidthFactor > 0) || Double.isInfinite(bandwidthFactor)) {
      throw new IllegalArgumentException("bandwidth factor must be a positive number, got " + bandwidthFactor);
    }
    if (!(minBandwidth >= 0 && minBandwidth <= 1)) {
      throw new IllegalArgumentException("--min-bandwidth must be in [0, 1], got " + minBandwidth);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("--iterations must be >= 1, got " + iterations);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The official settings. */
  public static BohbOptions defaults() {
    return builder().build();
  }

  @Override
  public String algorithm() {
    return NAME;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("eta", eta);
    m.put("min_budget", minBudget);
    m.put("max_budget", maxBudget);
    m.put("num_samples", numSamples);
    m.put("random_fraction", randomFraction);
    m.put("bandwidth_factor", bandwidthFactor);
    m.put("min_bandwidth", minBandwidth);
    m.put("iterations", iterations);
    return m;
  }

  @Override
  public SearchAlgorithm newRun(Coverage coverage, PyRandom rng) {
    return new Bohb(coverage, rng, this);
  }

  /** Builder with the official defaults; validation in {@link #build()}. */
  public static final class Builder {
    private double eta = 3;
    private double minBudget = 12;
    private double maxBudget = 200;
    private int numSamples = 4;
    private double randomFraction = 0;
    private double bandwidthFactor = 3;
    private double minBandwidth = 0.3;
    private int iterations = 50;

    private Builder() {}

    public Builder optEta(double eta) {
      this.eta = eta;
      return this;
    }

    /** The smallest successive-halving budget (the oracle ignores budgets; they shape the brackets). */
    public Builder optMinBudget(double minBudget) {
      this.minBudget = minBudget;
      return this;
    }

    /** The largest successive-halving budget, at which the incumbent is chosen. */
    public Builder optMaxBudget(double maxBudget) {
      this.maxBudget = maxBudget;
      return this;
    }

    public Builder optNumSamples(int numSamples) {
      this.numSamples = numSamples;
      return this;
    }

    public Builder optRandomFraction(double randomFraction) {
      this.randomFraction = randomFraction;
      return this;
    }

    public Builder optBandwidthFactor(double bandwidthFactor) {
      this.bandwidthFactor = bandwidthFactor;
      return this;
    }

    public Builder optMinBandwidth(double minBandwidth) {
      this.minBandwidth = minBandwidth;
      return this;
    }

    public Builder optIterations(int iterations) {
      this.iterations = iterations;
      return this;
    }

    public BohbOptions build() {
      return new BohbOptions(eta, minBudget, maxBudget, numSamples, randomFraction, bandwidthFactor, minBandwidth,
          iterations);
    }
  }
}
