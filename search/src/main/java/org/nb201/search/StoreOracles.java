package org.nb201.search;

import java.util.Arrays;
import org.nb201.bench.query.FinalView;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.Split;

/**
 * The official oracle from a benchmark store ({@code R_EA.py::train_and_eval}): the hp 12 {@code
 * cifar10-valid} x-valid view, final epoch, one entry per recorded seed; cost = train-all-time +
 * valid-per-time of that seed. Seeds whose accuracy is unknown are left out; a cell with no usable
 * seed is not covered. Partial data is normal: a seed that lacks the times of some epochs is priced
 * from the epochs that have one ({@link EvalCost.Source#ESTIMATED}), a seed with no train or no
 * split time at all is left out, and a fixed cost per evaluation replaces the store's times when the
 * user gives one ({@link EvalCost.Source#FIXED}). With complete times the costs are the official ones.
 */
public final class StoreOracles {
  /** Dataset of the official search signal. */
  public static final String DATASET = Dataset.CIFAR10_VALID.key();
  /** hp of the official search signal (the camera-ready 12-epoch protocol). */
  public static final int HP = 12;
  /** Split of the official search signal. */
  public static final String SPLIT = Split.X_VALID.key();

  /** An oracle and how it priced an evaluation. */
  public record Priced(TableOracle oracle, EvalCost cost) {}

  private StoreOracles() {}

  /** The oracle over an already loaded view (normally {@code cifar10-valid}, hp 12, x-valid), priced from its times. */
  public static TableOracle of(FinalView view) {
    return build(view, Double.NaN).oracle();
  }

  /**
   * The oracle over {@code view}, priced from the store's times ({@code fixedCost} {@code NaN}) or at
   * {@code fixedCost} simulated seconds per evaluation.
   *
   * @throws IllegalArgumentException when the view has no accuracy, or no time to price one with
   *     and no fixed cost is given; the message says which and names {@code --eval-cost}
   */
  public static Priced build(FinalView view, double fixedCost) {
    boolean fixed = !Double.isNaN(fixedCost);
    int epochs = view.epoch() + 1;
    double[][] acc = new double[Arch.COUNT][];
    double[][] cost = new double[Arch.COUNT][];
    int withSignal = 0;
    int unpriced = 0;
    int trials = 0;
    int estimated = 0;
    int minTimed = Integer.MAX_VALUE;
    int maxTimed = 0;
    boolean anyTrainTime = false;
    boolean anySplitTime = false;
    for (int i = 0; i < Arch.COUNT; i++) {
      int n = view.seedCount(i);
      double[] a = new double[n];
      double[] c = new double[n];
      int k = 0;
      boolean signal = false;
      for (int s = 0; s < n; s++) {
        double ac = view.accuracy(i, s);
        if (!Double.isFinite(ac)) {
          continue;
        }
        signal = true;
        anyTrainTime |= view.trainTimedEpochs(i, s) > 0;
        anySplitTime |= view.splitTimedEpochs(i, s) > 0;
        double co = fixed ? fixedCost : view.trainAllTime(i, s) + view.splitPerTime(i, s);
        if (!Double.isFinite(co)) {
          co = estimate(view, i, s);
          if (Double.isFinite(co)) {
            int timed = Math.min(view.trainTimedEpochs(i, s), view.splitTimedEpochs(i, s));
            estimated++;
            minTimed = Math.min(minTimed, timed);
            maxTimed = Math.max(maxTimed, timed);
          }
        }
        if (Double.isFinite(co)) {
          a[k] = ac;
          c[k] = co;
          k++;
        }
      }
      if (signal) {
        withSignal++;
      }
      if (k > 0) {
        acc[i] = Arrays.copyOf(a, k);
        cost[i] = Arrays.copyOf(c, k);
        trials += k;
      } else if (signal) {
        unpriced++;
      }
    }
    String what = view.dataset() + " hp " + view.hp() + " " + view.split();
    if (withSignal == 0) {
      throw new IllegalArgumentException("the store has no " + what + " accuracy at epoch " + view.epoch()
          + ": nothing to search on (the official oracle needs it)");
    }
    if (trials == 0) {
      String lacking = !anyTrainTime && !anySplitTime ? "no train or " + view.split() + " time at all"
          : !anyTrainTime ? "no train time at all" : !anySplitTime ? "no " + view.split() + " time at all"
          : "no seed with both a train and an " + view.split() + " time";
      throw new IllegalArgumentException("the store has " + what + " accuracies of " + withSignal
          + (withSignal == 1 ? " cell" : " cells") + " but " + lacking + " in epochs 0.." + view.epoch()
          + ", so an evaluation cannot be priced (officially train-all-time + valid-per-time); give a fixed"
          + " simulated cost per evaluation with --eval-cost SECONDS");
    }
    EvalCost.Source source = fixed ? EvalCost.Source.FIXED
        : estimated > 0 ? EvalCost.Source.ESTIMATED : EvalCost.Source.STORE;
    EvalCost priced = new EvalCost(source, fixed ? fixedCost : Double.NaN, view.split(), epochs, trials, estimated,
        estimated > 0 ? minTimed : 0, maxTimed, unpriced);
    return new Priced(new TableOracle(acc, cost), priced);
  }

  /**
   * The cost of a seed whose times miss some epochs: each split's mean per timed epoch stands for
   * every epoch (the official times are the same every epoch); a complete all-time is kept as is.
   * {@code NaN} when the train or the split time is missing at every epoch.
   */
  private static double estimate(FinalView view, int arch, int slot) {
    double train = view.trainAllTime(arch, slot);
    if (!Double.isFinite(train)) {
      train = view.trainEpochTime(arch, slot) * (view.epoch() + 1);
    }
    double split = view.splitPerTime(arch, slot);
    if (!Double.isFinite(split)) {
      split = view.splitEpochTime(arch, slot);
    }
    return train + split;
  }
}
