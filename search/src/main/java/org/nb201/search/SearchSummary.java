package org.nb201.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.query.FinalView;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Provenance;

/**
 * The paper-style summary of many runs: for each {@link ReportMetric}, the mean and standard
 * deviation over runs of the seed-mean final accuracy of the cell each run returned, the number
 * of runs whose cell has that value (a missing value is reported as missing, never as 0), and the
 * best value any cell in the store reaches; plus the mean number of evaluated cells, how an
 * evaluation was priced, and the provenance of the experiment (configuration, seed, the store with
 * its SHA-256, tool version, machine).
 */
public record SearchSummary(int runs, double meanEvaluated, double meanUsedTime, Map<String, Stat> metrics,
    boolean partialCoverage, int coveredCells, EvalCost evalCost, Provenance provenance) {

  /**
   * One metric: mean and sample standard deviation over the runs that have a value, how many do,
   * and the best value in the store ({@code NaN} when the store has none).
   */
  public record Stat(double mean, double std, int present, double bestPossible, int bestIndex) {}

  /**
   * Summarises {@code results} on {@code columns}; {@code views} holds the loaded view of each (absent = no
   * data); {@code cost} says how the oracle priced an evaluation; {@code provenance} where it all came from.
   */
  public static SearchSummary of(List<RunResult> results, List<ReportMetric> columns,
      Map<ReportMetric, FinalView> views,
      Coverage coverage, EvalCost cost, Provenance provenance) {
    Map<String, Stat> metrics = metrics(results.stream().map(RunResult::best).toList(), columns, views);
    double evaluated = results.stream().mapToInt(RunResult::evaluated).average().orElse(0);
    double used = results.stream().mapToDouble(RunResult::usedTime).average().orElse(0);
    return new SearchSummary(results.size(), evaluated, used, metrics, !coverage.isFull(), coverage.size(), cost,
        provenance);
  }

  /**
   * The statistics of {@code cells} (one per run) on {@code columns}, by {@link ReportMetric#key()}: the mean and
   * sample standard deviation of their seed-mean accuracies over the cells that have one, and the best cell in
   * the store; {@code views} holds the loaded view of each column (absent = no data).
   */
  public static Map<String, Stat> metrics(List<Arch> cells, List<ReportMetric> columns,
      Map<ReportMetric, FinalView> views) {
    SearchSpace space = SearchSpace.official();
    Map<String, Stat> metrics = new LinkedHashMap<>();
    for (ReportMetric m : columns) {
      FinalView v = views.get(m);
      List<Double> values = new ArrayList<>();
      double best = Double.NaN;
      int bestIndex = -1;
      if (v != null) {
        for (Arch cell : cells) {
          double x = v.meanAccuracy(space.indexOf(cell));
          if (Double.isFinite(x)) {
            values.add(x);
          }
        }
        for (int i = 0; i < Arch.COUNT; i++) {
          double x = v.seedCount(i) > 0 ? v.meanAccuracy(i) : Double.NaN;
          if (Double.isFinite(x) && (bestIndex < 0 || x > best)) {
            best = x;
            bestIndex = i;
          }
        }
      }
      metrics.put(m.key(), new Stat(mean(values), std(values), values.size(), best, bestIndex));
    }
    return metrics;
  }

  private static double mean(List<Double> xs) {
    return xs.isEmpty() ? Double.NaN : xs.stream().mapToDouble(Double::doubleValue).sum() / xs.size();
  }

  /** Sample standard deviation (n - 1), 0 for a single run. */
  private static double std(List<Double> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    if (xs.size() == 1) {
      return 0;
    }
    double m = mean(xs);
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (xs.size() - 1));
  }
}
