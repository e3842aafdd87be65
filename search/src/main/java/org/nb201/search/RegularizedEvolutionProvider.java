package org.nb201.search;

import java.util.List;
import java.util.Map;
import org.nb201.space.algorithm.AlgorithmOption;
import org.nb201.space.algorithm.OptionValues;

/** Registers regularized evolution. */
public final class RegularizedEvolutionProvider implements BenchmarkAlgorithmProvider {
  @Override
  public String name() {
    return RegularizedEvolutionOptions.NAME;
  }

  @Override
  public String description() {
    return "regularized evolution (R_EA.py): aging population, tournament selection, one-edge mutation";
  }

  @Override
  public List<AlgorithmOption> options() {
    return List.of(
        new AlgorithmOption("population", Integer.class, "N", "Population size of the aging evolution"),
        new AlgorithmOption("sample_size", Integer.class, "N", "Tournament sample size, drawn with replacement"));
  }

  @Override
  public RegularizedEvolutionOptions parse(Map<String, String> values) {
    RegularizedEvolutionOptions.Builder b = RegularizedEvolutionOptions.builder();
    OptionValues.of(this, values).ifInt("population", b::optPopulation).ifInt("sample_size", b::optSampleSize);
    return b.build();
  }
}
