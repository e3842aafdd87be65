package org.nb201.search;

import java.util.Arrays;
import org.nb201.bench.query.FinalView;
import org.nb201.space.Arch;

/**
 * Builds the official oracle from a benchmark store (spec 7.1): the hp 12 {@code cifar10-valid} x-valid
 * view, final epoch, one entry per recorded seed; cost = train-all-time + valid-per-time of that seed.
 * Seeds whose accuracy or times are unknown are left out; a cell with no usable seed is not covered.
 */
public final class StoreOracles {
  /** Dataset of the official search signal. */
  public static final String DATASET = "cifar10-valid";
  /** hp of the official search signal (the camera-ready 12-epoch protocol). */
  public static final int HP = 12;
  /** Split of the official search signal. */
  public static final String SPLIT = "x-valid";

  private StoreOracles() {}

  /** The oracle over an already loaded view (normally {@code cifar10-valid}, hp 12, x-valid). */
  public static TableOracle of(FinalView view) {
    double[][] acc = new double[Arch.COUNT][];
    double[][] cost = new double[Arch.COUNT][];
    boolean any = false;
    for (int i = 0; i < Arch.COUNT; i++) {
      int n = view.seedCount(i);
      double[] a = new double[n];
      double[] c = new double[n];
      int k = 0;
      for (int s = 0; s < n; s++) {
        double ac = view.accuracy(i, s);
        double co = view.trainAllTime(i, s) + view.splitPerTime(i, s);
        if (Double.isFinite(ac) && Double.isFinite(co)) {
          a[k] = ac;
          c[k] = co;
          k++;
        }
      }
      if (k > 0) {
        acc[i] = Arrays.copyOf(a, k);
        cost[i] = Arrays.copyOf(c, k);
        any = true;
      }
    }
    if (!any) {
      throw new IllegalArgumentException("the store has no " + view.dataset() + " hp " + view.hp() + " " + view.split()
          + " accuracy with train and " + view.split() + " times at epoch " + view.epoch()
          + ": nothing to search on (the official oracle needs them)");
    }
    return new TableOracle(acc, cost);
  }
}
