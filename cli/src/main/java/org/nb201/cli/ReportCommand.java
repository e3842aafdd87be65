package org.nb201.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nb201.analysis.Analysis;
import org.nb201.analysis.Progress;
import org.nb201.analysis.Report;
import org.nb201.analysis.StoreData;
import org.nb201.analysis.render.HtmlReport;
import org.nb201.bench.importer.ImportOptions;
import org.nb201.bench.query.Nb201Api;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code nb201 report}: every analysis of a store (and of search runs) as one self-contained HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write DIR/index.html: every analysis of 'nb201 analyze' with its charts (inline PNG) and tables,",
      "and a provenance section (the store and its SHA-256, the search runs, the tool). The page needs no",
      "network and no other file."
    })
final class ReportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin AnalysisOptions options;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the report (created).")
  Path out;

  @Option(names = "--force", description = "Replace DIR/index.html if it exists.")
  boolean force;

  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Override
  public void run() {
    PrintWriter pw = spec.commandLine().getOut();
    HtmlReport.Written w = write(options.store, options.searches, out, force, options.repeats, options.seed,
        options.top, progress());
    pw.printf(Locale.ROOT, "wrote %s: %d charts, %d tables, %.1f MB%n", w.file(), w.charts(), w.tables(),
        w.bytes() / 1e6);
    pw.flush();
  }

  /** A progress line on stderr (redrawn in place), or nothing under --quiet, CI or without a console. */
  private Progress progress() {
    if (quiet || !ImportOptions.interactive()) {
      return Progress.NONE;
    }
    PrintWriter err = spec.commandLine().getErr();
    return (done, total, what) -> {
      synchronized (err) {
        String line = String.format(Locale.ROOT, "report: %d/%d %s", done, total, what);
        err.print("\r" + (line.length() > 100 ? line.substring(0, 100) : line) + "\u001b[K");
        if (done == total) {
          err.print("\r\u001b[K");
        }
        err.flush();
      }
    };
  }

  /** Runs every analysis and writes the report; shared with {@code nb201 demo}. */
  static HtmlReport.Written write(Path store, List<Path> searches, Path dir, boolean overwrite, int repeats, long seed,
      int top, Progress progress) {
    Analysis.Inputs inputs = AnalysisOptions.inputs(repeats, seed, top, searches);
    try (Nb201Api api = Nb201Api.open(store)) {
      StoreData data = StoreData.of(api, true);
      List<Analysis> which = List.of(Analysis.values());
      Report report = Report.build(data, inputs, which, (d, t, w) -> progress.update(d, t, "analysis: " + w));
      return HtmlReport.write(report, inputs.searches(), dir, overwrite, (d, t, w) -> progress.update(d, t, w));
    }
  }
}
