package org.nb201.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nb201.space.PyRandom;

/**
 * The settings of REINFORCE ({@code reinforce.py}): the Adam learning rate of the policy (official 0.5,
 * {@code REINFORCE.sh cifar10 0.5 -1}; {@code hps/GRID-RL.sh} tries 0.01 to 0.5) and the momentum of the
 * reward baseline's moving average (official {@code --EMA_momentum} 0.9). Build with
 * {@code ReinforceOptions.builder().optLearningRate(0.02).build()}.
 */
public record ReinforceOptions(double learningRate, double emaMomentum) implements BenchmarkAlgorithmOptions {
  /** Registered name. */
  public static final String NAME = "reinforce";
  /** Official learning rate. */
  public static final double LEARNING_RATE = 0.5;
  /** Official EMA momentum of the baseline. */
  public static final double EMA_MOMENTUM = 0.9;

  public ReinforceOptions {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("--lr must be > 0, got " + learningRate);
    }
    if (!(emaMomentum >= 0 && emaMomentum < 1)) {
      throw new IllegalArgumentException("--ema-momentum must be in [0, 1), got " + emaMomentum);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The official settings. */
  public static ReinforceOptions defaults() {
    return builder().build();
  }

  @Override
  public String algorithm() {
    return NAME;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lr", learningRate);
    m.put("ema_momentum", emaMomentum);
    return m;
  }

  @Override
  public SearchAlgorithm newRun(Coverage coverage, PyRandom rng) {
    return new Reinforce(coverage, rng, this);
  }

  /** Builder with the official defaults; validation in {@link #build()}. */
  public static final class Builder {
    private double learningRate = LEARNING_RATE;
    private double emaMomentum = EMA_MOMENTUM;

    private Builder() {}

    public Builder optLearningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    public Builder optEmaMomentum(double emaMomentum) {
      this.emaMomentum = emaMomentum;
      return this;
    }

    public ReinforceOptions build() {
      return new ReinforceOptions(learningRate, emaMomentum);
    }
  }
}
