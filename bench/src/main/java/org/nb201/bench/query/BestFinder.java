package org.nb201.bench.query;

import org.nb201.bench.CostRecord;
import org.nb201.space.Arch;

/**
 * The loop of {@code find_best} over a {@link FinalView}: architectures in index order, skipping
 * those over a limit (official: {@code flop > FLOP_max}, so equal is allowed), keeping the first
 * strictly higher accuracy. Architectures whose costs or final values are missing are counted,
 * not silently ranked.
 */
final class BestFinder {
  private BestFinder() {}

  static BestResult find(FinalView view, CostRecord[] costs, Double flopMax, Double paramMax) {
    int best = -1;
    double bestAcc = Double.NaN;
    int candidates = 0;
    int overLimit = 0;
    int missingCosts = 0;
    int missingMetric = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      if (view.seedCount(i) == 0) {
        continue;
      }
      candidates++;
      if (costs != null) {
        CostRecord c = costs[i];
        if (c == null || flopMax != null && Double.isNaN(c.flops()) || paramMax != null && Double.isNaN(c.params())) {
          missingCosts++;
          continue;
        }
        if (flopMax != null && c.flops() > flopMax || paramMax != null && c.params() > paramMax) {
          overLimit++;
          continue;
        }
      }
      double acc = view.meanAccuracy(i);
      if (Double.isNaN(acc)) {
        missingMetric++;
        continue;
      }
      if (best == -1 || bestAcc < acc) {
        best = i;
        bestAcc = acc;
      }
    }
    return new BestResult(best, bestAcc, candidates, overLimit, missingCosts, missingMetric);
  }
}
