package org.nb201.search;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.nb201.space.PyRandom;

/** The four benchmark-driven algorithms by their command-line names. */
public enum Algorithm {
  RS("rs"),
  REA("rea"),
  REINFORCE("reinforce"),
  BOHB("bohb");

  private final String key;

  Algorithm(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** A fresh instance for one run drawing all randomness from {@code rng}. */
  public SearchAlgorithm create(Coverage coverage, PyRandom rng, SearchConfig config) {
    return switch (this) {
      case RS -> new RandomSearch(coverage, rng);
      case REA -> new RegularizedEvolution(coverage, rng);
      case REINFORCE -> new Reinforce(coverage, rng, config.learningRate());
      case BOHB -> new Bohb(coverage, rng, config.bohbIterations());
    };
  }

  /** The algorithm with this name; an error listing the valid names otherwise. */
  public static Algorithm byKey(String key) {
    for (Algorithm a : values()) {
      if (a.key.equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown search algorithm '" + key + "'; expected one of "
        + Arrays.stream(values()).map(Algorithm::key).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return key;
  }
}
