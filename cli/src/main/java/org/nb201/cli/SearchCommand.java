package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.generate.AtomicFiles;
import org.nb201.search.Algorithm;
import org.nb201.search.Coverage;
import org.nb201.search.CurvePoint;
import org.nb201.search.ReportMetric;
import org.nb201.search.RunResult;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchRunner;
import org.nb201.search.SearchSummary;
import org.nb201.search.StoreOracle;
import org.nb201.search.TableOracle;
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

  @Parameters(paramLabel = "<rs|rea|reinforce|bohb|proxy>",
      description = "The algorithm; proxy = training-free search: best of --sample random cells by --proxy.")
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

  @Option(names = "--proxy", paramLabel = "NAME",
      description = "proxy: the stored proxy that ranks the sampled cells (e.g. synflow, naswot).")
  String proxy;

  @Option(names = "--sample", defaultValue = "100", paramLabel = "N",
      description = "proxy: cells sampled per run (NASWOT's table: 10, 100, 1000; default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--warmup-proxy", paramLabel = "NAME",
      description = "rea: start the population from the best cells of a random pool by this stored proxy.")
  String warmupProxy;

  @Option(names = "--warmup-pool", defaultValue = "3000", paramLabel = "P",
      description = "rea: random cells scored for the warm-up (default: ${DEFAULT-VALUE}).")
  int warmupPool;

  @Option(names = "--proxy-seed", paramLabel = "N", description = "Which stored scores: their seed (when several).")
  Integer proxySeed;

  @Option(names = "--proxy-batch", paramLabel = "B", description = "Which stored scores: their batch (when several).")
  Integer proxyBatch;

  @Override
  public void run() {
    if (algorithm.equals("proxy") || warmupProxy != null) {
      ProxySearches.run(this);
      return;
    }
    SearchConfig.Builder b = SearchConfig.builder(Algorithm.byKey(algorithm)).optRuns(runs).optBudget(budget)
        .optSeed(seed).optLearningRate(lr).optKeepCurves(curves != null);
    if (threads != null) {
      b.optThreads(threads);
    }
    SearchConfig config = b.build();
    try (Nb201Api api = Nb201Api.open(store)) {
      Outcome o = search(api, config, dataset, hp);
      if (curves != null) {
        writeCurves(curves, o.results());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(SearchJson.summary(config, o.summary(), store, o.wallSeconds()));
      } else {
        printTable(out, config, o.summary(), o.wallSeconds(), store.getFileName().toString());
      }
      out.flush();
    }
  }

  /** The runs and their summary. */
  record Outcome(List<RunResult> results, SearchSummary summary, double wallSeconds) {}

  /** Runs a search on an open store; shared with {@code nb201 demo}. */
  static Outcome search(Nb201Api api, SearchConfig config, String dataset, int hp) {
    TableOracle oracle = oracle(api, dataset, hp);
    long t0 = System.nanoTime();
    List<RunResult> results = SearchRunner.runAll(config, oracle);
    double wall = (System.nanoTime() - t0) / 1e9;
    return summarize(api, results, dataset, hp, oracle.coverage(), wall);
  }

  /** The official oracle of a store (hp {@code hp} {@code dataset} x-valid); a clear error when it has none. */
  static TableOracle oracle(Nb201Api api, String dataset, int hp) {
    FinalView signal = view(api, dataset, hp, StoreOracle.SPLIT);
    if (signal == null) {
      throw new IllegalArgumentException("store " + api.store().path().getFileName() + " has no hp " + hp + " " + dataset
          + " x-valid data for the search signal; it holds " + api.store().reader().trialSets().stream()
          .map(t -> t.dataset() + " hp " + t.hp()).distinct().toList()
          + " (choose one with --dataset and --hp)");
    }
    return StoreOracle.of(signal);
  }

  /** The paper-style summary of finished runs (the columns as {@link #search} reports them). */
  static Outcome summarize(Nb201Api api, List<RunResult> results, String dataset, int hp,
      Coverage coverage, double wall) {
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
    return new Outcome(results, SearchSummary.of(results, columns, views, coverage), wall);
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
    printTable(out, String.format(Locale.ROOT, "nb201 search %s: %d runs, budget %.0f simulated s, seed %d, store %s",
        c.algorithm(), c.runs(), c.budget(), c.seed(), storeName), s, wall);
  }

  /** The table under a header line of the caller's. */
  static void printTable(PrintWriter out, String header, SearchSummary s, double wall) {
    out.println(header);
    if (s.partialCoverage()) {
      out.printf(Locale.ROOT, "note: the store covers %d of 15625 cells; the algorithms search within them%n",
          s.coveredCells());
    }
    out.printf(Locale.ROOT, "evaluated cells per run: %.1f   simulated time per run: %.1f s   search wall time: %.3f s%n",
        s.meanEvaluated(), s.meanUsedTime(), wall);
    out.printf(Locale.ROOT, "%-24s %8s %7s %6s   %s%n", "accuracy (%)", "mean", "std", "runs", "best in store");
    for (Map.Entry<String, SearchSummary.Stat> e : s.metrics().entrySet()) {
      SearchSummary.Stat st = e.getValue();
      if (st.present() == 0) {
        out.printf(Locale.ROOT, "%-24s %8s %7s %6d   %s%n", e.getKey(), "missing", "", 0,
            Double.isNaN(st.bestPossible()) ? "(no data for it in the store)" : best(st));
      } else {
        out.printf(Locale.ROOT, "%-24s %8.2f %7.2f %6d   %s%n", e.getKey(), st.mean(), st.std(), st.present(), best(st));
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
            .append(',').append(p.index()).append(',').append(p.accuracy()).append(',').append(p.bestIndex()).append('\n');
      }
    }
    try {
      AtomicFiles.write(file, sb.toString());
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
