package org.nb201.train.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nb201.space.Dataset;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.data.ImageSet;
import org.nb201.train.data.SearchData;
import org.nb201.train.search.MethodOptions;
import org.nb201.train.search.SearchListener;
import org.nb201.train.search.SearchMethods;
import org.nb201.train.search.SearchResult;
import org.nb201.train.search.SearchSettings;
import org.nb201.train.search.SupernetSearch;

/**
 * One search epoch of a weight-sharing method, timed like {@code search_reference.py}: prints one
 * line {@code key=value ...} with search steps per second as images/s after the first two steps
 * and peak RSS ({@code VmHWM}), and the whole epoch's seconds (with the sampling methods' selection
 * and ENAS's controller training). Usage: {@code SearchBench <method> <C> <N> <images> <threads>
 * random|<fashion-dir> [key=value ...]}; {@code random} = uniform random 3x32x32 images (CIFAR's
 * shape) with random labels, training and validation sets of {@code images} each; the method's batch
 * (64; ENAS 128), no evaluation pass; further settings as {@code key=value} (e.g. {@code select_num=20}).
 * {@code BENCH_SEED} (default 777) sets the seed; {@code -Dnb201.bench.memoryFormat=contiguous}
 * uses (N, C, H, W) activations.
 */
public final class SearchBench {
  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: SearchBench <method> <C> <N> <images> <threads> random|<fashion-dir> [key=value ...]");
      System.exit(2);
    }
    int images = Integer.parseInt(args[3]);
    boolean random = args[5].equals("random");
    Dataset dataset = random ? Dataset.CIFAR10_VALID : Dataset.FASHION_MNIST;
    SearchData data = random ? new SearchData(dataset, random(images, 1), random(images, 2), "random")
        : SearchData.load(dataset, Path.of(args[5]), null, false);
    SearchSettings.Builder<?> b = SearchMethods.builder(args[0]);
    for (int i = 6; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      b.set(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    MethodOptions options = b.setDataset(dataset).setDataDir(Path.of(args[5]))
        .optShape(Integer.parseInt(args[1]), Integer.parseInt(args[2])).optEpochs(1).optTrainLimit(images)
        .optValidLimit(images).optThreads(Integer.parseInt(args[4])).optEvaluateEachEpoch(false)
        .optSeed(Integer.parseInt(System.getenv().getOrDefault("BENCH_SEED", "777")))
        .optChannelsLast(!"contiguous".equals(System.getProperty("nb201.bench.memoryFormat")))
        .build();
    List<Long> stamps = new ArrayList<>();
    long t0 = System.nanoTime();
    SearchResult r = SupernetSearch.run(options, data, null, false, new SearchListener() {
      @Override
      public void stepDone(int epoch, int step, double loss) {
        stamps.add(System.nanoTime());
      }
    });
    double total = (System.nanoTime() - t0) / 1e9;
    double sec = (stamps.get(stamps.size() - 1) - stamps.get(1)) / 1e9;
    long counted = (long) options.settings().batchSize() * (stamps.size() - 2);
    System.out.printf(Locale.ROOT, "impl=djl img_per_s=%.2f peak_rss_mb=%d total_s=%.1f steps=%d threads=%s"
        + " epoch_s=%.1f%n", counted / sec, TrainBench.peakRssKb() / 1024, total, stamps.size(),
        Provenance.fromMap(r.provenance()).engine().threads(), r.epochs().get(0).seconds());
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
}
