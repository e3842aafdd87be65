package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.hardware.HardwareSelection;
import org.nb201.bench.importer.HardwareImporter;
import org.nb201.bench.importer.ImportOptions;
import org.nb201.bench.store.CsvImportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 import hw}: per-cell device latency or energy into a store's hardware table. */
@Command(
    name = "hw",
    mixinStandardHelpOptions = true,
    description = {
      "Add per-cell device measurements (official index order) to a store, recognised by content:",
      "  a HELP per-device file (torch.save zip of 15,625 latencies in ms; give --device),",
      "  the HW-NAS-Bench pickle ({nasbench201: {dataset: {<device>_latency|_energy: [...]}}};",
      "    every device, metric and dataset unless --device/--dataset/--metric select),",
      "  tidy CSV with the header index,arch,dataset,device,metric,value,unit.",
      "Latency is in ms, energy in mJ. The file is checked completely first: a wrong length, a",
      "non-number, a negative or non-finite value or an unknown metric is refused with its position",
      "and nothing is written. The store is rewritten atomically with everything it held (created",
      "when absent); values it already has for a device, dataset and metric need --force."
    })
final class ImportHwCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<file>", description = "A HELP .pt file, the HW-NAS-Bench pickle or a hardware CSV.")
  Path source;

  @Option(names = "--store", required = true, paramLabel = "S",
      description = "The store to add to (created if absent).")
  Path store;

  @Option(names = "--device", paramLabel = "NAME", description = "The device (required for a HELP file; a filter"
      + " otherwise), e.g. fpga, raspi4, pixel3.")
  String device;

  @Option(names = "--dataset", paramLabel = "D", description = "The dataset whose network was measured (HELP"
      + " default: cifar10; a filter otherwise).")
  String dataset;

  @Option(names = "--metric", paramLabel = "latency|energy", description = "HELP default: latency; a filter otherwise.")
  String metric;

  @Option(names = "--unit", paramLabel = "ms|mJ", description = "The unit of the values: ms for latency, mJ for"
      + " energy (states what the file holds; other units are refused).")
  String unit;

  @Option(names = "--force", description = "Replace device values the store already has.")
  boolean force;

  @Option(names = "--quiet", description = "No note before rewriting a large store.")
  boolean quiet;

  /** Above this size the rewrite takes long enough to say so first. */
  private static final long LARGE_STORE = 200_000_000L;

  @Override
  public void run() {
    HardwareSelection selection = HardwareSelection.of(device, dataset, metric, unit);
    HardwareImporter.Summary s;
    try {
      long bytes = Files.isRegularFile(store) ? Files.size(store) : 0;
      if (bytes > LARGE_STORE && !quiet && ImportOptions.interactive()) {
        spec.commandLine().getErr().printf(Locale.ROOT, "nb201: the store is written anew with everything it holds"
            + " (%.0f MB; about a minute per GB on 2 cores)%n", bytes / 1e6);
        spec.commandLine().getErr().flush();
      }
      s = HardwareImporter.importHardware(source, store, selection, force);
    } catch (CsvImportException e) {
      PrintWriter err = spec.commandLine().getErr();
      for (String p : e.problems()) {
        err.println("nb201: " + p);
      }
      if (e.total() > e.problems().size()) {
        err.println("nb201: ... and " + (e.total() - e.problems().size()) + " more problems");
      }
      err.flush();
      throw new UserException(e.total() + " bad row" + (e.total() == 1 ? "" : "s") + " (listed above); nothing was"
          + " written to " + store, e);
    } catch (IOException e) {
      throw new UserException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("read " + source.getFileName() + " (" + s.format().description() + "): " + s.tables().size()
        + " table" + (s.tables().size() == 1 ? "" : "s"));
    for (HardwareTable t : s.tables()) {
      double[] v = Arrays.stream(t.values()).filter(x -> !Double.isNaN(x)).toArray();
      out.printf(Locale.ROOT, "  %-40s %5d cell%s  min %s  max %s%n", t.describe(), v.length,
          v.length == 1 ? " " : "s", Double.toString(Arrays.stream(v).min().orElse(Double.NaN)),
          Double.toString(Arrays.stream(v).max().orElse(Double.NaN)));
    }
    for (String note : s.notes()) {
      out.println("note: " + note);
    }
    for (String r : s.replaced()) {
      out.println("replaced " + r);
    }
    out.printf(Locale.ROOT, "%s %s (%s%.1f MB) in %.1f s%n", s.created() ? "created" : "updated", store,
        s.created() ? "" : s.carriedTrials() + " trials carried over, ", s.storeBytes() / 1e6, s.seconds());
    out.flush();
  }
}
