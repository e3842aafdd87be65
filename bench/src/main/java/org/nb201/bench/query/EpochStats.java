package org.nb201.bench.query;

import java.util.Arrays;
import org.nb201.space.Split;

/**
 * What one architecture's trials of one (dataset, hp) measured at one epoch: per (seed, split),
 * accuracy and loss at that epoch ({@code NaN} when absent) and the time summed over epochs
 * 0..epoch with the number of epochs that had a time. Immutable once built; a few hundred bytes.
 */
final class EpochStats {
  static final EpochStats EMPTY = new EpochStats();

  private int n;
  private int[] seed = new int[0];
  private byte[] split = new byte[0];
  private double[] accuracy = new double[0];
  private double[] loss = new double[0];
  private double[] timeSum = new double[0];
  private int[] timeCount = new int[0];

  void add(int s, Split sp, double acc, double l, double tSum, int tCount) {
    if (n == seed.length) {
      int cap = Math.max(4, n * 2);
      seed = Arrays.copyOf(seed, cap);
      split = Arrays.copyOf(split, cap);
      accuracy = Arrays.copyOf(accuracy, cap);
      loss = Arrays.copyOf(loss, cap);
      timeSum = Arrays.copyOf(timeSum, cap);
      timeCount = Arrays.copyOf(timeCount, cap);
    }
    seed[n] = s;
    split[n] = (byte) sp.ordinal();
    accuracy[n] = acc;
    loss[n] = l;
    timeSum[n] = tSum;
    timeCount[n] = tCount;
    n++;
  }

  /** Position of (seed, split), or -1. */
  int find(int s, Split sp) {
    byte b = (byte) sp.ordinal();
    for (int i = 0; i < n; i++) {
      if (seed[i] == s && split[i] == b) {
        return i;
      }
    }
    return -1;
  }

  double accuracy(int pos) {
    return accuracy[pos];
  }

  double loss(int pos) {
    return loss[pos];
  }

  /**
   * Time summed over epochs 0..epoch, the official {@code all_time}; {@code NaN} unless every one
   * of those epochs has a time.
   */
  double allTime(int pos, int epoch) {
    return timeCount[pos] == epoch + 1 ? timeSum[pos] : Double.NaN;
  }
}
