package org.nb201.bench.query;

import java.util.Arrays;
import org.nb201.bench.Split;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * The in-memory view search algorithms query millions of times: for one (dataset, hp, split) and
 * one epoch (default the last), every architecture's per-seed accuracy and loss on that split, its
 * train time and split time summed over epochs 0..epoch, in flat primitive arrays indexed by
 * {@code [arch * maxSeeds() + slot]}. Loaded with one SQL scan; lookups are array reads. Slots are
 * the seeds in ascending order ({@link StoreReader#AVERAGED} first for pre-averaged values);
 * {@code NaN} marks an unknown value. Immutable and thread-safe.
 */
public final class FinalView {
  private final String dataset;
  private final int hp;
  private final Split split;
  private final int epoch;
  private final int stride;
  private final int[] count = new int[Arch.COUNT];
  private final int[] seeds;
  private final double[] accuracy;
  private final double[] loss;
  private final double[] trainAllTime;
  private final double[] splitAllTime;

  private FinalView(String dataset, int hp, Split split, int epoch, TrialIndex trials) {
    this.dataset = dataset;
    this.hp = hp;
    this.split = split;
    this.epoch = epoch;
    this.stride = Math.max(1, trials.maxCount());
    int n = Arch.COUNT * stride;
    seeds = new int[n];
    accuracy = filled(n);
    loss = filled(n);
    trainAllTime = filled(n);
    splitAllTime = filled(n);
    for (int i = 0; i < Arch.COUNT; i++) {
      count[i] = trials.count(i);
      for (int s = 0; s < count[i]; s++) {
        seeds[i * stride + s] = trials.seed(i, s);
      }
    }
  }

  /** Loads the view of {@code split} at the last epoch ({@code hp - 1}). */
  public static FinalView load(Store store, String dataset, int hp, String split) {
    return load(store, dataset, hp, split, hp - 1);
  }

  /** Loads the view of {@code split} at {@code epoch}. */
  public static FinalView load(Store store, String dataset, int hp, String split, int epoch) {
    Names.checkDataset(dataset);
    return load(store.reader(), TrialIndex.load(store.reader(), dataset, hp), dataset, hp, Split.byKey(split), epoch);
  }

  static FinalView load(StoreReader reader, TrialIndex trials, String dataset, int hp, Split split, int epoch) {
    if (epoch < 0 || epoch >= hp) {
      throw new IllegalArgumentException("epoch " + epoch + " out of range for hp " + hp + ", expected 0.." + (hp - 1));
    }
    FinalView v = new FinalView(dataset, hp, split, epoch, trials);
    reader.splitRows(dataset, hp, split.key(), epoch, (index, seed, acc, l, tSum, tCount, sSum, sCount) -> {
      int slot = v.slotOf(index, seed);
      if (slot >= 0) {
        int p = index * v.stride + slot;
        v.accuracy[p] = acc;
        v.loss[p] = l;
        v.trainAllTime[p] = tCount == epoch + 1 ? tSum : Double.NaN;
        v.splitAllTime[p] = sCount == epoch + 1 ? sSum : Double.NaN;
      }
    });
    return v;
  }

  private int slotOf(int index, int seed) {
    for (int s = 0; s < count[index]; s++) {
      if (seeds[index * stride + s] == seed) {
        return s;
      }
    }
    return -1;
  }

  public String dataset() {
    return dataset;
  }

  public int hp() {
    return hp;
  }

  public String split() {
    return split.key();
  }

  /** The epoch the values are taken at. */
  public int epoch() {
    return epoch;
  }

  /** Slots per architecture: the largest number of seeds any architecture has. */
  public int maxSeeds() {
    return stride;
  }

  /** Number of seeds (trials) of {@code arch}; 0 when the store has none. */
  public int seedCount(int arch) {
    return count[arch];
  }

  /** The seed of a slot ({@link StoreReader#AVERAGED} for pre-averaged values). */
  public int seed(int arch, int slot) {
    return seeds[arch * stride + slot];
  }

  /** Accuracy in percent of {@code split} at {@link #epoch()}. */
  public double accuracy(int arch, int slot) {
    return accuracy[arch * stride + slot];
  }

  public double loss(int arch, int slot) {
    return loss[arch * stride + slot];
  }

  /** Training time summed over epochs 0..epoch (the official {@code train-all-time}). */
  public double trainAllTime(int arch, int slot) {
    return trainAllTime[arch * stride + slot];
  }

  /** Time of {@code split} summed over epochs 0..epoch. */
  public double splitAllTime(int arch, int slot) {
    return splitAllTime[arch * stride + slot];
  }

  /** Time of {@code split} per epoch, the official {@code valid-per-time}: all-time / (epoch + 1). */
  public double splitPerTime(int arch, int slot) {
    return splitAllTime[arch * stride + slot] / (epoch + 1);
  }

  /** A slot chosen like the official {@code random.choice(seeds)}; pre-averaged values only when no real seed exists. */
  public int randomSlot(int arch, PyRandom rng) {
    int first = firstReal(arch);
    int n = count[arch] - first;
    if (n <= 0) {
      return count[arch] > 0 ? 0 : -1;
    }
    return first + rng.choiceIndex(n);
  }

  /** The mean accuracy over the real seeds (pre-averaged value if none); {@code NaN} if any is unknown. */
  public double meanAccuracy(int arch) {
    return mean(accuracy, arch);
  }

  /** The mean loss over the real seeds (pre-averaged value if none); {@code NaN} if any is unknown. */
  public double meanLoss(int arch) {
    return mean(loss, arch);
  }

  private double mean(double[] values, int arch) {
    int first = firstReal(arch);
    int from = first < count[arch] ? first : 0;
    int n = count[arch] - from;
    if (n <= 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int s = from; s < count[arch]; s++) {
      sum += values[arch * stride + s];
    }
    return sum / n;
  }

  private int firstReal(int arch) {
    return count[arch] > 0 && seeds[arch * stride] == StoreReader.AVERAGED ? 1 : 0;
  }

  private static double[] filled(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
