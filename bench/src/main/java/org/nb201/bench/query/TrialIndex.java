package org.nb201.bench.query;

import java.util.Arrays;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * The seeds of every architecture for one (dataset, hp), the official {@code dataset_seed} lists:
 * sorted ascending, {@link StoreReader#AVERAGED} first when the store holds pre-averaged values.
 * Loaded with one query and kept as two int arrays.
 */
final class TrialIndex {
  private final int[] start = new int[Arch.COUNT + 1];
  private final int[] seeds;

  private TrialIndex(int[] seeds, int[] counts) {
    this.seeds = seeds;
    for (int i = 0; i < Arch.COUNT; i++) {
      start[i + 1] = start[i] + counts[i];
    }
  }

  static TrialIndex load(StoreReader reader, String dataset, int hp) {
    int[] counts = new int[Arch.COUNT];
    int[][] buf = {new int[1024]};
    int[] n = {0};
    reader.trials(dataset, hp, (index, seed) -> {
      if (n[0] == buf[0].length) {
        buf[0] = Arrays.copyOf(buf[0], n[0] * 2);
      }
      buf[0][n[0]++] = seed;
      counts[index]++;
    });
    return new TrialIndex(Arrays.copyOf(buf[0], n[0]), counts);
  }

  /** Number of trials (seeds) of {@code index}. */
  int count(int index) {
    return start[index + 1] - start[index];
  }

  /** The seed in slot {@code slot} of {@code index}. */
  int seed(int index, int slot) {
    return seeds[start[index] + slot];
  }

  /** The seeds of {@code index}, ascending (averaged first). */
  int[] seeds(int index) {
    return Arrays.copyOfRange(seeds, start[index], start[index + 1]);
  }

  /** The real seeds of {@code index}, without the averaged marker. */
  int[] realSeeds(int index) {
    int from = start[index];
    if (from < start[index + 1] && seeds[from] == StoreReader.AVERAGED) {
      from++;
    }
    return Arrays.copyOfRange(seeds, from, start[index + 1]);
  }

  /**
   * The seeds a query uses (official {@code is_random}): one drawn with {@code random.choice}, all
   * of them, or the given one; the pre-averaged values when there are no real seeds.
   */
  int[] select(int index, String dataset, int hp, SeedChoice choice, PyRandom rng) throws MissingDataException {
    int[] real = realSeeds(index);
    switch (choice.kind()) {
      case RANDOM:
        if (real.length == 0) {
          return new int[] {StoreReader.AVERAGED};
        }
        synchronized (rng) {
          return new int[] {real[rng.choiceIndex(real.length)]};
        }
      case MEAN:
        return real.length == 0 ? new int[] {StoreReader.AVERAGED} : real;
      default:
        for (int s : real) {
          if (s == choice.seed()) {
            return new int[] {s};
          }
        }
        throw new MissingDataException(index, dataset, "no trial with seed " + choice.seed() + " for (index " + index
            + ", " + dataset + ", hp " + hp + "); its seeds are " + describe(seeds(index)));
    }
  }

  /** Whether {@code index} has a pre-averaged trial. */
  boolean hasAveraged(int index) {
    return count(index) > 0 && seeds[start[index]] == StoreReader.AVERAGED;
  }

  /** Number of architectures with at least one trial. */
  int archCount() {
    int n = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      if (count(i) > 0) {
        n++;
      }
    }
    return n;
  }

  /** Largest number of trials of any architecture. */
  int maxCount() {
    int m = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      m = Math.max(m, count(i));
    }
    return m;
  }

  /** The seeds for messages: {@code [777, 888]}, {@code [averaged]}. */
  static String describe(int[] seeds) {
    StringBuilder sb = new StringBuilder("[");
    for (int s : seeds) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(s == StoreReader.AVERAGED ? "averaged" : Integer.toString(s));
    }
    return sb.append(']').toString();
  }
}
