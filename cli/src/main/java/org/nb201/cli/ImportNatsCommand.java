package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nb201.bench.importer.ImportOptions;
import org.nb201.bench.importer.ImportSummary;
import org.nb201.bench.importer.NatsArchiveImporter;
import org.nb201.bench.importer.NatsDirectoryImporter;
import org.nb201.bench.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 import nats}: the official NATS-Bench topology files, directory or single-file archive. */
@Command(
    name = "nats",
    mixinStandardHelpOptions = true,
    description = {
      "Import NATS-Bench topology data: a 'simple' directory (meta.pickle.pbz2 + NNNNNN.pickle.pbz2, possibly",
      "only some of them; decoded in parallel and resumable: rerunning after an interruption continues from the",
      "checkpoints in <store>.import/) or the single-file archive NATS-tss-v1_0-3ffb9.pickle.pbz2 (streamed).",
      "Every architecture is checked against the official index order."
    })
final class ImportNatsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<dir|file>", description = "The NATS directory or single-file archive.")
  Path source;

  @Option(names = "--out", required = true, paramLabel = "<store>", description = "The store to create.")
  Path out;

  @Option(names = "--force", description = "Replace --out if it exists.")
  boolean force;

  @Option(names = "--threads", paramLabel = "N", description = "Decoding threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public void run() {
    ImportNatsCommand.checkOut(out, force);
    ImportOptions options = ImportOptions.defaults().withOverwrite(force)
        .withProgress(!quiet && ImportOptions.interactive());
    if (threads != null) {
      options = options.withThreads(threads);
    }
    try {
      ImportSummary s = Files.isDirectory(source) ? NatsDirectoryImporter.importDir(source, out, options)
          : NatsArchiveImporter.importArchive(source, out, options);
      printSummary(spec.commandLine().getOut(), s);
    } catch (IOException | StoreException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** Refuses an existing store without {@code --force}, before any work. */
  static void checkOut(Path out, boolean force) {
    if (!force && Files.exists(out)) {
      throw new UserException("store " + out + " already exists; use --force to replace it");
    }
  }

  static void printSummary(PrintWriter o, ImportSummary s) {
    o.printf(Locale.ROOT, "imported %d archs (%d trials, %d metric rows) in %.1f s (%.1f archs/s) into %s (%.1f MB)%n",
        s.archs(), s.trials(), s.rows(), s.seconds(), s.archsPerSecond(), s.store(), s.storeBytes() / 1e6);
    if (s.resumed() > 0) {
      o.printf(Locale.ROOT, "resumed %d archs from the checkpoints of an interrupted import%n", s.resumed());
    }
    o.flush();
  }
}
