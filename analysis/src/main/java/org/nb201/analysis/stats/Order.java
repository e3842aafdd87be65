package org.nb201.analysis.stats;

/**
 * Stable orderings of primitive arrays without boxing: a merge sort of positions, so that sorting
 * 15,625 values per epoch for 200 epochs costs milliseconds. Values must not be {@code NaN}.
 */
public final class Order {
  private Order() {}

  /** The positions of {@code x} in ascending order of value; equal values keep their position order. */
  public static int[] argsort(double[] x) {
    int n = x.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    mergeSort(a, new int[n], x, null, 0, n);
    return a;
  }

  /** The positions in ascending order of {@code x}, ties broken by ascending {@code y}, then by position. */
  public static int[] argsort(double[] x, double[] y) {
    int n = x.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    mergeSort(a, new int[n], x, y, 0, n);
    return a;
  }

  private static void mergeSort(int[] a, int[] tmp, double[] x, double[] y, int from, int to) {
    if (to - from < 24) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && compare(a[j], v, x, y) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, x, y, from, mid);
    mergeSort(a, tmp, x, y, mid, to);
    if (compare(a[mid - 1], a[mid], x, y) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || i < mid && compare(tmp[i], tmp[j], x, y) <= 0) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }

  private static int compare(int p, int q, double[] x, double[] y) {
    int c = Double.compare(x[p], x[q]);
    if (c != 0 || y == null) {
      return c;
    }
    return Double.compare(y[p], y[q]);
  }
}
