package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nb201.bench.query.FinalView;
import org.nb201.analysis.render.SearchSummaryText;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.generate.AtomicFiles;
import org.nb201.search.Algorithm;
import org.nb201.search.ReportMetric;
import org.nb201.search.RunResult;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchRunner;
import org.nb201.search.SearchSummary;
import org.nb201.search.StoreOracle;
import org.nb201.search.TableOracle;
import org.nb201.search.runs.SearchRunFolder;
import org.nb201.search.runs.SearchRuns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 search}: the paper's benchmark-driven search protocol on a store. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Run a NAS algorithm many times on a benchmark store with simulated time (the paper protocol, spec 7.1).",
      "Signal: x-valid accuracy at the last epoch of a random seed (official: hp 12 cifar10-valid); cost:",
      "train-all-time + valid-per-time. Each run's cell is reported with its hp 200 seed-mean accuracies",
      "(or, for a store of another dataset, with that dataset's accuracies at --hp)."
    })
final class SearchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<rs|rea|reinforce|bohb>", description = "The algorithm.")
  String algorithm;

  @Option(names = "--store", required = true, paramLabel = "S", description = "The benchmark store.")
  Path store;

  @Option(names = "--runs", defaultValue = "500", description = "Independent runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--budget", defaultValue = "12000", paramLabel = "SECONDS",
      description = "Simulated time budget per run (default: ${DEFAULT-VALUE}).")
  double budget;

  @Option(names = "--seed", defaultValue = "1",
      description = "Base seed; run r uses seed*100000+r (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads (default: all cores); results do not depend on it.")
  Integer threads;

  @Option(names = "--lr", defaultValue = "0.5",
      description = "REINFORCE learning rate (default: ${DEFAULT-VALUE}, as the official script).")
  double lr;

  @Option(names = "--dataset", defaultValue = StoreOracle.DATASET, paramLabel = "D",
      description = "Dataset of the search signal (default: ${DEFAULT-VALUE}, the official one).")
  String dataset;

  @Option(names = "--hp", defaultValue = "12", description = "hp of the search signal (default: ${DEFAULT-VALUE}).")
  int hp;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(names = "--curves", paramLabel = "FILE", description = "Write every run's anytime curve as CSV.")
  Path curves;

  @Option(names = "--out", paramLabel = "DIR", description = "Write the runs (config and provenance with the store's"
      + " SHA-256, one result per run, every curve) to DIR for 'nb201 report --search DIR' (docs/search-runs.md).")
  Path out;

  @Override
  public void run() {
    SearchConfig.Builder b = SearchConfig.builder(Algorithm.byKey(algorithm)).optRuns(runs).optBudget(budget)
        .optSeed(seed).optLearningRate(lr).optKeepCurves(curves != null || out != null);
    if (threads != null) {
      b.optThreads(threads);
    }
    SearchConfig config = b.build();
    try (Nb201Api api = Nb201Api.open(store)) {
      Outcome o = search(api, config, dataset, hp);
      if (curves != null) {
        writeCurves(curves, o.results());
      }
      if (out != null) {
        writeRuns(out, api, config, dataset, hp, o, false);
      }
      PrintWriter pw = spec.commandLine().getOut();
      if (json) {
        pw.println(SearchJson.summary(config, o.summary(), store, o.wallSeconds()));
      } else {
        printTable(pw, config, o.summary(), o.wallSeconds(), store.getFileName().toString());
        if (out != null) {
          pw.println("runs: " + out + " (config.json, runs.jsonl, curves.csv)");
        }
      }
      pw.flush();
    }
  }

  /** The runs, their summary and the final-epoch view of each reported metric (by key, in column order). */
  record Outcome(List<RunResult> results, SearchSummary summary, double wallSeconds, Map<String, FinalView> metrics) {}

  /** Writes a run folder for {@code nb201 report}; shared with {@code nb201 demo}. */
  static void writeRuns(Path dir, Nb201Api api, SearchConfig config, String dataset, int hp, Outcome o,
      boolean overwrite) {
    SearchRunFolder.write(dir, config, new SearchRuns.Signal(dataset, hp, StoreOracle.SPLIT),
        StoreIdentity.of(api.store(), true), o.results(), o.metrics(), o.wallSeconds(), overwrite);
  }

  /** Runs a search on an open store; shared with {@code nb201 demo}. */
  static Outcome search(Nb201Api api, SearchConfig config, String dataset, int hp) {
    FinalView signal = view(api, dataset, hp, StoreOracle.SPLIT);
    if (signal == null) {
      throw new IllegalArgumentException("store " + api.store().path().getFileName() + " has no hp " + hp + " " + dataset
          + " x-valid data for the search signal; it holds " + api.store().reader().trialSets().stream()
          .map(t -> t.dataset() + " hp " + t.hp()).distinct().toList()
          + " (choose one with --dataset and --hp)");
    }
    TableOracle oracle = StoreOracle.of(signal);
    long t0 = System.nanoTime();
    List<RunResult> results = SearchRunner.runAll(config, oracle);
    double wall = (System.nanoTime() - t0) / 1e9;
    boolean paper = dataset.equals(StoreOracle.DATASET) && api.hps().contains(200);
    List<ReportMetric> columns = paper ? ReportMetric.PAPER : ReportMetric.of(dataset, hp);
    Map<ReportMetric, FinalView> views = new LinkedHashMap<>();
    for (ReportMetric m : columns) {
      FinalView v = view(api, m.dataset(), m.hp(), m.split());
      if (v != null) {
        views.put(m, v);
      }
    }
    if (!paper) {
      // a store of our own reports only the splits its dataset has (the paper's columns are always shown)
      columns = columns.stream().filter(m -> views.containsKey(m) && hasValues(views.get(m))).toList();
    }
    Map<String, FinalView> byKey = new LinkedHashMap<>();
    columns.stream().filter(views::containsKey).forEach(m -> byKey.put(m.key(), views.get(m)));
    return new Outcome(results, SearchSummary.of(results, columns, views, oracle.coverage()), wall, byKey);
  }

  private static boolean hasValues(FinalView v) {
    for (int i = 0; i < 15_625; i++) {
      if (v.seedCount(i) > 0 && Double.isFinite(v.meanAccuracy(i))) {
        return true;
      }
    }
    return false;
  }

  private static FinalView view(Nb201Api api, String dataset, int hp, String split) {
    if (!api.hps().contains(hp) || !api.store().reader().datasets().contains(dataset)) {
      return null;
    }
    return api.finalView(dataset, hp, split);
  }

  static void printTable(PrintWriter out, SearchConfig c, SearchSummary s, double wall, String storeName) {
    out.print(SearchSummaryText.render(c, s, wall, storeName));
  }

  static void writeCurves(Path file, List<RunResult> results) {
    try {
      AtomicFiles.write(file, SearchRunFolder.curvesCsv(results));
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
