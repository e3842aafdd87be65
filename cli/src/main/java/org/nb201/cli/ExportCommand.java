package org.nb201.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nb201.bench.store.Exporter;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreException;
import org.nb201.bench.store.StoreFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 export}: a store as Parquet files or tidy CSV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a store for tools that do not read DuckDB.",
      "parquet: --out is a directory; one zstd-compressed <table>.parquet per",
      "table is written into it.",
      "csv: --out is the tidy results CSV (index,arch,dataset,hp,seed,epoch,",
      "split,accuracy,loss,time[,top5]); the costs CSV goes to --costs-out",
      "(default: <out>.costs.csv); device values, if any, to <out>.hardware.csv.",
      "'nb201 import csv' reads results and costs back, 'nb201 import hw' the device values.",
      "All files are written or none; existing ones are replaced only with --force."
    })
final class ExportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<store>", description = "The benchmark store.")
  Path store;

  @Option(names = "--format", required = true, paramLabel = "parquet|csv", description = "parquet or csv.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "F", description = "Output directory (parquet) or file (csv).")
  Path out;

  @Option(names = "--costs-out", paramLabel = "F", description = "Costs CSV (csv only; default: <out>.costs.csv).")
  Path costsOut;

  @Option(names = "--force", description = "Replace existing output files (never the store itself).")
  boolean force;

  @Override
  public void run() {
    if (!format.equals("parquet") && !format.equals("csv")) {
      throw new IllegalArgumentException("unknown format '" + format + "'; expected parquet or csv");
    }
    PrintWriter pw = spec.commandLine().getOut();
    Path costs = costsOut != null ? costsOut : Exporter.costsSibling(out);
    if (format.equals("parquet")) {
      OutputTarget.folder(out, "output folder", store);
      for (String table : Files.isDirectory(out) ? StoreFormat.tables(StoreFormat.VERSION) : List.<String>of()) {
        OutputTarget.file(out.resolve(table + ".parquet"), "export file", force, store);
      }
    } else {
      if (OutputTarget.sameFile(out, costs)) {
        throw new UserException("--out and --costs-out are the same file " + out + "; expected two paths");
      }
      OutputTarget.file(out, "results CSV", force, store);
      OutputTarget.file(costs, "costs CSV", force, store);
      OutputTarget.file(Exporter.hardwareSibling(out), "hardware CSV", force, store);
    }
    try (Store s = StoreCli.open(store)) {
      if (format.equals("parquet")) {
        List<Path> files = Exporter.parquet(s, out);
        files.forEach(f -> pw.println("wrote " + f));
      } else {
        Path hardware = s.reader().hardwareSets().isEmpty() ? null : Exporter.hardwareSibling(out);
        Exporter.csv(s, out, costs, hardware);
        pw.println("wrote " + out);
        pw.println("wrote " + costs);
        if (hardware != null) {
          pw.println("wrote " + hardware);
        }
      }
    } catch (StoreException e) {
      throw new UserException(e.getMessage(), e);
    }
    pw.flush();
  }
}
