package org.nb201.search;

import org.nb201.space.Arch;

/**
 * A benchmark-driven search algorithm as the runner sees it: it proposes a cell, is told the
 * oracle's signal for it, and can say which cell it would return now. One instance is one run; all
 * randomness comes from the run's stream given at construction.
 */
public interface SearchAlgorithm {
  /** The next cell to evaluate, or {@code null} when the algorithm has nothing more to propose. */
  Arch propose();

  /** The oracle's signal (accuracy in percent) for the cell just proposed. */
  void observe(Arch arch, double accuracy);

  /** The cell this run would return now, or {@code null} before any observation. */
  Arch best();
}
