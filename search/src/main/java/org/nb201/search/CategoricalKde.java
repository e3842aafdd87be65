package org.nb201.search;

/**
 * A product kernel density over categorical vectors with the Aitchison-Aitken kernel and
 * normal-reference bandwidths, as BOHB's model uses it (statsmodels {@code KDEMultivariate} with
 * {@code var_type='u'*6}, {@code bw='normal_reference'}; hpbandster then clips bandwidths from below
 * at {@code min_bandwidth}). The number of levels of a dimension is the number of distinct values in
 * that column of the data, as statsmodels computes it; a column with a single value gives an infinite
 * kernel for other values, and BOHB's sampler copes with such non-finite ratios (see {@link Bohb}).
 */
final class CategoricalKde {
  private final int[][] data;
  private final double[] bw;
  private final int[] levels;

  CategoricalKde(int[][] data, double minBandwidth) {
    if (data.length == 0) {
      throw new IllegalArgumentException("a density needs data");
    }
    this.data = data;
    int d = data[0].length;
    this.bw = new double[d];
    this.levels = new int[d];
    double shrink = 1.06 * Math.pow(data.length, -1.0 / (4 + d));
    for (int j = 0; j < d; j++) {
      double mean = 0;
      boolean[] seen = new boolean[64];
      for (int[] row : data) {
        mean += row[j];
        if (!seen[row[j]]) {
          seen[row[j]] = true;
          levels[j]++;
        }
      }
      mean /= data.length;
      double var = 0;
      for (int[] row : data) {
        var += (row[j] - mean) * (row[j] - mean);
      }
      double h = shrink * Math.sqrt(var / data.length);
      h = Math.min(Math.max(h, 1e-10), 1.0); // statsmodels bounds discrete bandwidths to (0, 1]
      bw[j] = Math.max(h, minBandwidth);
    }
  }

  int size() {
    return data.length;
  }

  int[] row(int i) {
    return data[i];
  }

  double bandwidth(int dim) {
    return bw[dim];
  }

  /** The density at {@code x}. */
  double pdf(int[] x) {
    double sum = 0;
    for (int[] row : data) {
      double p = 1;
      for (int j = 0; j < x.length; j++) {
        p *= x[j] == row[j] ? 1 - bw[j] : bw[j] / (levels[j] - 1);
      }
      sum += p;
    }
    return sum / data.length;
  }
}
