package org.nb201.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.query.SeedChoice;
import org.nb201.bench.store.Store;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.Split;
import org.nb201.space.provenance.Machine;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Measures a store side by side in one run and prints one table: size on disk, open time (first
 * open in the JVM, which loads DuckDB's native library, and a second open), heap after open, the
 * first query and a {@link FinalView} load, then the {@link StoreBench} latencies. Generates the
 * full-size synthetic store first when the path does not exist. Run with
 * {@code jmh/run report [store.duckdb] [--quick]}.
 */
public final class StoreSpeedReport {
  private final List<String[]> rows = new ArrayList<>();

  private StoreSpeedReport() {}

  public static void main(String[] args) throws Exception {
    Path store = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "jmh/target/synthetic-full.duckdb");
    boolean quick = List.of(args).contains("--quick");
    StoreSpeedReport r = new StoreSpeedReport();
    if (!Files.exists(store)) {
      long t = System.nanoTime();
      new SyntheticStore(1).write(store, Arch.COUNT);
      r.row("generate full-size synthetic store", secs(System.nanoTime() - t), "a few minutes");
    }
    r.row("size on disk", String.format(Locale.ROOT, "%.2f GB (%d bytes)", Files.size(store) / 1e9, Files.size(store)),
        "< 1.57 GB (1/3 of the 4.7 GB .pth)");
    long heapBefore = usedHeap();
    long t = System.nanoTime();
    Store s = Store.open(store);
    r.row("open, first in this JVM (loads DuckDB)", ms(System.nanoTime() - t), "< 1 s");
    long heapAfter = usedHeap();
    r.row("heap after open", String.format(Locale.ROOT, "%.1f MB (+%.1f MB)", heapAfter / 1e6,
        (heapAfter - heapBefore) / 1e6), "< 1 GB");
    s.close();
    t = System.nanoTime();
    s = Store.open(store);
    r.row("open, again", ms(System.nanoTime() - t), "< 1 s");
    Nb201Api api = new Nb201Api(s, 0);
    t = System.nanoTime();
    api.getMoreInfo(0, Dataset.CIFAR100.key(), null, 200, SeedChoice.mean());
    r.row("first get_more_info (loads seed lists)", ms(System.nanoTime() - t), "");
    t = System.nanoTime();
    FinalView v = api.finalView(Dataset.CIFAR10_VALID.key(), 12, Split.X_VALID.key());
    r.row("FinalView load (cifar10-valid, hp 12, x-valid)", ms(System.nanoTime() - t), "loaded once");
    r.row("heap with the view", String.format(Locale.ROOT, "%.1f MB", usedHeap() / 1e6), "< 1 GB");
    t = System.nanoTime();
    FinalView mid = FinalView.load(s, Dataset.CIFAR100.key(), 200, Split.ORI_TEST.key(), 100);
    r.row("FinalView load at epoch 100 (cifar100, hp 200)", ms(System.nanoTime() - t), "full scan of metrics");
    Nb201Api uncached = new Nb201Api(s, 0, 0);
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 200;
    t = System.nanoTime();
    for (int k = 0; k < n; k++) {
      uncached.getMoreInfo(rnd.nextInt(Arch.COUNT), Dataset.CIFAR100.key(), 100, 200, SeedChoice.mean());
    }
    r.row("get_more_info at epoch 100, uncached (mean of " + n + ")",
        String.format(Locale.ROOT, "%.2f ms", (System.nanoTime() - t) / 1e6 / n),
        "not a target (the default is the last epoch)");
    mid.accuracy(0, 0);
    t = System.nanoTime();
    s.fileInput();
    r.row("store SHA-256 (Store.fileInput, a search's provenance)", ms(System.nanoTime() - t),
        "once per open store; on its own thread during a search");
    r.row("RSS after open + view", String.format(Locale.ROOT, "%.0f MB", rss() / 1e6), "");
    v.accuracy(0, 0);
    s.close();

    OptionsBuilder ob = new OptionsBuilder();
    ob.include(StoreBench.class.getName()).param("store", store.toAbsolutePath().toString()).forks(1);
    if (quick) {
      ob.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
          .measurementTime(TimeValue.seconds(1));
    }
    Options opts = ob.build();
    Collection<RunResult> results = new Runner(opts).run();
    for (RunResult res : results) {
      String name = res.getParams().getBenchmark().replaceAll(".*\\.", "");
      var p = res.getPrimaryResult();
      r.row("JMH " + name, String.format(Locale.ROOT, "%.3f ± %.3f %s", p.getScore(), p.getScoreError(),
          p.getScoreUnit()), target(name));
    }
    System.out.println();
    System.out.println("Machine: " + Machine.current().describe() + ", "
        + ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors() + " CPUs visible, load average "
        + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    r.print();
  }

  private static String target(String bench) {
    switch (bench) {
      case "getMoreInfoCold":
        return "< 1 ms";
      case "getMoreInfoWarm":
        return "< 20 us";
      case "viewLookup":
        return "< 100 ns";
      case "sweepAllArchs":
        return "< 2 s";
      default:
        return "";
    }
  }

  private void row(String what, String measured, String target) {
    rows.add(new String[] {what, measured, target});
    System.out.println("# " + what + ": " + measured);
  }

  private void print() {
    System.out.printf(Locale.ROOT, "| %-46s | %-30s | %-36s |%n", "measure", "measured", "target");
    System.out.println("|" + "-".repeat(48) + "|" + "-".repeat(32) + "|" + "-".repeat(38) + "|");
    for (String[] r : rows) {
      System.out.printf(Locale.ROOT, "| %-46s | %-30s | %-36s |%n", r[0], r[1], r[2]);
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
  }

  private static String secs(long nanos) {
    return String.format(Locale.ROOT, "%.0f s", nanos / 1e9);
  }
}
