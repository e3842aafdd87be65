package org.nb201.analysis.stats;

import java.util.Arrays;

/**
 * The cells where two vectors both have a finite value (pairwise-complete cases), optionally within
 * a subset of cells: the inputs of a correlation when the store lacks some values.
 */
public record Pairs(double[] x, double[] y) {
  /** The pairs of {@code x} and {@code y} at the cells where both are finite and {@code keep} (null = all) holds. */
  public static Pairs complete(double[] x, double[] y, boolean[] keep) {
    if (x.length != y.length || keep != null && keep.length != x.length) {
      throw new IllegalArgumentException("vectors of different lengths");
    }
    double[] a = new double[x.length];
    double[] b = new double[x.length];
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if ((keep == null || keep[i]) && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        a[n] = x[i];
        b[n] = y[i];
        n++;
      }
    }
    return new Pairs(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
  }

  public int size() {
    return x.length;
  }

  /** This coefficient over the pairs. */
  public double correlation(Correlation.Method method) {
    return method.of(x, y);
  }
}
