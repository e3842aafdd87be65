package org.nb201.search.multi;

import java.util.List;

/**
 * The outcome of one multi-objective run: how many evaluations fitted in the budget and the
 * simulated seconds they used, the found set (the distinct cells of the final Pareto archive, by
 * official index, in the order they joined), its hypervolume relative to the true front's, and the
 * anytime curve: one point per evaluation.
 */
public record MultiRunResult(int run, long seed, int evaluated, double usedTime, List<Integer> found,
    double relativeHypervolume, List<Point> curve) {
  public MultiRunResult {
    found = List.copyOf(found);
    curve = List.copyOf(curve);
  }

  /** After evaluation {@code step} (1-based) at simulated {@code time}: the archive's relative hypervolume and size. */
  public record Point(int step, double time, double relativeHypervolume, int archiveCells) {}

  /** The relative hypervolume the run had reached by simulated time {@code t} (0 before its first evaluation). */
  public double relativeHypervolumeAt(double t) {
    double v = 0;
    for (Point p : curve) {
      if (p.time() > t) {
        break;
      }
      v = p.relativeHypervolume();
    }
    return v;
  }
}
