package org.nb201.cli;

import java.nio.file.Path;
import org.nb201.bench.importer.Nb201PthImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nb201 import nb201}: a NAS-Bench-201 {@code .pth} benchmark file, without torch. */
@Command(
    name = "nb201",
    mixinStandardHelpOptions = true,
    description = {
      "Import a NAS-Bench-201 benchmark file (NAS-Bench-201-v1_0-e61699.pth, NAS-Bench-201-v1_1-096897.pth;",
      "torch.save zip or legacy container), streamed. 'less' becomes hp 12 and 'full' hp 200, as in the",
      "official API; v1.0 'full' records have no times. Every architecture is checked against the official",
      "index order; only plain data and small tensors are accepted."
    })
final class ImportNb201Command implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<file.pth>", description = "The NAS-Bench-201 benchmark file.")
  Path source;

  @CommandLine.Mixin ImportTarget target;

  @Override
  public void run() {
    target.run(spec.commandLine().getOut(), null, source,
        (out, options) -> Nb201PthImporter.importPth(source, out, options));
  }
}
