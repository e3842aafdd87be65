package org.nb201.analysis.stats;

import java.util.Arrays;

/**
 * Stable orderings of primitive arrays without boxing: an LSD radix sort of the values' order-
 * preserving 64-bit keys (8 byte passes, skipping the bytes all values share), so that ordering
 * 15,625 accuracies costs a fraction of a millisecond and 200 epochs of them a few. Exact for every
 * double; values must not be {@code NaN}; -0.0 sorts just before 0.0 (they are still equal).
 */
public final class Order {
  private Order() {}

  /** The positions of {@code x} in ascending order of value; equal values keep their position order. */
  public static int[] argsort(double[] x) {
    int n = x.length;
    long[] key = new long[n];
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      key[i] = sortable(x[i]);
      idx[i] = i;
    }
    long[] k2 = new long[n];
    int[] i2 = new int[n];
    int[] count = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (key[i] >>> shift & 0xff) + 1]++;
      }
      boolean trivial = false;
      for (int b = 1; b <= 256; b++) {
        if (count[b] == n) {
          trivial = true;
          break;
        }
      }
      if (trivial) {
        continue; // every value has this byte: the pass would not move anything
      }
      for (int b = 1; b <= 256; b++) {
        count[b] += count[b - 1];
      }
      for (int i = 0; i < n; i++) {
        int p = count[(int) (key[i] >>> shift & 0xff)]++;
        k2[p] = key[i];
        i2[p] = idx[i];
      }
      long[] tk = key;
      key = k2;
      k2 = tk;
      int[] ti = idx;
      idx = i2;
      i2 = ti;
    }
    return idx;
  }

  /** A long whose unsigned order is the numeric order of {@code v} (sign bit flipped, negatives inverted). */
  static long sortable(double v) {
    long bits = Double.doubleToRawLongBits(v);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }
}
