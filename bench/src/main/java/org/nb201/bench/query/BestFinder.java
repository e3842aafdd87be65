package org.nb201.bench.query;

import org.nb201.bench.CostRecord;
import org.nb201.space.Arch;

/**
 * The loop of {@code find_best} over a {@link FinalView}: architectures in index order, skipping
 * those over a limit (official: {@code flop > FLOP_max}, so equal is allowed), keeping the first
 * strictly higher accuracy. Device limits (latency, energy) work like the FLOP and parameter
 * limits. Architectures whose costs, device values or final values are missing are counted, not
 * silently ranked.
 */
final class BestFinder {
  private BestFinder() {}

  static BestResult find(FinalView view, CostRecord[] costs, Double flopMax, Double paramMax) {
    return find(view, costs, flopMax, paramMax, new double[0][], new double[0]);
  }

  /**
   * As {@link #find(FinalView, CostRecord[], Double, Double)} with device limits: {@code hardware[k]}
   * holds the values by index that must be at most {@code maxima[k]}; a cell without one of them
   * counts as missing costs.
   */
  static BestResult find(FinalView view, CostRecord[] costs, Double flopMax, Double paramMax, double[][] hardware,
      double[] maxima) {
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
      boolean unknown = false;
      boolean over = false;
      for (int k = 0; k < hardware.length; k++) {
        unknown |= Double.isNaN(hardware[k][i]);
        over |= hardware[k][i] > maxima[k];
      }
      if (unknown) {
        missingCosts++;
        continue;
      }
      if (over) {
        overLimit++;
        continue;
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
