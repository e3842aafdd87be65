package org.nb201.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.nb201.analysis.stats.Correlation;
import org.nb201.analysis.stats.Pairs;
import org.nb201.bench.CostRecord;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/**
 * The cells ranked by the reference (test) metric, with a validation metric, FLOPs and params,
 * reference cells marked, and the Spearman rank correlation of params, FLOPs and validation
 * accuracy with the test accuracy over all ranked cells: the table {@code nb201 demo} prints.
 */
public final class CellRanking {
  private CellRanking() {}

  /** One ranked cell; {@code NaN} for an unknown value. */
  public record Row(int rank, int index, double test, double valid, double flops, double params, String arch,
      boolean reference) {}

  public record Result(StoreIdentity store, String test, String valid, int cells, List<Row> rows,
      double spearmanParams, double spearmanFlops, double spearmanValid, List<String> notes) {}

  /** The top {@code limit} cells (all when {@code limit <= 0}) by the store's reference metric. */
  public static Result run(StoreData data, int limit) {
    List<String> notes = new ArrayList<>();
    FinalMetric test = data.referenceMetric();
    if (test == null) {
      notes.add("the store has no final accuracy: nothing to rank");
      return new Result(data.identity(), null, null, 0, List.of(), Double.NaN, Double.NaN, Double.NaN, notes);
    }
    FinalMetric valid = validFor(data, test);
    double[] t = data.values(test);
    double[] v = valid == null ? null : data.values(valid);
    CostRecord[] costs = data.costs(test.dataset());
    SearchSpace space = SearchSpace.official();
    List<Row> all = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      if (Double.isFinite(t[i])) {
        CostRecord c = costs[i];
        all.add(new Row(0, i, t[i], v == null ? Double.NaN : v[i], c == null ? Double.NaN : c.flops(),
            c == null ? Double.NaN : c.params(), space.arch(i).toString(), ReferenceCells.contains(i)));
      }
    }
    all.sort(Comparator.comparingDouble(Row::test).reversed().thenComparingInt(Row::index));
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < all.size() && (limit <= 0 || r < limit); r++) {
      Row x = all.get(r);
      rows.add(new Row(r + 1, x.index(), x.test(), x.valid(), x.flops(), x.params(), x.arch(), x.reference()));
    }
    if (valid == null) {
      notes.add("no validation metric next to " + test.label() + " in the store");
    }
    double sp = spearman(all, Row::params);
    double sf = spearman(all, Row::flops);
    double sv = spearman(all, Row::valid);
    return new Result(data.identity(), test.label(), valid == null ? null : valid.label(), all.size(), rows, sp, sf, sv,
        notes);
  }

  /** The x-valid metric of the test metric's dataset, else (the paper's CIFAR-10 test) C10-valid. */
  private static FinalMetric validFor(StoreData data, FinalMetric test) {
    for (FinalMetric m : data.finalMetrics()) {
      if (m.dataset().equals(test.dataset()) && m.split().equals("x-valid")) {
        return m;
      }
    }
    for (FinalMetric m : data.finalMetrics()) {
      if (test.isPaperC10Test() && m.label().equals("C10-valid")) {
        return m;
      }
    }
    return null;
  }

  private static double spearman(List<Row> rows, ToDoubleFunction<Row> x) {
    double[] a = rows.stream().mapToDouble(x).toArray();
    double[] b = rows.stream().mapToDouble(Row::test).toArray();
    return Pairs.complete(a, b, null).correlation(Correlation.Method.SPEARMAN);
  }
}
