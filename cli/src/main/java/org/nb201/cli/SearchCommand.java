package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nb201.analysis.render.SearchSummaryText;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.generate.AtomicFiles;
import org.nb201.search.BenchmarkAlgorithmProvider;
import org.nb201.search.RunResult;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchOutcome;
import org.nb201.search.SearchSummary;
import org.nb201.search.StoreOracles;
import org.nb201.search.StoreSearch;
import org.nb201.search.runs.SearchRunFolder;
import org.nb201.search.runs.SearchRuns;
import org.nb201.space.algorithm.AlgorithmProvider;
import org.nb201.space.algorithm.Algorithms;
import org.nb201.train.search.WeightSharingProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * {@code nb201 search}: the paper's benchmark-driven search protocol on a store, or a weight-sharing search on
 * data ({@link WeightSharingSearch}), by what the chosen algorithm needs. The algorithms, their list in the help
 * and their options come from the algorithm registry ({@link Algorithms}); options of the other kind of
 * algorithm are refused with one line.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    modelTransformer = RegisteredAlgorithms.class,
    description = {
      "Run a NAS algorithm (the paper's protocol, see docs/search-algorithms.md).",
      "Benchmark-driven (needs --store): many runs on the store with simulated time.",
      "Signal: x-valid accuracy at the last epoch of a random seed (official: hp 12",
      "cifar10-valid); cost: train-all-time + valid-per-time. Each run's cell is",
      "reported with its hp 200 seed-mean accuracies (or, for a store of another",
      "dataset, with that dataset's accuracies at --hp). Times missing at some epochs",
      "are estimated from the epochs that have one (the output says so); --eval-cost",
      "prices without times.",
      "Weight-sharing (needs data): trains the supernet on --dataset (official:",
      "cifar10-valid) and prints every epoch's genotype and the final cell; --out RUN",
      "keeps a run folder with a checkpoint per epoch (docs/search-run-format.md) that",
      "--resume continues; --store S looks the final cell and every epoch's genotype up",
      "in S (hp 200 on every dataset, or S's own dataset at --hp, default 200)."
    })
