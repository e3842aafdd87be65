package org.nb201.search.multi;

import java.util.ArrayList;
import java.util.List;
import org.nb201.search.pareto.ParetoResult;

/**
 * The summary of many multi-objective runs, for tables and reports: the true front (objectives,
 * reference point, hypervolume), the mean and sample standard deviation over runs of the found
 * set's relative hypervolume, of the found set's size and of the evaluations and simulated time
 * per run, every run's final relative hypervolume, and the anytime curve on a grid of the budget
 * (mean and standard deviation of the relative hypervolume reached by each time).
 */
public record MultiSearchSummary(String algorithm, int runs, double budget, long seed, int searchableCells,
    ParetoResult truth, Stat relativeHypervolume, Stat foundCells, Stat evaluated, Stat usedTime,
    List<Double> finalRelativeHypervolumes, List<CurvePoint> curve) {

  /** Mean and sample standard deviation (n - 1; 0 for one run), minimum and maximum. */
  public record Stat(double mean, double std, double min, double max) {
    static Stat of(double[] xs) {
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double x : xs) {
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      double mean = sum / xs.length;
      double ss = 0;
      for (double x : xs) {
        ss += (x - mean) * (x - mean);
      }
      return new Stat(mean, xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : 0, min, max);
    }
  }

  /** The runs' relative hypervolume by simulated {@code time}: mean and sample standard deviation. */
  public record CurvePoint(double time, double mean, double std) {}

  public MultiSearchSummary {
    finalRelativeHypervolumes = List.copyOf(finalRelativeHypervolumes);
    curve = List.copyOf(curve);
  }

  /** Summarises {@code results} of {@code spec} under {@code config} on {@code problem}. */
  public static MultiSearchSummary of(List<MultiRunResult> results, MultiObjectiveSpec spec, MultiSearchConfig config,
      MultiObjectiveProblem problem) {
    int n = results.size();
    double[] hv = new double[n];
    double[] found = new double[n];
    double[] evaluated = new double[n];
    double[] used = new double[n];
    List<Double> finals = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      MultiRunResult x = results.get(r);
      hv[r] = x.relativeHypervolume();
      found[r] = x.found().size();
      evaluated[r] = x.evaluated();
      used[r] = x.usedTime();
      finals.add(x.relativeHypervolume());
    }
    List<CurvePoint> curve = new ArrayList<>();
    for (int g = 1; g <= config.curvePoints(); g++) {
      double t = config.budget() * g / config.curvePoints();
      double[] at = new double[n];
      for (int r = 0; r < n; r++) {
        at[r] = results.get(r).relativeHypervolumeAt(t);
      }
      Stat s = Stat.of(at);
      curve.add(new CurvePoint(t, s.mean(), s.std()));
    }
    return new MultiSearchSummary(spec.key(), n, config.budget(), config.seed(), problem.searchableCells(),
        problem.truth(), Stat.of(hv), Stat.of(found), Stat.of(evaluated), Stat.of(used), finals, curve);
  }
}
