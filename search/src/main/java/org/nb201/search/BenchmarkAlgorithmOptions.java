package org.nb201.search;

import org.nb201.space.PyRandom;
import org.nb201.space.algorithm.AlgorithmOptions;

/** The options of a benchmark-driven algorithm, which make its runs. */
public interface BenchmarkAlgorithmOptions extends AlgorithmOptions {
  /** A fresh run within {@code coverage} drawing all randomness from {@code rng}. */
  SearchAlgorithm newRun(Coverage coverage, PyRandom rng);
}
