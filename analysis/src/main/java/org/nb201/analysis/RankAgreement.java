package org.nb201.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nb201.analysis.stats.Correlation;
import org.nb201.analysis.stats.CorrelationMatrix;
import org.nb201.analysis.stats.Order;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.space.Arch;

/**
 * How rankings agree across datasets and splits (NAS-Bench-201 paper, figures 5 and 6;
 * AutoDL-Projects {@code exps/NAS-Bench-201/visualize.py::visualize_relative_ranking}): Pearson
 * ({@code numpy.corrcoef}, as the official figure), Spearman and Kendall tau-b matrices of the
 * store's final metrics over all cells and over the top cells (the paper's CIFAR-10 test accuracy
 * above 92 % and above 93 %; for a store of another dataset the top 10 % and 1 % by its test
 * metric), and the relative-ranking plot: cells sorted by the reference metric, their ranks on the
 * others.
 */
public final class RankAgreement {
  /** The paper's thresholds on CIFAR-10 test accuracy (percent). */
  static final double[] PAPER_THRESHOLDS = {92, 93};
  /** Top fractions by the reference metric when it is not the paper's C10-test. */
  static final double[] TOP_FRACTIONS = {0.10, 0.01};

  private RankAgreement() {}

  /** The three matrices over one subset of cells. */
  public record Subset(String name, int cells, CorrelationMatrix pearson, CorrelationMatrix spearman,
      CorrelationMatrix kendall) {}

  /**
   * The relative ranking: cells (those with every metric) in ascending order of the reference
   * metric ({@code order}, official indices) and, per metric, each cell's position (0-based) in
   * that metric's ascending order ({@code ranks[m][k]} for the k-th cell of {@code order}), ties
   * broken by index as a stable sort of the cells in index order does.
   */
  public record Relative(String reference, List<String> labels, int cells, @Points int[] order,
      @Points int[][] ranks) {}

  public record Result(StoreIdentity store, String reference, List<String> labels, List<Subset> subsets,
      Relative relative, List<String> notes) {}

  public static Result run(StoreData data) {
    List<FinalMetric> metrics = data.finalMetrics();
    List<String> notes = new ArrayList<>(data.finalMetricNotes());
    List<String> labels = metrics.stream().map(FinalMetric::label).toList();
    FinalMetric ref = data.referenceMetric();
    if (metrics.size() < 2) {
      notes.add(metrics.isEmpty() ? "the store has no final accuracies: no rank agreement"
          : "the store has one final metric only (" + labels.get(0) + "): nothing to compare it with");
      return new Result(data.identity(), ref == null ? null : ref.label(), labels, List.of(), null, notes);
    }
    double[][] columns = new double[metrics.size()][];
    for (int m = 0; m < columns.length; m++) {
      columns[m] = data.values(metrics.get(m));
    }
    double[] refValues = data.values(ref);
    List<Subset> subsets = new ArrayList<>();
    subsets.add(subset("all cells", columns, labels, null));
    if (ref.isPaperC10Test()) {
      for (double t : PAPER_THRESHOLDS) {
        boolean[] keep = new boolean[Arch.COUNT];
        for (int i = 0; i < Arch.COUNT; i++) {
          keep[i] = refValues[i] > t;
        }
        subsets.add(subset(String.format(Locale.ROOT, "%s > %.0f %%", ref.label(), t), columns, labels, keep));
      }
    } else {
      notes.add("the paper's top-cell subsets (C10-test above 92 % and 93 %) need cifar10 ori-test hp 200;"
          + " shown instead: the top 10 % and 1 % of cells by " + ref.label());
      for (double f : TOP_FRACTIONS) {
        subsets.add(subset(String.format(Locale.ROOT, "top %.0f %% by %s", f * 100, ref.label()), columns, labels,
            top(refValues, f)));
      }
    }
    for (Subset s : subsets) {
      if (s.cells() < 2) {
        notes.add(s.name() + ": " + s.cells() + (s.cells() == 1 ? " cell" : " cells") + ", too few for a correlation");
      }
    }
    return new Result(data.identity(), ref.label(), labels, subsets, relative(ref, metrics, columns, labels), notes);
  }

  private static Subset subset(String name, double[][] columns, List<String> labels, boolean[] keep) {
    int cells = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      if (keep == null || keep[i]) {
        boolean any = false;
        for (double[] c : columns) {
          any |= Double.isFinite(c[i]);
        }
        cells += any ? 1 : 0;
      }
    }
    return new Subset(name, cells, CorrelationMatrix.of(Correlation.Method.PEARSON, labels, columns, keep),
        CorrelationMatrix.of(Correlation.Method.SPEARMAN, labels, columns, keep),
        CorrelationMatrix.of(Correlation.Method.KENDALL, labels, columns, keep));
  }

  /** The cells whose value is at least the (1 - fraction) quantile: the best ceil(fraction * n) and their ties. */
  static boolean[] top(double[] values, double fraction) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    boolean[] keep = new boolean[values.length];
    if (finite.length == 0) {
      return keep;
    }
    int k = (int) Math.ceil(fraction * finite.length);
    double threshold = finite[finite.length - Math.max(1, k)];
    for (int i = 0; i < values.length; i++) {
      keep[i] = values[i] >= threshold;
    }
    return keep;
  }

  private static Relative relative(FinalMetric ref, List<FinalMetric> metrics, double[][] columns,
      List<String> labels) {
    int[] cells = new int[Arch.COUNT];
    int n = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      boolean all = true;
      for (double[] c : columns) {
        all &= Double.isFinite(c[i]);
      }
      if (all) {
        cells[n++] = i;
      }
    }
    cells = Arrays.copyOf(cells, n);
    int[][] position = new int[columns.length][n];
    for (int m = 0; m < columns.length; m++) {
      double[] v = new double[n];
      for (int k = 0; k < n; k++) {
        v[k] = columns[m][cells[k]];
      }
      int[] ord = Order.argsort(v);
      for (int p = 0; p < n; p++) {
        position[m][ord[p]] = p;
      }
    }
    int r = metrics.indexOf(ref);
    int[] byRef = new int[n];
    for (int k = 0; k < n; k++) {
      byRef[position[r][k]] = k;
    }
    int[] order = new int[n];
    int[][] ranks = new int[columns.length][n];
    for (int p = 0; p < n; p++) {
      int k = byRef[p];
      order[p] = cells[k];
      for (int m = 0; m < columns.length; m++) {
        ranks[m][p] = position[m][k];
      }
    }
    return new Relative(ref.label(), labels, n, order, ranks);
  }
}
