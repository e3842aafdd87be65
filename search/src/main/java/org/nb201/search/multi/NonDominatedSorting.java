package org.nb201.search.multi;

import java.util.Arrays;
import org.nb201.search.pareto.ParetoFront;

/**
 * NSGA-II's ranking of a population (Deb et al., IEEE TEC 2002): rank 0 is the non-dominated set,
 * rank r the non-dominated set of what remains after ranks 0..r-1; within a rank the crowding
 * distance sums, per objective, the normalised gap between a member's two neighbours (the extremes
 * get infinity). Members are given in population order; ties in a sort keep that order, so the
 * result is deterministic.
 */
final class NonDominatedSorting {
  private NonDominatedSorting() {}

  /** Fills {@code rank[0..n)} and {@code crowding[0..n)} for the vectors {@code v[0..n)}. */
  static void rank(double[][] v, int n, int[] rank, double[] crowding) {
    Arrays.fill(rank, 0, n, -1);
    Arrays.fill(crowding, 0, n, 0);
    int assigned = 0;
    int[] members = new int[n];
    for (int r = 0; assigned < n; r++) {
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (rank[i] >= 0) {
          continue;
        }
        boolean dominated = false;
        for (int j = 0; j < n && !dominated; j++) {
          dominated = j != i && (rank[j] < 0 || rank[j] == r) && ParetoFront.dominates(v[j], v[i]);
        }
        if (!dominated) {
          members[m++] = i;
        }
      }
      for (int q = 0; q < m; q++) {
        rank[members[q]] = r;
      }
      crowd(v, Arrays.copyOf(members, m), crowding);
      assigned += m;
    }
  }

  private static void crowd(double[][] v, int[] front, double[] crowding) {
    if (front.length <= 2) {
      for (int i : front) {
        crowding[i] = Double.POSITIVE_INFINITY;
      }
      return;
    }
    Integer[] order = new Integer[front.length];
    for (int objective = 0; objective < v[front[0]].length; objective++) {
      final int o = objective;
      for (int q = 0; q < front.length; q++) {
        order[q] = front[q];
      }
      Arrays.sort(order, (a, b) -> Double.compare(v[a][o], v[b][o])); // stable: population order on ties
      double lo = v[order[0]][o];
      double hi = v[order[order.length - 1]][o];
      crowding[order[0]] = Double.POSITIVE_INFINITY;
      crowding[order[order.length - 1]] = Double.POSITIVE_INFINITY;
      if (hi > lo) {
        for (int q = 1; q < order.length - 1; q++) {
          crowding[order[q]] += (v[order[q + 1]][o] - v[order[q - 1]][o]) / (hi - lo);
        }
      }
    }
  }
}
