package org.nb201.analysis.stats;

import java.util.List;

/**
 * A symmetric matrix of one correlation coefficient between named vectors, each entry over the
 * cells where both vectors have a value (pairwise-complete), with the number of cells it used.
 * The diagonal is 1 where a vector has at least two distinct values.
 */
public record CorrelationMatrix(Correlation.Method method, List<String> labels, double[][] values, int[][] cells) {
  /** {@code method} over {@code columns} (one vector per label, a value per cell), within {@code keep} (null = all). */
  public static CorrelationMatrix of(Correlation.Method method, List<String> labels, double[][] columns,
      boolean[] keep) {
    int k = columns.length;
    if (labels.size() != k) {
      throw new IllegalArgumentException(k + " vectors but " + labels.size() + " labels");
    }
    double[][] v = new double[k][k];
    int[][] n = new int[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        Pairs p = Pairs.complete(columns[i], columns[j], keep);
        v[i][j] = v[j][i] = p.correlation(method);
        n[i][j] = n[j][i] = p.size();
      }
    }
    return new CorrelationMatrix(method, List.copyOf(labels), v, n);
  }

  /** The entry for labels {@code a} and {@code b}. */
  public double get(String a, String b) {
    return values[index(a)][index(b)];
  }

  private int index(String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException("no vector '" + label + "' in this matrix; it has " + labels);
    }
    return i;
  }
}
