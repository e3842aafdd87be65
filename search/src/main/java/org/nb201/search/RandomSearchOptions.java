package org.nb201.search;

import java.util.Map;
import org.nb201.space.PyRandom;

/** Random search has no settings besides the protocol's; this is its empty record. */
public record RandomSearchOptions() implements BenchmarkAlgorithmOptions {
  /** Registered name. */
  public static final String NAME = "rs";

  /** The official (and only) settings. */
  public static RandomSearchOptions defaults() {
    return new RandomSearchOptions();
  }

  @Override
  public String algorithm() {
    return NAME;
  }

  @Override
  public Map<String, Object> describe() {
    return Map.of();
  }

  @Override
  public SearchAlgorithm newRun(Coverage coverage, PyRandom rng) {
    return new RandomSearch(coverage, rng);
  }
}
