package org.nb201.bench.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nb201.bench.CostRecord;
import org.nb201.bench.Trial;
import org.nb201.bench.nats.NatsArchRecord;
import org.nb201.bench.store.StoreException;
import org.nb201.bench.store.StoreWriter;
import org.nb201.space.provenance.Provenance;

/**
 * The writing side shared by the importers: a {@link StoreWriter} on the target, counts of what
 * went in, and store-level rejections (a duplicate architecture) turned into an error naming the
 * source. Closing without {@link #commit} leaves the target untouched and no staging file behind.
 */
final class StoreFeed implements AutoCloseable {
  private final Path source;
  private final Path target;
  private final StoreWriter writer;
  private final Provenance provenance;
  private final long started = System.nanoTime();
  private int archs;
  private int trials;
  private long rows;

  private StoreFeed(Path source, Path target, StoreWriter writer, Provenance provenance) {
    this.source = source;
    this.target = target;
    this.writer = writer;
    this.provenance = provenance;
  }

  /** Opens the target for writing; refuses an existing store unless {@code overwrite}. */
  static StoreFeed open(Path source, Path target, boolean overwrite, Provenance provenance) throws ImportException {
    checkTarget(target, overwrite);
    try {
      StoreWriter w = StoreWriter.create(target, overwrite);
      w.addProvenance(provenance);
      return new StoreFeed(source, target, w, provenance);
    } catch (StoreException e) {
      throw new ImportException(target, "cannot create store: " + e.getMessage(), e);
    }
  }

  /** Fails early, before any work, when the target exists and may not be replaced. */
  static void checkTarget(Path target, boolean overwrite) throws ImportException {
    if (Files.isDirectory(target)) {
      throw new ImportException(target, "is a directory; expected a store file path");
    }
    if (!overwrite && Files.exists(target)) {
      throw new ImportException(target, "store already exists; not replacing it without overwrite");
    }
  }

  void add(NatsArchRecord record) throws ImportException {
    try {
      for (Trial t : record.trials()) {
        writer.addTrial(t);
        rows += t.metrics().size();
      }
      for (CostRecord c : record.costs()) {
        writer.addCost(c);
      }
    } catch (IllegalArgumentException e) {
      throw new ImportException(source, "architecture " + record.index() + ": " + e.getMessage(), e);
    }
    trials += record.trials().size();
    archs++;
  }

  int archs() {
    return archs;
  }

  /** Writes the store atomically; returns what went in. */
  ImportSummary commit(int resumed) throws IOException {
    if (archs == 0) {
      throw new ImportException(source, "no architectures found; nothing to import");
    }
    try {
      writer.commit();
    } catch (StoreException e) {
      throw new ImportException(target, e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new ImportSummary(target, archs, trials, rows, resumed, seconds, Files.size(target), provenance);
  }

  @Override
  public void close() {
    writer.close();
  }
}
