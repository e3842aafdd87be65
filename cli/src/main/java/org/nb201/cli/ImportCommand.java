package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.nb201.bench.store.CsvImportException;
import org.nb201.bench.store.StoreException;
import org.nb201.bench.store.TidyCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 import}: build a store from a data source; one subcommand per source format. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {"Create a store from benchmark data. The store is written atomically:",
      "on any error nothing is left at --out. 'import hw' adds device measurements to a store."},
    subcommands = {ImportCommand.Csv.class, ImportNatsCommand.class, ImportNb201Command.class, ImportHwCommand.class})
final class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code nb201 import csv}: the tidy CSV format, the open door for any data source. */
  @Command(
      name = "csv",
      mixinStandardHelpOptions = true,
      description = {
        "Import tidy CSV. results.csv has the header",
        "  index,arch,dataset,hp,seed,epoch,split,accuracy,loss,time[,top5]",
        "split is train, x-valid, x-test or ori-test; an empty seed means values",
        "already averaged over seeds; empty numbers are unknown; time is the",
        "seconds that epoch took on that split; index or arch may be empty but",
        "not both, and must agree when both are given. costs.csv has",
        "  index,arch,dataset,flops,params,latency",
        "(millions, millions, seconds per batch of 256). Every bad row is",
        "reported with its line number; then nothing is written."
      })
  static final class Csv implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<results.csv>", description = "The tidy results file.")
    Path results;

    @Option(names = "--costs", paramLabel = "costs.csv", description = "The tidy costs file.")
    Path costs;

    @Option(names = "--out", required = true, paramLabel = "<store>", description = "The store to create.")
    Path out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Override
    public void run() {
      PrintWriter err = spec.commandLine().getErr();
      OutputTarget.file(out, "store", force, results, costs);
      try {
        TidyCsv.ImportResult r = TidyCsv.createStore(results, costs, out, force);
        PrintWriter o = spec.commandLine().getOut();
        o.println("imported " + r.trials() + " trials (" + r.metricRows() + " metric rows) and " + r.costs()
            + " cost rows into " + out);
        o.flush();
      } catch (CsvImportException e) {
        for (String p : e.problems()) {
          err.println("nb201: " + p);
        }
        int unlisted = e.total() - e.problems().size();
        if (unlisted > 0) {
          err.println("nb201: ... and " + unlisted + " more problems");
        }
        err.flush();
        throw new UserException(e.total() + " bad row" + (e.total() == 1 ? "" : "s") + " (listed above); nothing"
            + " was written to " + out, e);
      } catch (StoreException e) {
        throw new UserException(e.getMessage(), e);
      } catch (IOException e) {
        throw new UserException(e.getMessage(), e);
      }
    }
  }
}
