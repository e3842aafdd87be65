package org.nb201.analysis;

import java.util.Arrays;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;

/**
 * The per-epoch accuracies of one (dataset, hp, split) for every cell and seed, in one flat array
 * ({@code [epoch][arch * maxSeeds + slot]}, epoch-major so that one epoch of all cells is
 * contiguous; {@code NaN} where not recorded), loaded with one scan of the store. Slots are the
 * cell's seeds in ascending order, as in the official {@code dataset_seed} lists (the pre-averaged
 * values when a cell has no real seed).
 */
public final class EpochCurves {
  private final String dataset;
  private final int hp;
  private final String split;
  private final int stride;
  private final int plane;
  private final int[] count = new int[Arch.COUNT];
  private final int[] seeds;
  private final double[] values;
  private final boolean[] recorded;

  private EpochCurves(String dataset, int hp, String split, int[][] seedLists) {
    this.dataset = dataset;
    this.hp = hp;
    this.split = split;
    int max = 1;
    for (int[] s : seedLists) {
      max = Math.max(max, s.length);
    }
    this.stride = max;
    this.plane = Arch.COUNT * max;
    this.seeds = new int[Arch.COUNT * stride];
    for (int i = 0; i < Arch.COUNT; i++) {
      count[i] = seedLists[i].length;
      System.arraycopy(seedLists[i], 0, seeds, i * stride, count[i]);
    }
    this.values = new double[Arch.COUNT * stride * Math.max(hp, 1)];
    Arrays.fill(values, Double.NaN);
    this.recorded = new boolean[Math.max(hp, 0)];
  }

  static EpochCurves load(StoreData data, String dataset, int hp, String split) {
    int[][] seedLists = new int[Arch.COUNT][];
    FinalView view = data.view(dataset, hp, split);
    for (int i = 0; i < Arch.COUNT; i++) {
      seedLists[i] = view == null ? new int[0] : seedsOf(view, i);
    }
    EpochCurves c = new EpochCurves(dataset, hp, split, seedLists);
    if (view != null) {
      data.api().store().reader().accuracyCurves(dataset, hp, split, (index, seed, epoch, acc) -> {
        int slot = c.slotOf(index, seed);
        if (slot >= 0 && epoch < hp) {
          c.values[epoch * c.plane + index * c.stride + slot] = acc;
          c.recorded[epoch] = true;
        }
      });
    }
    return c;
  }

  /** The real seeds of a cell; its pre-averaged values only when it has no real seed. */
  private static int[] seedsOf(FinalView view, int index) {
    int n = view.seedCount(index);
    int first = n > 1 && view.seed(index, 0) == StoreReader.AVERAGED ? 1 : 0;
    int[] out = new int[n - first];
    for (int s = first; s < n; s++) {
      out[s - first] = view.seed(index, s);
    }
    return out;
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
    return split;
  }

  /** Number of seeds (trials) of {@code arch}. */
  public int seedCount(int arch) {
    return count[arch];
  }

  /** The accuracy of one seed slot at {@code epoch}, {@code NaN} when not recorded. */
  public double value(int arch, int slot, int epoch) {
    return values[epoch * plane + arch * stride + slot];
  }

  /** Whether any cell has a value at {@code epoch}. */
  public boolean recorded(int epoch) {
    return epoch >= 0 && epoch < hp && recorded[epoch];
  }

  /** The epochs at which some cell has a value, ascending. */
  public int[] recordedEpochs() {
    int n = 0;
    int[] out = new int[hp];
    for (int e = 0; e < hp; e++) {
      if (recorded[e]) {
        out[n++] = e;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The seed-mean accuracy of every cell at {@code epoch}; {@code NaN} where any seed lacks it (the official mean). */
  public double[] meanAt(int epoch) {
    double[] m = new double[Arch.COUNT];
    for (int i = 0; i < Arch.COUNT; i++) {
      int n = count[i];
      if (n == 0) {
        m[i] = Double.NaN;
        continue;
      }
      double sum = 0;
      int base = epoch * plane + i * stride;
      for (int s = 0; s < n; s++) {
        sum += values[base + s];
      }
      m[i] = sum / n;
    }
    return m;
  }
}
