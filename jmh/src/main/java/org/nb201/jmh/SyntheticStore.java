package org.nb201.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nb201.bench.CostRecord;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.bench.store.StoreWriter;
import org.nb201.space.Arch;
import org.nb201.space.Cost;
import org.nb201.space.CostModel;
import org.nb201.space.Dataset;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;

/**
 * Writes a synthetic store with the official shape (docs/benchmark-data.md#files-and-runs,
 * #evaluation-sets-per-epoch) through {@link StoreWriter}:
 * all 15,625 architectures on the four datasets; hp 200 with seeds 777, 888, 999 and 200 epochs,
 * where cifar10-valid has x-valid every epoch and ori-test at the last, cifar10 ori-test every
 * epoch, cifar100 and ImageNet16-120 ori-test every epoch and x-valid / x-test at the last (times
 * at every epoch, as the pseudo-times are); hp 12 with seeds 111 and 777 on cifar10-valid and 111
 * elsewhere, every split every epoch, with top-5 train accuracy. Values look like the real ones:
 * accuracies are whole numbers of correct images over the split size, losses full doubles, times
 * constant per (arch, dataset, split) and scaled by split size; costs are exact ({@link CostModel}).
 * Deterministic for a given seed. About 125 million metric rows.
 */
public final class SyntheticStore {
  private static final int[] SEEDS_200 = {777, 888, 999};

  /** Images per split: train, x-valid, x-test, ori-test (0 = the dataset has no such split). */
  private static int[] sizes(Dataset dataset) {
    return switch (dataset) {
      case CIFAR10_VALID -> new int[] {25_000, 25_000, 0, 10_000};
      case CIFAR10 -> new int[] {50_000, 0, 0, 10_000};
      case CIFAR100 -> new int[] {50_000, 5_000, 5_000, 10_000};
      default -> new int[] {151_700, 3_000, 3_000, 6_000};
    };
  }

  private final long seed;

  public SyntheticStore(long seed) {
    this.seed = seed;
  }

  /** Writes {@code archs} architectures (0..archs-1) to a new store at {@code out}; returns its path. */
  public Path write(Path out, int archs) {
    try (StoreWriter w = StoreWriter.create(out, true)) {
      w.addProvenance(Provenance.builder().addInput(Input.described(Input.SOURCE, "synthetic"))
          .putConfig("generator", "SyntheticStore").putConfig("seed", seed).putConfig("archs", archs).build());
      for (int index = 0; index < archs; index++) {
        writeArch(w, index);
      }
      return w.commit();
    }
  }

  private void writeArch(StoreWriter w, int index) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
    Arch arch = SearchSpace.official().arch(index);
    double quality = rnd.nextDouble(); // how good this cell is, shared by all its trials
    double trainTime = 4 + 10 * (arch.count(Op.NOR_CONV_3X3) + 0.3 * arch.count(
        Op.NOR_CONV_1X1)) / 6 + rnd.nextDouble();
    double evalPerImage = trainTime / 25_000 * 0.5;
    for (Dataset d : Dataset.official()) {
      String key = d.key();
      Cost c = CostModel.cost(arch, d);
      w.addCost(new CostRecord(index, key, c.mflops(), c.mparams(), 0.005 + 0.00005 * c.mflops()));
      double top = switch (d) {
        case CIFAR100 -> 73;
        case IMAGENET16_120 -> 47;
        default -> 94;
      };
      for (int hp : new int[] {12, 200}) {
        int[] seeds = hp == 200 ? SEEDS_200 : d == Dataset.CIFAR10_VALID ? new int[] {111, 777} : new int[] {111};
        for (int s : seeds) {
          w.addTrial(trial(rnd, new TrialKey(index, key, hp, s), quality * top, trainTime, evalPerImage));
        }
      }
    }
  }

  private static Trial trial(SplittableRandom rnd, TrialKey k, double best, double trainTime, double evalPerImage) {
    Dataset d = Dataset.byKey(k.dataset());
    int[] size = sizes(d);
    int hp = k.hp();
    double epochTime = trainTime * size[0] / 25_000.0;
    List<EpochMetrics> rows = new ArrayList<>(hp * 4);
    for (Split split : Split.values()) {
      int n = size[split.ordinal()];
      if (n == 0) {
        continue;
      }
      double time = split == Split.TRAIN ? epochTime : evalPerImage * n;
      boolean noisy = d == Dataset.IMAGENET16_120
          || d == Dataset.CIFAR10_VALID && split != Split.ORI_TEST
          || d == Dataset.CIFAR100 && (split == Split.X_VALID || split == Split.X_TEST);
      boolean everyEpoch = hp == 12 || split == Split.TRAIN
          || split == Split.ORI_TEST && d != Dataset.CIFAR10_VALID
          || split == Split.X_VALID && d == Dataset.CIFAR10_VALID;
      for (int e = 0; e < hp; e++) {
        if (!everyEpoch && e < hp - 1) {
          rows.add(new EpochMetrics(e, split, Double.NaN, Double.NaN, time, Double.NaN));
          continue;
        }
        double progress = 1 - Math.exp(-4.0 * (e + 1) / hp);
        double target = Math.max(1, (best + (split == Split.TRAIN ? 6 : 0)) * progress + rnd.nextGaussian() * 0.4);
        double acc = noise(rnd, noisy, Math.round(Math.min(100, target) / 100 * n) * 100.0 / n);
        double loss = 0.05 + 2.3 * Math.exp(-3.0 * (e + 1) / hp) * (1.2 - best / 100) + rnd.nextDouble() * 0.05;
        double top5 = split == Split.TRAIN && hp == 12
            ? noise(rnd, noisy, Math.round(Math.min(100, target + 20) / 100 * n) * 100.0 / n) : Double.NaN;
        rows.add(new EpochMetrics(e, split, acc, loss, time, top5));
      }
    }
    return new Trial(k, rows);
  }

  /** The real files' float32 accumulation noise: a relative error of about 1e-10. */
  private static double noise(SplittableRandom rnd, boolean noisy, double v) {
    return noisy ? v * (1 + (rnd.nextDouble() - 0.5) * 4e-10) : v;
  }

  /** {@code SyntheticStore <out.duckdb> [archs] [seed]}: writes a synthetic store and prints its size. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: SyntheticStore <out.duckdb> [archs (default 15625)] [seed (default 1)]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int archs = args.length > 1 ? Integer.parseInt(args[1]) : Arch.COUNT;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    long t0 = System.nanoTime();
    new SyntheticStore(seed).write(out, archs);
    System.out.printf("wrote %s: %d archs, %.1f MB in %.1f s%n", out, archs, Files.size(out) / 1e6,
        (System.nanoTime() - t0) / 1e9);
  }
}
