package org.nb201.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nb201.bench.importer.NatsArchiveImporter;
import org.nb201.bench.importer.NatsDirectoryImporter;
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

  @CommandLine.Mixin ImportTarget target;

  @Option(names = "--threads", paramLabel = "N", description = "Decoding threads (default: the number of cores).")
  Integer threads;

  @Override
  public void run() {
    target.run(spec.commandLine().getOut(), threads, source, (out, options) -> Files.isDirectory(source)
        ? NatsDirectoryImporter.importDir(source, out, options)
        : NatsArchiveImporter.importArchive(source, out, options));
  }
}
