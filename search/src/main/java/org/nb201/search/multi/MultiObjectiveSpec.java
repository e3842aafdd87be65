package org.nb201.search.multi;

import org.nb201.search.Coverage;
import org.nb201.space.PyRandom;

/**
 * A multi-objective algorithm with its settings: an options record that names the algorithm and
 * creates one run's instance. {@link MoRandomSearch.Options} and {@link MoRegularizedEvolution.Options}.
 */
public interface MultiObjectiveSpec {
  /** The command-line name, e.g. {@code mo-rea}. */
  String key();

  /** A fresh instance for one run over {@code coverage}, drawing all randomness from {@code rng}. */
  MultiObjectiveAlgorithm create(Coverage coverage, PyRandom rng);
}
