package org.nb201.jmh;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.MissingDataException;
import org.nb201.bench.query.MoreInfo;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.query.SeedChoice;
import org.nb201.bench.store.Store;
import org.nb201.space.Arch;
import org.nb201.space.Split;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Query latencies on a store (by default the full-size synthetic one, see {@link SyntheticStore}):
 * one {@code get_more_info} with a cold cache (every call reads the store) and a warm one, one
 * {@link FinalView} lookup, and a sweep of {@code get_more_info} over all 15,625 architectures of
 * one dataset starting from an empty cache. Architectures are visited in a fixed random order.
 * Run with {@code jmh/run StoreBench -p store=/path/to/store.duckdb}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class StoreBench {
  /** The store to query. */
  @Param("jmh/target/synthetic-full.duckdb")
  public String store;

  /** The dataset queried (hp 200, mean over seeds). */
  @Param("cifar100")
  public String dataset;

  private static final int HP = 200;
  private static final int ORDER = 1 << 16;

  private Store opened;
  private Nb201Api warm;
  private Nb201Api cold;
  private Nb201Api sweeper;
  private FinalView view;
  private final int[] order = new int[ORDER];
  private int next;

  @Setup(Level.Trial)
  public void open() throws MissingDataException {
    opened = Store.open(Path.of(store));
    warm = new Nb201Api(opened, 0);
    warm.prefetch(dataset, HP, null);
    cold = new Nb201Api(opened, 0, 0);
    cold.getMoreInfo(0, dataset, null, HP, SeedChoice.mean()); // loads the seed lists once
    sweeper = new Nb201Api(opened, 0);
    view = warm.finalView(dataset, HP, Split.X_VALID.key());
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < ORDER; i++) {
      order[i] = r.nextInt(Arch.COUNT);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    opened.close();
  }

  private int nextArch() {
    next = (next + 1) & (ORDER - 1);
    return order[next];
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public MoreInfo getMoreInfoCold() throws MissingDataException {
    return cold.getMoreInfo(nextArch(), dataset, null, HP, SeedChoice.mean());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public MoreInfo getMoreInfoWarm() throws MissingDataException {
    return warm.getMoreInfo(nextArch(), dataset, null, HP, SeedChoice.mean());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(1024)
  public double viewLookup() {
    double sum = 0;
    int base = next;
    for (int k = 0; k < 1024; k++) {
      sum += view.accuracy(order[(base + k) & (ORDER - 1)], k % 3);
    }
    next = (base + 1024) & (ORDER - 1);
    return sum;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public double sweepAllArchs() throws MissingDataException {
    sweeper.clearCache();
    double sum = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      sum += sweeper.getMoreInfo(i, dataset, null, HP, SeedChoice.mean()).get("valid-accuracy");
    }
    return sum;
  }
}
