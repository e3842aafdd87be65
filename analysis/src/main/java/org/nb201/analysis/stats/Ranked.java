package org.nb201.analysis.stats;

/**
 * A vector of finite values ranked once: its average ranks (for Spearman) and dense ranks (for
 * Kendall's tau-b), both from one ordering. Correlating one vector with many others (every epoch
 * against the final ranking) then ranks each other vector once instead of once per coefficient.
 */
public final class Ranked {
  private final double[] values;
  private final double[] average;
  private final int[] dense;

  private Ranked(double[] values) {
    this.values = values;
    int n = values.length;
    int[] order = Order.argsort(values);
    average = new double[n];
    dense = new int[n];
    int rank = -1;
    for (int i = 0; i < n;) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      rank++;
      double avg = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        average[order[k]] = avg;
        dense[order[k]] = rank;
      }
      i = j + 1;
    }
  }

  /** Ranks {@code values} (all finite; not copied, do not modify them afterwards). */
  public static Ranked of(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("ranked vectors hold finite values only, got " + v);
      }
    }
    return new Ranked(values);
  }

  public int size() {
    return values.length;
  }

  /** Spearman's rho of two ranked vectors of the same cells. */
  public double spearman(Ranked other) {
    check(other);
    return size() < 2 ? Double.NaN : Correlation.pearson(average, other.average);
  }

  /** Kendall's tau-b of two ranked vectors of the same cells. */
  public double kendallTauB(Ranked other) {
    check(other);
    return size() < 2 ? Double.NaN : Correlation.kendallTauB(dense, other.dense);
  }

  private void check(Ranked other) {
    if (other.size() != size()) {
      throw new IllegalArgumentException("ranked vectors of different lengths: " + size() + " and " + other.size());
    }
  }
}
