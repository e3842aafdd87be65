package org.nb201.search;

import java.util.List;
import java.util.Map;
import org.nb201.space.algorithm.AlgorithmOption;
import org.nb201.space.algorithm.OptionValues;

/** Registers REINFORCE. */
public final class ReinforceProvider implements BenchmarkAlgorithmProvider {
  @Override
  public String name() {
    return ReinforceOptions.NAME;
  }

  @Override
  public String description() {
    return "REINFORCE (reinforce.py): a softmax policy per edge trained with Adam on the reward";
  }

  @Override
  public List<AlgorithmOption> options() {
    return List.of(
        new AlgorithmOption("lr", Double.class, "LR", "REINFORCE learning rate, as the official script"),
        new AlgorithmOption("ema_momentum", Double.class, "M", "Momentum of the reward baseline's moving average"));
  }

  @Override
  public ReinforceOptions parse(Map<String, String> values) {
    ReinforceOptions.Builder b = ReinforceOptions.builder();
    OptionValues.of(this, values).ifDouble("lr", b::optLearningRate).ifDouble("ema_momentum", b::optEmaMomentum);
    return b.build();
  }
}
