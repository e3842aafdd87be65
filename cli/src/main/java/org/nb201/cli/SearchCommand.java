package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nb201.bench.query.Nb201Api;
import org.nb201.generate.AtomicFiles;
import org.nb201.search.BenchmarkAlgorithmProvider;
import org.nb201.search.CurvePoint;
import org.nb201.search.RunResult;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchOutcome;
import org.nb201.search.SearchSummary;
import org.nb201.search.StoreSearch;
import org.nb201.space.Arch;
import org.nb201.space.algorithm.Algorithms;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nb201 search}: the paper's benchmark-driven search protocol on a store. The algorithms, their list in
 * the help and their options come from the algorithm registry ({@link Algorithms}).
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    modelTransformer = RegisteredAlgorithms.class,
    description = {
      "Run a NAS algorithm many times on a benchmark store with simulated time (the paper protocol, spec 7.1).",
      "Signal: x-valid accuracy at the last epoch of a random seed (official: hp 12 cifar10-valid); cost:",
      "train-all-time + valid-per-time. Each run's cell is reported with its hp 200 seed-mean accuracies",
      "(or, for a store of another dataset, with that dataset's accuracies at --hp). Times missing at some epochs",
      "are estimated from the epochs that have one (the output says so); --eval-cost prices without times."
    })
final class SearchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<algorithm>", description = "The algorithm (listed below).")
  String algorithm;

  @Option(names = "--store", required = true, paramLabel = "S", description = "The benchmark store.")
  Path store;

  @Option(names = "--runs", defaultValue = "500",
      description = "Independent runs (default: ${DEFAULT-VALUE}); as many as fit in the heap, about 256 B each"
          + " plus 256 B per evaluation with --curves.")
  int runs;

  @Option(names = "--budget", defaultValue = "12000", paramLabel = "SECONDS",
      description = "Simulated time budget per run (default: ${DEFAULT-VALUE}); at most what 100,000 evaluations"
          + " of the store's cheapest evaluation cost.")
  double budget;

  @Option(names = "--seed", defaultValue = "1",
      description = "Base seed; run r uses seed*100000+r (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads (default: all cores, at most 4 per core); results do not depend on it.")
  Integer threads;

  @Option(names = "--dataset", defaultValue = "cifar10-valid", paramLabel = "D",
      description = "Dataset of the search signal (default: ${DEFAULT-VALUE}, the official one).")
  String dataset;

  @Option(names = "--hp", defaultValue = "12", description = "hp of the search signal (default: ${DEFAULT-VALUE}).")
  int hp;

  @Option(names = "--eval-cost", paramLabel = "SECONDS",
      description = "A fixed simulated cost per evaluation instead of the store's train + x-valid times"
          + " (for a table without times).")
  Double evalCost;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(names = "--curves", paramLabel = "FILE", description = "Write every run's anytime curve as CSV.")
  Path curves;

  @Option(names = "--force", description = "Replace the --curves file if it exists.")
  boolean force;

  @Override
  public void run() {
    BenchmarkAlgorithmProvider provider = BenchmarkAlgorithmProvider.byName(algorithm);
    Map<String, String> options = RegisteredAlgorithms.given(provider, spec.commandLine().getParseResult());
    SearchConfig.Builder b = SearchConfig.builder(provider.parse(options)).optRuns(runs).optBudget(budget)
        .optSeed(seed).optKeepCurves(curves != null);
    if (threads != null) {
      b.optThreads(threads);
    }
    if (evalCost != null) {
      b.optEvalCost(evalCost);
    }
    SearchConfig config = b.build();
    if (curves != null) {
      OutputTarget.file(curves, "curves file", force, store);
    }
    try (Nb201Api api = Nb201Api.open(store)) {
      SearchOutcome o = StoreSearch.run(api, config, dataset, hp);
      if (curves != null) {
        writeCurves(curves, o.results());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(SearchJson.summary(config, o.summary(), o.wallSeconds()));
      } else {
        printTable(out, config, o.summary(), o.wallSeconds(), store.getFileName().toString());
      }
      out.flush();
    }
  }

  static void printTable(PrintWriter out, SearchConfig c, SearchSummary s, double wall, String storeName) {
    out.printf(Locale.ROOT, "nb201 search %s: %d runs, budget %.0f simulated s, seed %d, store %s%n", c.algorithm(),
        c.runs(), c.budget(), c.seed(), storeName);
    if (s.partialCoverage()) {
      out.printf(Locale.ROOT, "note: the store covers %d of %d cells; the algorithms search within them%n",
          s.coveredCells(), Arch.COUNT);
    }
    for (String note : new String[] {s.evalCost().describe(), s.evalCost().describeUnpriced()}) {
      if (note != null) {
        out.println("note: " + note);
      }
    }
    out.printf(Locale.ROOT,
        "evaluated cells per run: %.1f   simulated time per run: %.1f s   search wall time: %.3f s%n",
        s.meanEvaluated(), s.meanUsedTime(), wall);
    out.printf(Locale.ROOT, "%-24s %8s %7s %6s   %s%n", "accuracy (%)", "mean", "std", "runs", "best in store");
    for (Map.Entry<String, SearchSummary.Stat> e : s.metrics().entrySet()) {
      SearchSummary.Stat st = e.getValue();
      if (st.present() == 0) {
        out.printf(Locale.ROOT, "%-24s %8s %7s %6d   %s%n", e.getKey(), "missing", "", 0,
            Double.isNaN(st.bestPossible()) ? "(no data for it in the store)" : best(st));
      } else {
        out.printf(Locale.ROOT, "%-24s %8.2f %7.2f %6d   %s%n", e.getKey(), st.mean(), st.std(), st.present(),
            best(st));
      }
    }
  }

  private static String best(SearchSummary.Stat st) {
    return String.format(Locale.ROOT, "%.2f (index %d)", st.bestPossible(), st.bestIndex());
  }

  static void writeCurves(Path file, List<RunResult> results) {
    StringBuilder sb = new StringBuilder("run,seed,step,time,index,accuracy,best_index\n");
    for (RunResult r : results) {
      for (CurvePoint p : r.curve()) {
        sb.append(r.run()).append(',').append(r.seed()).append(',').append(p.step()).append(',').append(p.time())
            .append(',').append(p.index()).append(',').append(p.accuracy()).append(',').append(p.bestIndex())
            .append('\n');
      }
    }
    try {
      AtomicFiles.write(file, sb.toString());
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
