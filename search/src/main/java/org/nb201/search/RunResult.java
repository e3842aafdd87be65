package org.nb201.search;

import java.util.List;
import org.nb201.space.Arch;

/**
 * The outcome of one search run: the returned cell, how many evaluations fitted in the budget,
 * the simulated seconds they used, and (when kept) the anytime curve.
 */
public record RunResult(int run, long seed, Arch best, int evaluated, double usedTime, List<CurvePoint> curve) {
  public RunResult {
    curve = List.copyOf(curve);
  }
}
