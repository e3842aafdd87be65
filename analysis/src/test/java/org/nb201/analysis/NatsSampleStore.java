package org.nb201.analysis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nb201.bench.importer.ImportOptions;
import org.nb201.bench.importer.NatsDirectoryImporter;

/**
 * The genuine NATS-Bench records of cells 0 and 11 ({@code ../shared/data/nats-tss-sample}),
 * imported with nb201's own importer; the calling test is skipped when {@code ../shared} is absent.
 */
public final class NatsSampleStore {
  private NatsSampleStore() {}

  /** Imports the sample into {@code dir/nats-sample.duckdb} and returns it. */
  public static Path importInto(Path dir) throws Exception {
    String shared = System.getProperty("nb201.shared", "../shared");
    Path sample = Path.of(shared, "data", "nats-tss-sample");
    assumeTrue(Files.isDirectory(sample), "../shared/data/nats-tss-sample not present: skipping");
    Path store = dir.resolve("nats-sample.duckdb");
    NatsDirectoryImporter.importDir(sample, store, ImportOptions.defaults().withProgress(false).withThreads(1));
    return store;
  }
}
