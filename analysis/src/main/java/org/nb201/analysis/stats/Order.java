package org.nb201.analysis.stats;

/**
 * Stable orderings of primitive arrays without boxing: a merge sort that moves the keys with the
 * positions (contiguous comparisons), so that sorting 15,625 values per epoch for 200 epochs costs
 * milliseconds. Values must not be {@code NaN}.
 */
public final class Order {
  private static final int INSERTION = 24;

  private Order() {}

  /** The positions of {@code x} in ascending order of value; equal values keep their position order. */
  public static int[] argsort(double[] x) {
    return argsort(x, null);
  }

  /** The positions in ascending order of {@code x}, ties broken by ascending {@code y}, then by position. */
  public static int[] argsort(double[] x, double[] y) {
    int n = x.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    double[] kx = x.clone();
    double[] ky = y == null ? null : y.clone();
    sort(a, kx, ky, new int[n], new double[n], y == null ? null : new double[n], 0, n);
    return a;
  }

  private static void sort(int[] a, double[] x, double[] y, int[] ta, double[] tx, double[] ty, int from, int to) {
    if (to - from <= INSERTION) {
      for (int i = from + 1; i < to; i++) {
        int ai = a[i];
        double xi = x[i];
        double yi = y == null ? 0 : y[i];
        int j = i - 1;
        while (j >= from && greater(x[j], y == null ? 0 : y[j], xi, yi)) {
          a[j + 1] = a[j];
          x[j + 1] = x[j];
          if (y != null) {
            y[j + 1] = y[j];
          }
          j--;
        }
        a[j + 1] = ai;
        x[j + 1] = xi;
        if (y != null) {
          y[j + 1] = yi;
        }
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(a, x, y, ta, tx, ty, from, mid);
    sort(a, x, y, ta, tx, ty, mid, to);
    if (!greater(x[mid - 1], y == null ? 0 : y[mid - 1], x[mid], y == null ? 0 : y[mid])) {
      return;
    }
    int len = to - from;
    System.arraycopy(a, from, ta, from, len);
    System.arraycopy(x, from, tx, from, len);
    if (y != null) {
      System.arraycopy(y, from, ty, from, len);
    }
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      boolean left = j >= to || i < mid && !greater(tx[i], ty == null ? 0 : ty[i], tx[j], ty == null ? 0 : ty[j]);
      int s = left ? i++ : j++;
      a[k] = ta[s];
      x[k] = tx[s];
      if (y != null) {
        y[k] = ty[s];
      }
    }
  }

  /** Whether (x1, y1) sorts after (x2, y2); {@code Double.compare} order, so -0.0 comes before 0.0. */
  private static boolean greater(double x1, double y1, double x2, double y2) {
    int c = Double.compare(x1, x2);
    return c > 0 || c == 0 && Double.compare(y1, y2) > 0;
  }
}
