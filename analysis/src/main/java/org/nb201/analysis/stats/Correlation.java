package org.nb201.analysis.stats;

import java.util.Arrays;

/**
 * Correlation coefficients of two equally long vectors of finite values ({@link Pairs} drops the
 * cells where either is unknown). Each returns {@code NaN} when it is undefined: fewer than two
 * values, or a vector without spread (scipy returns {@code nan} there too).
 *
 * <ul>
 *   <li>{@link #pearson}: {@code numpy.corrcoef(x, y)[0, 1]}, two-pass (mean first), as the
 *       official analysis scripts compute it ({@code visualize.py}, {@code test-correlation.py}).
 *   <li>{@link #spearman}: Pearson of the average ranks ({@code scipy.stats.spearmanr}).
 *   <li>{@link #kendallTauB}: Kendall's tau-b, which corrects for ties in either vector
 *       ({@code scipy.stats.kendalltau}'s default), in O(n log n) by Knight's algorithm (W. R.
 *       Knight, "A computer method for calculating Kendall's tau with ungrouped data", JASA 1966):
 *       sort the pairs by (x, y), count the tied pairs, then count the discordant pairs as the swaps
 *       a merge sort of the y values makes. Values are replaced by their dense ranks first, so the
 *       sort is one primitive sort of packed keys.
 * </ul>
 */
public final class Correlation {
  private Correlation() {}

  /** The coefficients nb201 reports. */
  public enum Method {
    PEARSON("Pearson"), SPEARMAN("Spearman"), KENDALL("Kendall tau-b");

    private final String title;

    Method(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }

    /** This coefficient of {@code x} and {@code y}. */
    public double of(double[] x, double[] y) {
      return switch (this) {
        case PEARSON -> pearson(x, y);
        case SPEARMAN -> spearman(x, y);
        case KENDALL -> kendallTauB(x, y);
      };
    }
  }

  /** Pearson's r. */
  public static double pearson(double[] x, double[] y) {
    return pearsonComplete(x, y);
  }

  /**
   * Pearson's r over the positions where both {@code x} and {@code y} are finite, without copying:
   * the same value as {@code pearson} of {@link Pairs#complete} (same sums in the same order).
   */
  public static double pearsonComplete(double[] x, double[] y) {
    check(x, y);
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        sx += x[i];
        sy += y[i];
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mx = sx / n;
    double my = sy / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  /** Spearman's rho with average ranks for ties. */
  public static double spearman(double[] x, double[] y) {
    check(x, y);
    return x.length < 2 ? Double.NaN : pearson(Ranks.average(x), Ranks.average(y));
  }

  /** Kendall's tau-b. */
  public static double kendallTauB(double[] x, double[] y) {
    check(x, y);
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    return kendallTauB(Ranks.dense(x), Ranks.dense(y));
  }

  /** Kendall's tau-b of two vectors given as dense ranks (0-based, as {@link Ranks} computes them). */
  static double kendallTauB(int[] rx, int[] ry) {
    int n = rx.length;
    // (x, y) packed into one long: one primitive sort orders the pairs by x, then y
    long[] key = new long[n];
    for (int i = 0; i < n; i++) {
      key[i] = (long) rx[i] << 32 | ry[i];
    }
    Arrays.sort(key);
    long pairs = (long) n * (n - 1) / 2;
    long xTies = 0;
    long jointTies = 0;
    int[] ys = new int[n];
    for (int i = 0; i < n;) {
      int j = i;
      while (j + 1 < n && key[j + 1] >>> 32 == key[i] >>> 32) {
        j++;
      }
      xTies += tied(j - i + 1);
      for (int a = i; a <= j;) {
        int b = a;
        while (b + 1 <= j && key[b + 1] == key[a]) {
          b++;
        }
        jointTies += tied(b - a + 1);
        a = b + 1;
      }
      i = j + 1;
    }
    int[] yCount = new int[n];
    for (int i = 0; i < n; i++) {
      ys[i] = (int) key[i];
      yCount[ry[i]]++;
    }
    long yTies = 0;
    for (int c : yCount) {
      yTies += tied(c);
    }
    long discordant = sortCountingSwaps(ys, new int[n], 0, n);
    double denominator = Math.sqrt((double) (pairs - xTies) * (double) (pairs - yTies));
    if (denominator == 0) {
      return Double.NaN;
    }
    double tau = (pairs - xTies - yTies + jointTies - 2.0 * discordant) / denominator;
    return Math.max(-1, Math.min(1, tau));
  }

  private static long tied(long t) {
    return t * (t - 1) / 2;
  }

  /** Sorts {@code a[from, to)} ascending (stable) and returns how many strictly inverted pairs it had. */
  private static long sortCountingSwaps(int[] a, int[] tmp, int from, int to) {
    if (to - from < 2) {
      return 0;
    }
    int mid = (from + to) >>> 1;
    long swaps = sortCountingSwaps(a, tmp, from, mid) + sortCountingSwaps(a, tmp, mid, to);
    if (a[mid - 1] <= a[mid]) {
      return swaps;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || i < mid && tmp[i] <= tmp[j]) {
        a[k] = tmp[i++];
      } else {
        swaps += mid - i; // tmp[j] jumps ahead of every remaining element of the left half
        a[k] = tmp[j++];
      }
    }
    return swaps;
  }

  private static void check(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("vectors of different lengths: " + x.length + " and " + y.length);
    }
  }
}
