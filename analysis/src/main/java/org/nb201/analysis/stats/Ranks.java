package org.nb201.analysis.stats;

/**
 * Ranks with ties averaged ({@code scipy.stats.rankdata(method='average')}): the smallest value has
 * rank 1, and equal values share the mean of the ranks they span. Values must not be {@code NaN}.
 */
public final class Ranks {
  private Ranks() {}

  /** The average ranks of {@code x}, 1-based. */
  public static double[] average(double[] x) {
    int[] order = Order.argsort(x);
    int n = x.length;
    double[] r = new double[n];
    for (int i = 0; i < n;) {
      int j = i;
      while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = avg;
      }
      i = j + 1;
    }
    return r;
  }

  /** Dense ranks, 0-based: equal values share one rank, the next distinct value has the next. */
  static int[] dense(double[] x) {
    int[] order = Order.argsort(x);
    int[] r = new int[x.length];
    int rank = -1;
    for (int k = 0; k < order.length; k++) {
      if (k == 0 || x[order[k]] != x[order[k - 1]]) {
        rank++;
      }
      r[order[k]] = rank;
    }
    return r;
  }

  /**
   * Competition ranks by descending value: 1 for the largest, and equal values share the best
   * rank of their group (rank 1 = the best cell, as tables show it).
   */
  public static int[] descending(double[] x) {
    int[] order = Order.argsort(x);
    int n = x.length;
    int[] r = new int[n];
    for (int i = n - 1; i >= 0;) {
      int j = i;
      while (j - 1 >= 0 && x[order[j - 1]] == x[order[i]]) {
        j--;
      }
      for (int k = j; k <= i; k++) {
        r[order[k]] = n - i;
      }
      i = j - 1;
    }
    return r;
  }
}
