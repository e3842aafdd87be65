package org.nb201.analysis.stats;

import java.util.Arrays;
import java.util.List;

/**
 * The "vote" of several rankers (Abdelfattah et al., "Zero-Cost Proxies for Lightweight NAS",
 * ICLR 2021, Section 4): for each pair of cells the majority of the rankers decides which is
 * better, and the voted pairwise order is compared with a metric by Kendall's tau-b of the pairs
 * (a pair where the votes cancel out is a tie of the vote). Cells where any ranker or the metric
 * is not finite are left out. O(n^2) in the cells.
 */
public final class Vote {
  private Vote() {}

  /** The tau-b of the voted order of {@code rankers} against {@code y}; {@code NaN} when undefined. */
  public static double kendallTauB(List<double[]> rankers, double[] y) {
    int[] keep = complete(rankers, y);
    int n = keep.length;
    if (n < 2) {
      return Double.NaN;
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
        for (double[] p : rankers) {
          v += Double.compare(p[i], p[j]) > 0 ? 1 : p[i] == p[j] ? 0 : -1;
        }
        int s = Integer.signum(v);
        int t = y[i] > y[j] ? 1 : y[i] == y[j] ? 0 : -1;
        tiedVote += s == 0 ? 1 : 0;
        tiedY += t == 0 ? 1 : 0;
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
    double denominator = Math.sqrt((pairs - tiedVote) * (pairs - tiedY));
    return denominator == 0 ? Double.NaN : (concordant - discordant) / denominator;
  }

  /** How many cells have every ranker and {@code y} finite. */
  public static int cells(List<double[]> rankers, double[] y) {
    return complete(rankers, y).length;
  }

  private static int[] complete(List<double[]> rankers, double[] y) {
    int[] keep = new int[y.length];
    int n = 0;
    for (int i = 0; i < y.length; i++) {
      boolean ok = Double.isFinite(y[i]);
      for (double[] p : rankers) {
        if (p.length != y.length) {
          throw new IllegalArgumentException("vectors of different lengths: " + p.length + " and " + y.length);
        }
        ok &= Double.isFinite(p[i]);
      }
      if (ok) {
        keep[n++] = i;
      }
    }
    return Arrays.copyOf(keep, n);
  }
}
