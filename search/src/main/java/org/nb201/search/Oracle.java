package org.nb201.search;

import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * Answers "how good is this cell, and what did finding out cost?" for a search algorithm. The
 * official oracle (AutoDL-Projects {@code exps/NAS-Bench-201-algos/R_EA.py::train_and_eval}; see
 * docs/search-algorithms.md#the-oracle) picks one seed at random with the run's
 * own random stream, returns the hp 12 {@code cifar10-valid} x-valid accuracy after the last epoch of
 * that seed, and charges train-all-time + valid-per-time of that seed.
 */
public interface Oracle {
  /** The cells this oracle can answer for; algorithms propose only these. */
  Coverage coverage();

  /** Evaluates {@code arch}, which must be covered; seed choice draws from {@code rng}. */
  Evaluation evaluate(Arch arch, PyRandom rng);

  /**
   * The cost of the cheapest evaluation with a positive cost, over every covered cell and seed
   * ({@code NaN} when none costs anything): what bounds the evaluations a budget affords.
   */
  double cheapestCost();

  /** The mean cost of one evaluation over every covered cell and seed. */
  double meanCost();
}
