package org.nb201.train;

/** Per-sample running sums of loss, top-1 and top-5 hits, as the official AverageMeters keep them. */
public final class Metrics {
  private double lossSum;
  private long top1;
  private long top5;
  private long count;

  /** Adds a batch: mean loss {@code loss} over its {@code n} images, logits row-major (n, k). */
  public void add(double loss, float[] logits, int[] labels) {
    int n = labels.length;
    int k = logits.length / n;
    lossSum += loss * n;
    for (int i = 0; i < n; i++) {
      float target = logits[i * k + labels[i]];
      int above = 0;
      for (int j = 0; j < k; j++) {
        if (logits[i * k + j] > target) {
          above++;
        }
      }
      if (above < 1) {
        top1++;
      }
      if (above < 5) {
        top5++;
      }
    }
    count += n;
  }

  public double loss() {
    return lossSum / count;
  }

  public double top1() {
    return 100.0 * top1 / count;
  }

  public double top5() {
    return 100.0 * top5 / count;
  }

  public long count() {
    return count;
  }
}
