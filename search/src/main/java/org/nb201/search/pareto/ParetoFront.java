package org.nb201.search.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The exact non-dominated set of a set of minimisation vectors. Point {@code p} dominates {@code q}
 * when {@code p <= q} in every objective and {@code p < q} in at least one. Equal vectors do not
 * dominate each other, so <b>every copy of a non-dominated vector is in the front</b> (two cells
 * with the same accuracy and latency are both Pareto-optimal); {@link #distinct} counts the
 * distinct vectors among them.
 *
 * <p>Method: sort lexicographically (all objectives in turn, then input position), so that any
 * point that dominates another comes before it. With two objectives one sweep decides each group
 * of equal vectors by the smallest second objective seen in earlier groups (O(n log n)); with three
 * or more each group is compared with the front found so far, which suffices because a dominated
 * point is also dominated by a non-dominated one (O(n log n + n h k) for a front of size h).
 */
public final class ParetoFront {
  private ParetoFront() {}

  /**
   * Positions in {@code points} of the non-dominated points, in lexicographic order of their
   * vectors (equal vectors in input order). All rows must have the same length and no NaN.
   */
  public static int[] nonDominated(double[][] input) {
    int n = input.length;
    if (n == 0) {
      return new int[0];
    }
    int k = input[0].length;
    double[][] points = new double[n][];
    for (int i = 0; i < n; i++) {
      if (input[i].length != k) {
        throw new IllegalArgumentException("all points need " + k + " objectives, got one with " + input[i].length);
      }
      points[i] = new double[k];
      for (int j = 0; j < k; j++) {
        if (Double.isNaN(input[i][j])) {
          throw new IllegalArgumentException("a point has a NaN objective: " + Arrays.toString(input[i]));
        }
        points[i][j] = input[i][j] + 0.0; // -0.0 (a negated 0) equals 0.0
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, lexicographic(points));
    List<Integer> front = new ArrayList<>();
    if (k == 1) {
      for (int i = 0; i < n && points[order[i]][0] == points[order[0]][0]; i++) {
        front.add(order[i]);
      }
    } else if (k == 2) {
      double bestSecond = Double.POSITIVE_INFINITY; // smallest second objective of all earlier groups
      for (int g = 0; g < n;) {
        int end = groupEnd(points, order, g);
        double y = points[order[g]][1];
        if (y < bestSecond) {
          for (int i = g; i < end; i++) {
            front.add(order[i]);
          }
          bestSecond = y;
        }
        g = end;
      }
    } else {
      List<double[]> kept = new ArrayList<>(); // one vector per front group
      for (int g = 0; g < n;) {
        int end = groupEnd(points, order, g);
        double[] p = points[order[g]];
        boolean dominated = false;
        for (double[] f : kept) {
          if (weaklyDominates(f, p)) {
            dominated = true;
            break;
          }
        }
        if (!dominated) {
          kept.add(p);
          for (int i = g; i < end; i++) {
            front.add(order[i]);
          }
        }
        g = end;
      }
    }
    return front.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Whether {@code p} dominates {@code q}: no worse anywhere, better somewhere. */
  public static boolean dominates(double[] p, double[] q) {
    boolean better = false;
    for (int j = 0; j < p.length; j++) {
      if (p[j] > q[j]) {
        return false;
      }
      better |= p[j] < q[j];
    }
    return better;
  }

  /** Number of distinct vectors among {@code points} at the positions {@code front}. */
  public static int distinct(double[][] points, int[] front) {
    int d = 0;
    for (int i = 0; i < front.length; i++) {
      if (i == 0 || !sameVector(points[front[i]], points[front[i - 1]])) {
        d++;
      }
    }
    return d;
  }

  private static boolean sameVector(double[] p, double[] q) {
    for (int j = 0; j < p.length; j++) {
      if (p[j] != q[j]) {
        return false;
      }
    }
    return true;
  }

  /** {@code f <= p} everywhere (f comes from an earlier, hence different, group). */
  private static boolean weaklyDominates(double[] f, double[] p) {
    for (int j = 0; j < f.length; j++) {
      if (f[j] > p[j]) {
        return false;
      }
    }
    return true;
  }

  private static int groupEnd(double[][] points, Integer[] order, int start) {
    int end = start + 1;
    while (end < order.length && Arrays.equals(points[order[end]], points[order[start]])) {
      end++;
    }
    return end;
  }

  private static Comparator<Integer> lexicographic(double[][] points) {
    return (a, b) -> {
      double[] p = points[a];
      double[] q = points[b];
      for (int j = 0; j < p.length; j++) {
        int c = Double.compare(p[j], q[j]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a, b);
    };
  }
}
