package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.nb201.bench.importer.ImportOptions;
import org.nb201.bench.importer.ImportSummary;
import org.nb201.bench.store.StoreException;
import picocli.CommandLine.Option;

/**
 * The options every importer of official files shares ({@code --out}, {@code --force}, {@code --quiet}) and its run.
 */
final class ImportTarget {
  @Option(names = "--out", required = true, paramLabel = "<store>", description = "The store to create.")
  Path out;

  @Option(names = "--force", description = "Replace --out if it exists.")
  boolean force;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  /** An importer of one source into {@link #out}. */
  @FunctionalInterface
  interface Importer {
    ImportSummary run(Path out, ImportOptions options) throws IOException;
  }

  /** Checks {@link #out} ({@link OutputTarget#file}) before any work, imports {@code source}, prints the summary. */
  void run(PrintWriter o, Integer threads, Path source, Importer importer) {
    OutputTarget.file(out, "store", force, source);
    ImportOptions options = ImportOptions.defaults().withOverwrite(force)
        .withProgress(!quiet && ImportOptions.interactive());
    if (threads != null) {
      options = options.withThreads(threads);
    }
    ImportSummary s;
    try {
      s = importer.run(out, options);
    } catch (IOException | StoreException e) {
      throw new UserException(e.getMessage(), e);
    }
    o.printf(Locale.ROOT, "imported %d archs (%d trials, %d metric rows) in %.1f s (%.1f archs/s) into %s (%.1f MB)%n",
        s.archs(), s.trials(), s.rows(), s.seconds(), s.archsPerSecond(), s.store(), s.storeBytes() / 1e6);
    if (s.resumed() > 0) {
      o.printf(Locale.ROOT, "resumed %d archs from the checkpoints of an interrupted import%n", s.resumed());
    }
    o.flush();
  }
}
