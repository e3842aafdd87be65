package org.nb201.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.nb201.analysis.stats.Moments;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.space.Arch;
import org.nb201.space.Edge;
import org.nb201.space.Isomorphism;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;

/**
 * What the ops do and how much of the space the store holds: the reference metric (C10-test
 * officially) by op on each edge and by number of convolutions, the isomorphism class counts of
 * the whole space and of the store's cells (AutoDL-Projects
 * {@code exps/NAS-Bench-201/test-correlation.py::check_unique_arch}: 15,625 / 12,751 / 6,466
 * classes, 15,284 valid cells), and how far isomorphic cells, trained separately, disagree.
 */
public final class OpsAnalysis {
  private OpsAnalysis() {}

  /** Accuracy of the cells in one group: how many, mean, population std, best and median. */
  public record Group(String name, int cells, double mean, double std, double max, double median) {
    static Group of(String name, double[] values) {
      if (values.length == 0) {
        return new Group(name, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      double[] s = values.clone();
      Arrays.sort(s);
      int n = s.length;
      double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
      return new Group(name, n, Moments.mean(s), Moments.std(s, 0), s[n - 1], median);
    }
  }

  /** The groups of one edge, one per op in the official order. */
  public record EdgeOps(String edge, List<Group> ops) {}

  /**
   * One isomorphism mode: classes in the whole space, cells of the store with a value, the classes
   * they cover, and among classes with two or more such cells, the mean and largest spread
   * (max - min of the metric) with the class's smallest index.
   */
  public record Classes(String mode, int spaceClasses, int cells, int coveredClasses, int multiCellClasses,
      double meanSpread, double maxSpread, int maxSpreadClass) {}

  public record Result(StoreIdentity store, String metric, List<EdgeOps> edges, List<Group> byConvs,
      List<Classes> classes, int validInSpace, int validCells, int invalidCells, Group invalid, List<String> notes) {}

  public static Result run(StoreData data) {
    List<String> notes = new ArrayList<>();
    FinalMetric ref = data.referenceMetric();
    SearchSpace space = SearchSpace.official();
    int validInSpace = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      validInSpace += space.arch(i).isValid() ? 1 : 0;
    }
    if (ref == null) {
      notes.add("the store has no final accuracy: no per-op statistics");
      return new Result(data.identity(), null, List.of(), List.of(), classes(space, new double[Arch.COUNT], false),
          validInSpace, 0, 0, null, notes);
    }
    double[] v = data.values(ref);
    List<EdgeOps> edges = new ArrayList<>();
    for (int e = 0; e < Arch.EDGES; e++) {
      List<Group> groups = new ArrayList<>();
      for (Op op : Op.values()) {
        final int edge = e;
        groups.add(Group.of(op.officialName(), select(space, v, a -> a.op(edge) == op)));
      }
      edges.add(new EdgeOps(Edge.ALL.get(e).toString(), groups));
    }
    List<Group> byConvs = new ArrayList<>();
    for (int k = 0; k <= Arch.EDGES; k++) {
      final int convs = k;
      byConvs.add(Group.of(k + " conv" + (k == 1 ? "" : "s"),
          select(space, v, a -> a.count(Op.NOR_CONV_1X1) + a.count(Op.NOR_CONV_3X3) == convs)));
    }
    double[] invalid = select(space, v, a -> !a.isValid());
    int cells = select(space, v, a -> true).length;
    if (cells < Arch.COUNT) {
      notes.add("the store has " + ref.label() + " for " + cells + " of 15625 cells; the statistics are over those");
    }
    return new Result(data.identity(), ref.label(), edges, byConvs, classes(space, v, true), validInSpace,
        cells - invalid.length, invalid.length, Group.of("invalid cells", invalid), notes);
  }

  private static double[] select(SearchSpace space, double[] v, Predicate<Arch> p) {
    double[] out = new double[Arch.COUNT];
    int n = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      if (Double.isFinite(v[i]) && p.test(space.arch(i))) {
        out[n++] = v[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static List<Classes> classes(SearchSpace space, double[] v, boolean haveValues) {
    List<Classes> out = new ArrayList<>();
    for (Isomorphism mode : Isomorphism.values()) {
      double[] min = new double[Arch.COUNT];
      double[] max = new double[Arch.COUNT];
      int[] count = new int[Arch.COUNT];
      int cells = 0;
      for (int i = 0; i < Arch.COUNT; i++) {
        if (haveValues && Double.isFinite(v[i])) {
          int c = space.uniqueClass(i, mode);
          min[c] = count[c] == 0 ? v[i] : Math.min(min[c], v[i]);
          max[c] = count[c] == 0 ? v[i] : Math.max(max[c], v[i]);
          count[c]++;
          cells++;
        }
      }
      int covered = 0;
      int multi = 0;
      double sum = 0;
      double worst = Double.NaN;
      int worstClass = -1;
      for (int c = 0; c < Arch.COUNT; c++) {
        if (count[c] > 0) {
          covered++;
        }
        if (count[c] > 1) {
          multi++;
          double spread = max[c] - min[c];
          sum += spread;
          if (worstClass < 0 || spread > worst) {
            worst = spread;
            worstClass = c;
          }
        }
      }
      out.add(new Classes(mode.name().toLowerCase(Locale.ROOT).replace('_', '-'), space.classCount(mode),
          cells, covered, multi, multi == 0 ? Double.NaN : sum / multi, worst, worstClass));
    }
    return out;
  }
}