final class SearchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<algorithm>", description = "The algorithm (listed below).")
  String algorithm;

  @Option(names = "--store", paramLabel = "S",
      description = "The benchmark store (benchmark-driven: required; weight-sharing: where to look the cells up).")
  Path store;

  @CommandLine.Mixin WeightSharingSearch supernet;

  @Option(names = "--runs", defaultValue = "500",
      description = "Independent runs (default: ${DEFAULT-VALUE}); as many as fit in the heap, about 256 B each"
          + " plus 256 B per evaluation with --curves.")
  int runs;

  @Option(names = "--budget", defaultValue = "12000", paramLabel = "SECONDS",
      description = "Simulated time budget per run (default: ${DEFAULT-VALUE}); at most what 100,000 evaluations"
          + " of the store's cheapest evaluation cost.")
  double budget;

  @Option(names = "--seed", defaultValue = "1",
      description = "Base seed; run r uses seed*100000+r (default: ${DEFAULT-VALUE}); weight-sharing: the seed.")
  long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads (default: all cores, at most 4 per core); results do not depend on it."
          + " Weight-sharing: intra-op threads (default: the engine's); resume with the same count.")
  Integer threads;

  @Option(names = "--dataset", defaultValue = "cifar10-valid", paramLabel = "D",
      description = "Dataset of the search signal (weight-sharing: of the search data; default: ${DEFAULT-VALUE},"
          + " the official one).")
  String dataset;

  @Option(names = "--hp", paramLabel = "HP",
      description = "hp of the search signal (default: 12); weight-sharing: hp of the store lookup (default: 200).")
  Integer hp;

  @Option(names = "--eval-cost", paramLabel = "SECONDS",
      description = "A fixed simulated cost per evaluation instead of the store's train + x-valid times"
          + " (for a table without times).")
  Double evalCost;

  @Option(names = "--json", description = "Print the summary (weight-sharing: the result and every epoch) as JSON.")
  boolean json;

  @Option(names = "--curves", paramLabel = "FILE", description = "Write every run's anytime curve as CSV.")
  Path curves;

  @Option(names = "--out", paramLabel = "DIR", description = "Write the runs (config and provenance with the store's"
      + " SHA-256, one result per run, every curve) to DIR for 'nb201 report --search DIR' (docs/search-runs.md);"
      + " weight-sharing: the run folder (docs/search-run-format.md).")
  Path out;

  @Option(names = "--force", description = "Replace the --curves file if it exists.")
  boolean force;

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

  /** The flags only the benchmark-driven algorithms take. */
  private static final List<String> BENCHMARK_FLAGS = List.of("--runs", "--budget", "--eval-cost", "--curves",
      "--force");

  @Override
  public void run() {
    if (algorithm.equals(ProxySearches.PROXY) || warmupProxy != null) {
      if (store == null) {
        throw new UserException(algorithm + " needs --store S, the benchmark store it searches");
      }
      ProxySearches.run(this);
      return;
    }
    AlgorithmProvider chosen = Algorithms.byName(algorithm);
    ParseResult parsed = spec.commandLine().getParseResult();
    Map<String, String> given = RegisteredAlgorithms.given(chosen, parsed);
    if (chosen instanceof WeightSharingProvider ws) {
      refuse(parsed, BENCHMARK_FLAGS, "the benchmark-driven algorithms");
      supernet.run(ws.parse(given), new WeightSharingSearch.Shared(dataset, seed, threads, store, hp, out, json),
          spec.commandLine().getOut());
      return;
    }
    BenchmarkAlgorithmProvider provider = BenchmarkAlgorithmProvider.byName(algorithm);
    refuse(parsed, WeightSharingSearch.FLAGS, "the weight-sharing methods");
    if (store == null) {
      throw new UserException(algorithm + " needs --store S, the benchmark store it searches");
    }
    runOnStore(provider, given, hp == null ? StoreOracles.HP : hp);
  }

  /** A one-line error for a flag of {@code flags} given to the chosen algorithm, which does not take it. */
  private void refuse(ParseResult parsed, List<String> flags, String whose) {
    for (String f : flags) {
      if (parsed.hasMatchedOption(f)) {
        throw new UserException(f + " is an option of " + whose + ", not of " + algorithm);
      }
    }
  }

  private void runOnStore(BenchmarkAlgorithmProvider provider, Map<String, String> options, int hp) {
    SearchConfig.Builder b = SearchConfig.builder(provider.parse(options)).optRuns(runs).optBudget(budget)
        .optSeed(seed).optKeepCurves(curves != null || out != null);
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
    if (out != null) {
      OutputTarget.folder(out, "search-run folder", store);
    }
    try (Nb201Api api = Nb201Api.open(store)) {
      SearchOutcome o = StoreSearch.run(api, config, dataset, hp);
      if (curves != null) {
        writeCurves(curves, o.results());
      }
      if (out != null) {
        writeRuns(out, api, config, dataset, hp, o, false);
      }
      PrintWriter pw = spec.commandLine().getOut();
      if (json) {
        pw.println(SearchJson.summary(config, o.summary(), o.wallSeconds()));
      } else {
        printTable(pw, config, o.summary(), o.wallSeconds(), store.getFileName().toString());
        if (out != null) {
          pw.println("runs: " + out + " (config.json, runs.jsonl, curves.csv)");
        }
      }
      pw.flush();
    }
  }

  /** Writes a run folder for {@code nb201 report}; shared with {@code nb201 demo}. */
  static void writeRuns(Path dir, Nb201Api api, SearchConfig config, String dataset, int hp, SearchOutcome o,
      boolean overwrite) {
    SearchRunFolder.write(dir, config, new SearchRuns.Signal(dataset, hp, StoreOracles.SPLIT),
        StoreIdentity.of(api.store(), true), o.results(), o.metrics(), o.wallSeconds(), overwrite);
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
