package org.nb201.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nb201.analysis.stats.Correlation;
import org.nb201.bench.CostRecord;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.space.Arch;

/**
 * Accuracy against cost (NAS-Bench-201 paper, figure 4; AutoDL-Projects
 * {@code exps/NAS-Bench-201/visualize.py::visualize_info}): for every dataset at its full schedule
 * and every split it has (train, valid, test), each cell's seed-mean final accuracy against its
 * params and FLOPs, the ResNet cell marked, and the ResNet-level comparison: the best accuracy
 * among cells with at most the ResNet cell's params.
 */
public final class CostAnalysis {
  private static final List<String> SPLITS = List.of("train", "x-valid", "x-test", "ori-test");

  private CostAnalysis() {}

  /**
   * One (dataset, split): the cells with an accuracy and costs, the ResNet cell, the best cell, the
   * best within the ResNet cell's params (inclusive; ties keep the lowest index, as
   * {@code find_best}), and the rank correlation of accuracy with params and with FLOPs.
   */
  public record Series(String dataset, String split, int hp, int cells, double resnetAccuracy, double resnetParams,
      double resnetFlops, int bestIndex, double bestAccuracy, double bestParams, int cellsWithinResnetParams,
      int bestWithinResnetIndex, double bestWithinResnetAccuracy, double bestWithinResnetParams,
      double spearmanParams, double spearmanFlops, @Points int[] index, @Points double[] params,
      @Points double[] flops, @Points double[] accuracy) {}

  /** All series of a store, with what could not be shown and why. */
  public record Result(StoreIdentity store, List<Series> series, List<String> notes) {}

  public static Result run(StoreData data) {
    List<Series> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String d : data.datasets()) {
      int hp = data.finalHp(d);
      CostRecord[] costs = data.costs(d);
      if (Arrays.stream(costs).noneMatch(c -> c != null && Double.isFinite(c.params()))) {
        notes.add(d + ": the store has no costs for this dataset; accuracy against cost is not shown");
        continue;
      }
      for (String split : SPLITS) {
        if (!data.hasValues(d, hp, split)) {
          continue;
        }
        Series s = series(d, split, hp, data.meanAccuracy(d, hp, split), costs);
        if (s.cells() == 0) {
          notes.add(d + " " + split + " hp " + hp + ": no cell has both an accuracy and its costs");
          continue;
        }
        if (Double.isNaN(s.resnetAccuracy())) {
          String note = d + " hp " + hp + ": the ResNet cell " + ReferenceCells.RESNET
              + (Double.isNaN(s.resnetParams()) ? " has no costs in the store; no ResNet-level comparison"
                  : " has no " + split + " accuracy in the store (its params still bound the comparison)");
          notes.add(note);
        }
        out.add(s);
      }
    }
    if (data.datasets().isEmpty()) {
      notes.add("the store has no trials");
    }
    return new Result(data.identity(), out, notes.stream().distinct().toList());
  }

  static Series series(String dataset, String split, int hp, double[] acc, CostRecord[] costs) {
    int n = 0;
    int[] index = new int[Arch.COUNT];
    double[] params = new double[Arch.COUNT];
    double[] flops = new double[Arch.COUNT];
    double[] accuracy = new double[Arch.COUNT];
    for (int i = 0; i < Arch.COUNT; i++) {
      CostRecord c = costs[i];
      if (Double.isFinite(acc[i]) && c != null && Double.isFinite(c.params()) && Double.isFinite(c.flops())) {
        index[n] = i;
        params[n] = c.params();
        flops[n] = c.flops();
        accuracy[n] = acc[i];
        n++;
      }
    }
    index = Arrays.copyOf(index, n);
    params = Arrays.copyOf(params, n);
    flops = Arrays.copyOf(flops, n);
    accuracy = Arrays.copyOf(accuracy, n);
    CostRecord resnet = costs[ReferenceCells.RESNET];
    double rParams = resnet == null ? Double.NaN : resnet.params();
    double rFlops = resnet == null ? Double.NaN : resnet.flops();
    int best = -1;
    int bestWithin = -1;
    int within = 0;
    for (int k = 0; k < n; k++) {
      if (best < 0 || accuracy[k] > accuracy[best]) {
        best = k;
      }
      if (params[k] <= rParams) {
        within++;
        if (bestWithin < 0 || accuracy[k] > accuracy[bestWithin]) {
          bestWithin = k;
        }
      }
    }
    return new Series(dataset, split, hp, n, acc[ReferenceCells.RESNET], rParams, rFlops,
        best < 0 ? -1 : index[best], best < 0 ? Double.NaN : accuracy[best], best < 0 ? Double.NaN : params[best],
        within, bestWithin < 0 ? -1 : index[bestWithin], bestWithin < 0 ? Double.NaN : accuracy[bestWithin],
        bestWithin < 0 ? Double.NaN : params[bestWithin], Correlation.spearman(params, accuracy),
        Correlation.spearman(flops, accuracy), index, params, flops, accuracy);
  }
}
