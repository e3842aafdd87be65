package org.nb201.train.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;
import org.nb201.train.Engines;
import org.nb201.train.proxy.Proxy;
import org.nb201.train.proxy.ProxyBatch;
import org.nb201.train.proxy.ProxyConfig;
import org.nb201.train.proxy.ProxyScore;
import org.nb201.train.proxy.ZeroCost;

/**
 * Scores a seeded sample of cells on CIFAR-shaped (3x32x32, 10 classes) random images and prints
 * one line {@code key=value ...} per proxy: mean seconds per cell (the cell's network build and
 * initialisation included, the first cell left out as warm-up) and the cells scored. Usage:
 * {@code ProxyBench <proxies> <C> <N> <cells> <threads> [sample-seed]}; {@code proxies_reference.py}
 * scores the same cells the same way in plain PyTorch ({@code train/bench/compare-proxies.sh}).
 * {@code -Dnb201.bench.synflowFloat32=true} computes SynFlow in rescaled float32 instead of float64.
 */
public final class ProxyBench {
  private ProxyBench() {}

  public static void main(String[] args) {
    if (args.length < 5) {
      System.err.println("usage: ProxyBench <proxies> <C> <N> <cells> <threads> [sample-seed]");
      System.exit(2);
    }
    List<Proxy> proxies = new ArrayList<>();
    for (String p : args[0].split(",")) {
      proxies.add(Proxy.byKey(p));
    }
    int c = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    int cells = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    long sampleSeed = args.length > 5 ? Long.parseLong(args[5]) : 1;
    ProxyConfig config = ProxyConfig.builder().setProxies(proxies).setDataset(Dataset.CIFAR10).optShape(c, n)
        .optSource(ProxyBatch.Source.NOISE).optSynflowDouble(!Boolean.getBoolean("nb201.bench.synflowFloat32")).build();
    ProxyBatch batch = config.needsImages() ? ProxyBatch.noise(Dataset.CIFAR10, config.maxBatch(), 1) : null;
    Engine engine = Engines.pytorch(threads);
    Map<Proxy, Double> sum = new EnumMap<>(Proxy.class);
    int[] sample = sample(cells, sampleSeed);
    StringBuilder archs = new StringBuilder("archs=");
    for (int i : sample) {
      archs.append(archs.length() > 6 ? ";" : "").append(SearchSpace.official().arch(i));
    }
    System.out.println(archs);
    long t0 = System.nanoTime();
    long afterFirst = 0;
    try (NDManager root = engine.newBaseManager()) {
      ZeroCost scorer = new ZeroCost(config, batch, engine, root);
      for (int i = 0; i < sample.length; i++) {
        Arch arch = SearchSpace.official().arch(sample[i]);
        List<ProxyScore> scores = scorer.score(arch);
        if (i == 0) {
          afterFirst = System.nanoTime();
          continue;
        }
        for (ProxyScore s : scores) {
          sum.merge(s.proxy(), s.seconds(), Double::sum);
        }
      }
    }
    double wall = (System.nanoTime() - afterFirst) / 1e9;
    int counted = Math.max(1, sample.length - 1);
    for (Proxy p : proxies) {
      System.out.printf(Locale.ROOT, "djl proxy=%s C=%d N=%d cells=%d threads=%d s_per_cell=%.5f%n", p, c, n, counted,
          threads, sum.getOrDefault(p, 0.0) / counted);
    }
    System.out.printf(Locale.ROOT, "djl all wall_s_per_cell=%.5f total_s=%.2f%n", wall / counted,
        (System.nanoTime() - t0) / 1e9);
  }

  /** {@code cells} distinct indices drawn with {@code seed} (the same list proxies_reference.py gets). */
  static int[] sample(int cells, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] idx = new int[Arch.COUNT];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    for (int i = 0; i < cells; i++) {
      int j = i + r.nextInt(idx.length - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return Arrays.copyOf(idx, cells);
  }
}
