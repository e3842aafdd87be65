package org.nb201.search.multi;

import org.nb201.space.Arch;

/**
 * A multi-objective search algorithm as the runner sees it: it proposes a cell and is told the
 * cell's objective vector as the search sees it (minimisation form: the oracle's accuracy signal
 * negated, the other objectives looked up). One instance is one run; all randomness comes from the
 * run's stream given at creation. The runner keeps the Pareto archive of everything observed.
 */
public interface MultiObjectiveAlgorithm {
  /** The next cell to evaluate, or {@code null} when there is nothing more to propose. */
  Arch propose();

  /** The search's objective vector (minimisation form) of the cell just proposed. */
  void observe(Arch arch, double[] objectives);
}
