package org.nb201.search;

import java.util.List;
import java.util.Map;
import org.nb201.space.algorithm.AlgorithmOption;
import org.nb201.space.algorithm.OptionValues;

/** Registers BOHB. */
public final class BohbProvider implements BenchmarkAlgorithmProvider {
  @Override
  public String name() {
    return BohbOptions.NAME;
  }

  @Override
  public String description() {
    return "BOHB (BOHB.py, hpbandster): Hyperband brackets whose new cells come from a TPE-style model";
  }

  @Override
  public List<AlgorithmOption> options() {
    return List.of(
        new AlgorithmOption("eta", Double.class, "ETA", "Successive-halving rate"),
        new AlgorithmOption("min_budget", Double.class, "B",
            "Smallest successive-halving budget (shapes the brackets)"),
        new AlgorithmOption("max_budget", Double.class, "B", "Largest budget, at which the incumbent is chosen"),
        new AlgorithmOption("num_samples", Integer.class, "N", "Model candidates drawn for each new cell"),
        new AlgorithmOption("random_fraction", Double.class, "F", "Fraction of new cells drawn at random"),
        new AlgorithmOption("min_bandwidth", Double.class, "BW", "Smallest bandwidth of the categorical kernel"),
        new AlgorithmOption("iterations", Integer.class, "N", "Hyperband iterations (brackets) at most"));
  }

  @Override
  public BohbOptions parse(Map<String, String> values) {
    BohbOptions.Builder b = BohbOptions.builder();
    OptionValues.of(this, values).ifDouble("eta", b::optEta).ifDouble("min_budget", b::optMinBudget)
        .ifDouble("max_budget", b::optMaxBudget).ifInt("num_samples", b::optNumSamples)
        .ifDouble("random_fraction", b::optRandomFraction).ifDouble("min_bandwidth", b::optMinBandwidth)
        .ifInt("iterations", b::optIterations);
    return b.build();
  }
}
