package org.nb201.train.proxy;

import java.util.Arrays;

/**
 * The dense linear algebra the proxies need, on small square matrices (batch x batch) in double
 * precision: the log of the absolute determinant (numpy's {@code slogdet}: LU with partial
 * pivoting), the correlation matrix of rows ({@code np.corrcoef}) and the eigenvalues of a
 * symmetric matrix (cyclic Jacobi rotations).
 */
final class Matrices {
  private Matrices() {}

  /**
   * log |det a| of the n x n row-major matrix {@code a} (not modified): {@code -Infinity} for a
   * singular matrix (numpy returns sign 0 and -inf), NaN when {@code a} holds NaN.
   */
  static double logAbsDet(double[] a, int n) {
    double[] lu = a.clone();
    double sum = 0;
    for (int k = 0; k < n; k++) {
      int p = k;
      double max = Math.abs(lu[k * n + k]);
      for (int i = k + 1; i < n; i++) {
        double v = Math.abs(lu[i * n + k]);
        if (v > max) {
          max = v;
          p = i;
        }
      }
      if (Double.isNaN(max)) {
        return Double.NaN;
      }
      if (max == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (p != k) {
        for (int j = 0; j < n; j++) {
          double t = lu[k * n + j];
          lu[k * n + j] = lu[p * n + j];
          lu[p * n + j] = t;
        }
      }
      double pivot = lu[k * n + k];
      sum += Math.log(Math.abs(pivot));
      for (int i = k + 1; i < n; i++) {
        double f = lu[i * n + k] / pivot;
        if (f != 0) {
          for (int j = k + 1; j < n; j++) {
            lu[i * n + j] -= f * lu[k * n + j];
          }
        }
      }
    }
    return sum;
  }

  /**
   * The n x n correlation matrix of the n rows (length d) of {@code x}, as {@code np.corrcoef}:
   * covariance over the columns divided by the outer product of the standard deviations; a row
   * with zero variance gives NaN in its row and column.
   */
  static double[] corrcoef(double[] x, int n, int d) {
    double[] centred = new double[n * d];
    for (int i = 0; i < n; i++) {
      double mean = 0;
      for (int j = 0; j < d; j++) {
        mean += x[i * d + j];
      }
      mean /= d;
      for (int j = 0; j < d; j++) {
        centred[i * d + j] = x[i * d + j] - mean;
      }
    }
    double[] c = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int k = i; k < n; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += centred[i * d + j] * centred[k * d + j];
        }
        c[i * n + k] = s;
        c[k * n + i] = s;
      }
    }
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = Math.sqrt(c[i * n + i]);
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double r = c[i * n + k] / (sd[i] * sd[k]);
        // numpy clips to [-1, 1] after dividing
        c[i * n + k] = Double.isNaN(r) ? r : Math.max(-1, Math.min(1, r));
      }
    }
    return c;
  }

  /** The eigenvalues of the symmetric n x n matrix {@code a} (not modified), by cyclic Jacobi sweeps. */
  static double[] symmetricEigenvalues(double[] a, int n) {
    double[] m = a.clone();
    for (double v : m) {
      if (!Double.isFinite(v)) {
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        return nan;
      }
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double diag = 0;
      for (int i = 0; i < n; i++) {
        diag += m[i * n + i] * m[i * n + i];
        for (int j = i + 1; j < n; j++) {
          off += m[i * n + j] * m[i * n + j];
        }
      }
      if (off <= 1e-30 * Math.max(diag, Double.MIN_NORMAL)) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          double apq = m[p * n + q];
          if (apq == 0) {
            continue;
          }
          double app = m[p * n + p];
          double aqq = m[q * n + q];
          double theta = (aqq - app) / (2 * apq);
          double t = Double.isInfinite(theta * theta) ? 1 / (2 * theta)
              : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < n; k++) {
            double mkp = m[k * n + p];
            double mkq = m[k * n + q];
            m[k * n + p] = c * mkp - s * mkq;
            m[k * n + q] = s * mkp + c * mkq;
          }
          for (int k = 0; k < n; k++) {
            double mpk = m[p * n + k];
            double mqk = m[q * n + k];
            m[p * n + k] = c * mpk - s * mqk;
            m[q * n + k] = s * mpk + c * mqk;
          }
        }
      }
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = m[i * n + i];
    }
    return out;
  }
}
