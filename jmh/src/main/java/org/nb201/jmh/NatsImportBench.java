package org.nb201.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.nb201.bench.importer.ImportOptions;
import org.nb201.bench.importer.NatsDirectoryImporter;
import org.nb201.bench.nats.NatsArchReader;
import org.nb201.bench.nats.NatsArchRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Import throughput of the per-architecture NATS files, in archs/s: decoding one file (bz2 + safe
 * unpickling + checks against the official space) on one and on all cores, and a whole directory
 * import into a store. Uses the two genuine sample files over and over; the sample directory is
 * {@code ../shared/data/nats-tss-sample} or {@code -Dnb201.natsSample=DIR}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NatsImportBench {
  private Path sample;
  private Path[] files;
  private Path work;

  @Setup(Level.Trial)
  public void locate() throws IOException {
    sample = Path.of(System.getProperty("nb201.natsSample", "../shared/data/nats-tss-sample")).toAbsolutePath();
    if (!Files.isDirectory(sample)) {
      throw new IllegalStateException("NATS sample not found at " + sample + "; pass -Dnb201.natsSample=DIR");
    }
    files = new Path[] {sample.resolve("000000.pickle.pbz2"), sample.resolve("000011.pickle.pbz2")};
    work = Files.createTempDirectory("nats-import-bench");
  }

  @TearDown(Level.Trial)
  public void clean() throws IOException {
    try (var s = Files.walk(work)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Per-thread position in the file list. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  @Threads(1)
  public NatsArchRecord decodeOneThread(Cursor c) throws IOException {
    return NatsArchReader.readArch(files[c.next++ & 1]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public NatsArchRecord decodeAllCores(Cursor c) throws IOException {
    return NatsArchReader.readArch(files[c.next++ & 1]);
  }

  /** The whole directory import (meta check, parallel decode to checkpoints, store, commit) of the 2 archs. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(2)
  public long importSampleDirectory() throws IOException {
    Path store = work.resolve("bench.db");
    return NatsDirectoryImporter.importDir(sample, store, ImportOptions.defaults().withProgress(false)
        .withOverwrite(true)).rows();
  }
}
