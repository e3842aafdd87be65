package org.nb201.search.proxy;

import java.util.Arrays;
import java.util.List;

/**
 * Rank correlations of a proxy with a benchmark metric over the cells that have both (pairs where
 * either value is NaN are left out): Spearman's rho (Pearson correlation of average ranks, as
 * {@code scipy.stats.spearmanr}), Kendall's tau-b (Knight's O(n log n) algorithm with tie
 * corrections, as {@code scipy.stats.kendalltau}) and the "vote" of several proxies (Abdelfattah et
 * al., ICLR 2021, Section 4: for each pair of cells the majority of the proxies decides which is
 * better), given as the tau-b of the voted pairwise order. A small class of its own until the
 * analysis module's statistics take these over.
 */
public final class RankCorrelation {
  private RankCorrelation() {}

  /** A correlation and the number of cells it was computed over. */
  public record Result(double value, int n) {}

  /** Spearman's rho of the pairs where both are numbers ({@code NaN} for fewer than 2 pairs or a constant side). */
  public static Result spearman(double[] x, double[] y) {
    double[][] p = pairs(x, y);
    int n = p[0].length;
    if (n < 2) {
      return new Result(Double.NaN, n);
    }
    return new Result(pearson(ranks(p[0]), ranks(p[1])), n);
  }

  /** Kendall's tau-b of the pairs where both are numbers. */
  public static Result kendall(double[] x, double[] y) {
    double[][] p = pairs(x, y);
    int n = p[0].length;
    return new Result(n < 2 ? Double.NaN : tauB(p[0], p[1]), n);
  }

  /**
   * The tau-b of the pairwise order the majority of {@code proxies} votes for against {@code y},
   * over the cells where every proxy and {@code y} are numbers: for cells i, j the vote is the sign
   * of the sum over proxies of sign(p(i) - p(j)), a tie when it is 0. O(n^2) in the cells.
   */
  public static Result vote(List<double[]> proxies, double[] y) {
    int total = y.length;
    int[] keep = new int[total];
    int n = 0;
    for (int i = 0; i < total; i++) {
      boolean ok = !Double.isNaN(y[i]);
      for (double[] p : proxies) {
        ok &= !Double.isNaN(p[i]);
      }
      if (ok) {
        keep[n++] = i;
      }
    }
    if (n < 2) {
      return new Result(Double.NaN, n);
    }
    long concordant = 0;
    long discordant = 0;
    long tiedVote = 0;
    long tiedY = 0;
    for (int a = 0; a < n; a++) {
      int i = keep[a];
      for (int b = a + 1; b < n; b++) {
        int j = keep[b];
        int v = 0;
        for (double[] p : proxies) {
          v += Double.compare(p[i], p[j]) > 0 ? 1 : p[i] == p[j] ? 0 : -1;
        }
        int s = Integer.signum(v);
        int t = y[i] > y[j] ? 1 : y[i] == y[j] ? 0 : -1;
        if (s == 0) {
          tiedVote++;
        }
        if (t == 0) {
          tiedY++;
        }
        if (s != 0 && t != 0) {
          if (s == t) {
            concordant++;
          } else {
            discordant++;
          }
        }
      }
    }
    double pairs = (double) n * (n - 1) / 2;
    double denom = Math.sqrt((pairs - tiedVote) * (pairs - tiedY));
    return new Result(denom == 0 ? Double.NaN : (concordant - discordant) / denom, n);
  }

  private static double[][] pairs(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("vectors of different lengths: " + x.length + " and " + y.length);
    }
    double[] a = new double[x.length];
    double[] b = new double[x.length];
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        a[n] = x[i];
        b[n] = y[i];
        n++;
      }
    }
    return new double[][] {Arrays.copyOf(a, n), Arrays.copyOf(b, n)};
  }

  /** Average ranks (1-based; ties share the mean of their positions). */
  static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(v[i], v[j]));
    double[] r = new double[n];
    for (int s = 0; s < n;) {
      int e = s;
      while (e + 1 < n && v[order[e + 1]] == v[order[s]]) {
        e++;
      }
      double rank = (s + e) / 2.0 + 1;
      for (int k = s; k <= e; k++) {
        r[order[k]] = rank;
      }
      s = e + 1;
    }
    return r;
  }

  private static double pearson(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }

  /** Knight's algorithm: sort by (x, y), count ties, then count the swaps a merge sort on y makes. */
  private static double tauB(double[] x, double[] y) {
    int n = x.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (i, j) -> x[i] != x[j] ? Double.compare(x[i], x[j]) : Double.compare(y[i], y[j]));
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int k = 0; k < n; k++) {
      xs[k] = x[idx[k]];
      ys[k] = y[idx[k]];
    }
    long tiesX = 0;
    long tiesXY = 0;
    for (int s = 0, e; s < n; s = e) {
      e = s + 1;
      while (e < n && xs[e] == xs[s]) {
        e++;
      }
      tiesX += (long) (e - s) * (e - s - 1) / 2;
      for (int s2 = s, e2; s2 < e; s2 = e2) {
        e2 = s2 + 1;
        while (e2 < e && ys[e2] == ys[s2]) {
          e2++;
        }
        tiesXY += (long) (e2 - s2) * (e2 - s2 - 1) / 2;
      }
    }
    long swaps = mergeCount(ys, new double[n], 0, n);
    long tiesY = 0;
    for (int s = 0, e; s < n; s = e) {
      e = s + 1;
      while (e < n && ys[e] == ys[s]) {
        e++;
      }
      tiesY += (long) (e - s) * (e - s - 1) / 2;
    }
    double pairs = (double) n * (n - 1) / 2;
    double num = pairs - tiesX - tiesY + tiesXY - 2.0 * swaps;
    double den = Math.sqrt((pairs - tiesX) * (pairs - tiesY));
    return den == 0 ? Double.NaN : num / den;
  }

  /** Sorts a[from, to) ascending and returns how many pairs were out of order (strictly greater first). */
  private static long mergeCount(double[] a, double[] tmp, int from, int to) {
    if (to - from < 2) {
      return 0;
    }
    int mid = (from + to) >>> 1;
    long swaps = mergeCount(a, tmp, from, mid) + mergeCount(a, tmp, mid, to);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      if (a[j] < a[i]) {
        swaps += mid - i;
        tmp[k++] = a[j++];
      } else {
        tmp[k++] = a[i++];
      }
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < to) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
    return swaps;
  }
}
