package org.nb201.train.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;
import org.nb201.train.EpochResult;
import org.nb201.train.EvalResult;
import org.nb201.train.TrainConfig;
import org.nb201.train.TrainListener;
import org.nb201.train.Trainer;
import org.nb201.train.TrialResult;
import org.nb201.train.data.ImageSet;
import org.nb201.train.data.TrainingData;

/**
 * Trains one cell with the full protocol and prints one line {@code key=value ...}: training
 * images/s after the first two (warm-up) batches, final train / eval accuracy and peak RSS
 * ({@code VmHWM}). Usage: {@code TrainBench <arch> <C> <N> <images> <epochs> <threads> random|<fashion-dir>}.
 * {@code random} = uniform random 3x32x32 images with random labels (speed only).
 * {@code -Dnb201.bench.memoryFormat=contiguous} trains with (N, C, H, W) activations; the
 * environment variable {@code BENCH_SEED} (default 777) sets the seed, as in {@code reference.py}.
 */
public final class TrainBench {
  private TrainBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: TrainBench <arch> <C> <N> <images> <epochs> <threads> random|<fashion-dir>");
      System.exit(2);
    }
    int c = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    int images = Integer.parseInt(args[3]);
    int epochs = Integer.parseInt(args[4]);
    int threads = Integer.parseInt(args[5]);
    TrainingData data;
    Dataset dataset;
    if (args[6].equals("random")) {
      dataset = Dataset.CIFAR10;
      data = new TrainingData(dataset, random(images, 1), Map.of(Split.ORI_TEST, random(512, 2)), "random");
    } else {
      dataset = Dataset.FASHION_MNIST;
      data = TrainingData.load(dataset, Path.of(args[6]), null, false);
    }
    TrainConfig config = TrainConfig.builder().setArch(SearchSpace.official().resolve(args[0])).setDataset(dataset)
        .setDataDir(Path.of(".")).optShape(c, n).optEpochs(epochs).optThreads(threads).optTrainLimit(images)
        .optEvalLimit(2048).optSeed(Integer.parseInt(System.getenv().getOrDefault("BENCH_SEED", "777")))
        .optChannelsLast(!"contiguous".equals(System.getProperty("nb201.bench.memoryFormat")))
        .build();
    List<Long> stamps = new ArrayList<>();
    long t0 = System.nanoTime();
    TrialResult r = Trainer.train(config, data, new TrainListener() {
      @Override
      public void batchDone(int epoch, int batch, double loss) {
        stamps.add(System.nanoTime());
      }
    });
    double total = (System.nanoTime() - t0) / 1e9;
    int bs = config.batchSize();
    int perEpoch = (Math.min(images, data.train().size()) + bs - 1) / bs;
    // images/s over all full training batches after the first two, epoch boundaries (eval) excluded
    double sec = 0;
    long counted = 0;
    for (int i = 2; i < stamps.size(); i++) {
      if (i % perEpoch != 0) {
        sec += (stamps.get(i) - stamps.get(i - 1)) / 1e9;
        counted += bs;
      }
    }
    EpochResult last = r.epochs().get(r.epochs().size() - 1);
    // fashion-mnist: x-test is the official test file in order, the set the PyTorch script evaluates
    EvalResult eval = last.evals().stream().filter(v -> v.split() == Split.X_TEST).findFirst()
        .orElse(last.evals().get(0));
    System.out.printf(Locale.ROOT, "impl=djl img_per_s=%.1f train_acc=%.2f eval_acc=%.2f peak_rss_mb=%d total_s=%.1f"
        + " threads=%d latency=%.4f%n", counted / sec, last.trainTop1(), eval.top1(),
        peakRssKb() / 1024, total, r.provenance().engine().threads(), r.latency());
  }

  private static ImageSet random(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] px = new byte[n * 3072];
    int[] labels = new int[n];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) rng.nextInt(256);
    }
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(10);
    }
    return new ImageSet(px, labels, 3, 32, 32, 10);
  }

  /** Peak resident set size in kB ({@code VmHWM} of /proc/self/status), or -1. */
  static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return -1;
  }
}
