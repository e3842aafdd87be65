package org.nb201.search;

import java.util.Map;
import org.nb201.space.algorithm.OptionValues;

/** Registers random search. */
public final class RandomSearchProvider implements BenchmarkAlgorithmProvider {
  @Override
  public String name() {
    return RandomSearchOptions.NAME;
  }

  @Override
  public String description() {
    return "random search (RANDOM.py): uniform random cells, the best one is returned";
  }

  @Override
  public RandomSearchOptions parse(Map<String, String> values) {
    OptionValues.of(this, values);
    return RandomSearchOptions.defaults();
  }
}
