package org.nb201.bench.query;

import java.util.Arrays;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;
import org.nb201.space.OfficialNames;
import org.nb201.space.PyRandom;
import org.nb201.space.Split;

/**
 * The in-memory view search algorithms query millions of times: for one (dataset, hp, split) and
 * one epoch (default the last), every architecture's per-seed accuracy and loss on that split, its
 * train time and split time summed over epochs 0..epoch (with how many of those epochs have a time,
 * for partial data), in flat primitive arrays with one entry per trial the store holds (architecture
 * {@code a}'s seeds are entries {@code start[a]..start[a+1]-1}), so a view costs what exists, however
 * many seeds one architecture has. Loaded with one SQL scan; lookups are array reads. Slots are the
 * seeds in ascending order ({@link StoreReader#AVERAGED} first for pre-averaged values); {@code NaN}
 * marks an unknown value. Immutable and thread-safe.
 */
public final class FinalView {
  private final String dataset;
  private final int hp;
  private final Split split;
  private final int epoch;
  private final int maxSeeds;
  private final int[] start = new int[Arch.COUNT + 1];
  private final int[] seeds;
  private final double[] accuracy;
  private final double[] loss;
  private final double[] trainAllTime;
  private final double[] splitAllTime;
  private final double[] trainEpochTime;
  private final double[] splitEpochTime;
  private final int[] trainTimed;
  private final int[] splitTimed;

  private FinalView(String dataset, int hp, Split split, int epoch, TrialIndex trials) {
    this.dataset = dataset;
    this.hp = hp;
    this.split = split;
    this.epoch = epoch;
    this.maxSeeds = Math.max(1, trials.maxCount());
    for (int i = 0; i < Arch.COUNT; i++) {
      start[i + 1] = start[i] + trials.count(i);
    }
    int n = start[Arch.COUNT];
    seeds = new int[n];
    accuracy = filled(n);
    loss = filled(n);
    trainAllTime = filled(n);
    splitAllTime = filled(n);
    trainEpochTime = filled(n);
    splitEpochTime = filled(n);
    trainTimed = new int[n];
    splitTimed = new int[n];
    for (int i = 0; i < Arch.COUNT; i++) {
      for (int s = 0; s < trials.count(i); s++) {
        seeds[start[i] + s] = trials.seed(i, s);
      }
    }
  }

  /** Loads the view of {@code split} at the last epoch ({@code hp - 1}). */
  public static FinalView load(Store store, String dataset, int hp, String split) {
    return load(store, dataset, hp, split, hp - 1);
  }

  /** Loads the view of {@code split} at {@code epoch}. */
  public static FinalView load(Store store, String dataset, int hp, String split, int epoch) {
    OfficialNames.checkDataset(dataset);
    return load(store.reader(), TrialIndex.load(store.reader(), dataset, hp), dataset, hp, Split.byKey(split), epoch);
  }

  static FinalView load(StoreReader reader, TrialIndex trials, String dataset, int hp, Split split, int epoch) {
    if (epoch < 0 || epoch >= hp) {
      throw new IllegalArgumentException("epoch " + epoch + " out of range for hp " + hp + ", expected 0.." + (hp - 1));
    }
    FinalView v = new FinalView(dataset, hp, split, epoch, trials);
    reader.splitRows(dataset, hp, split.key(), epoch, (index, seed, acc, l, tSum, tCount, sSum, sCount) -> {
      int p = v.entryOf(index, seed);
      if (p >= 0) {
        v.accuracy[p] = acc;
        v.loss[p] = l;
        v.trainAllTime[p] = tCount == epoch + 1 ? tSum : Double.NaN;
        v.splitAllTime[p] = sCount == epoch + 1 ? sSum : Double.NaN;
        v.trainTimed[p] = tCount;
        v.splitTimed[p] = sCount;
        v.trainEpochTime[p] = tCount > 0 ? tSum / tCount : Double.NaN;
        v.splitEpochTime[p] = sCount > 0 ? sSum / sCount : Double.NaN;
      }
    });
    return v;
  }

  /** The entry of (index, seed), or -1: a binary search, as the seeds of an architecture are sorted. */
  private int entryOf(int index, int seed) {
    int p = Arrays.binarySearch(seeds, start[index], start[index + 1], seed);
    return p >= 0 ? p : -1;
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

  /** The largest number of seeds any architecture has (at least 1). */
  public int maxSeeds() {
    return maxSeeds;
  }

  /** The (architecture, seed) entries the view holds: its arrays' length. */
  int entries() {
    return seeds.length;
  }

  /** Number of seeds (trials) of {@code arch}; 0 when the store has none. */
  public int seedCount(int arch) {
    return start[arch + 1] - start[arch];
  }

  /** The seed of a slot ({@link StoreReader#AVERAGED} for pre-averaged values). */
  public int seed(int arch, int slot) {
    return seeds[start[arch] + slot];
  }

  /** Accuracy in percent of {@code split} at {@link #epoch()}. */
  public double accuracy(int arch, int slot) {
    return accuracy[start[arch] + slot];
  }

  public double loss(int arch, int slot) {
    return loss[start[arch] + slot];
  }

  /** Training time summed over epochs 0..epoch (the official {@code train-all-time}). */
  public double trainAllTime(int arch, int slot) {
    return trainAllTime[start[arch] + slot];
  }

  /** Time of {@code split} summed over epochs 0..epoch. */
  public double splitAllTime(int arch, int slot) {
    return splitAllTime[start[arch] + slot];
  }

  /** Time of {@code split} per epoch, the official {@code valid-per-time}: all-time / (epoch + 1). */
  public double splitPerTime(int arch, int slot) {
    return splitAllTime[start[arch] + slot] / (epoch + 1);
  }

  /**
   * How many of the epochs 0..epoch have a training time: {@code epoch + 1} when {@link
   * #trainAllTime} is known, fewer in partial data.
   */
  public int trainTimedEpochs(int arch, int slot) {
    return trainTimed[start[arch] + slot];
  }

  /** How many of the epochs 0..epoch have a time of {@code split}. */
  public int splitTimedEpochs(int arch, int slot) {
    return splitTimed[start[arch] + slot];
  }

  /** Mean training time of the epochs 0..epoch that have one ({@code NaN} when none has). */
  public double trainEpochTime(int arch, int slot) {
    return trainEpochTime[start[arch] + slot];
  }

  /** Mean time of {@code split} over the epochs 0..epoch that have one ({@code NaN} when none has). */
  public double splitEpochTime(int arch, int slot) {
    return splitEpochTime[start[arch] + slot];
  }

  /**
   * A slot chosen like the official {@code random.choice(seeds)}; pre-averaged values only when no real seed exists.
   */
  public int randomSlot(int arch, PyRandom rng) {
    int first = firstReal(arch);
    int n = seedCount(arch) - first;
    if (n <= 0) {
      return seedCount(arch) > 0 ? 0 : -1;
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
    int count = seedCount(arch);
    int from = first < count ? first : 0;
    int n = count - from;
    if (n <= 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int s = from; s < count; s++) {
      sum += values[start[arch] + s];
    }
    return sum / n;
  }

  private int firstReal(int arch) {
    return seedCount(arch) > 0 && seeds[start[arch]] == StoreReader.AVERAGED ? 1 : 0;
  }

  private static double[] filled(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
