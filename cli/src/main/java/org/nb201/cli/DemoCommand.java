package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nb201.analysis.CellRanking;
import org.nb201.analysis.Progress;
import org.nb201.analysis.ReferenceCells;
import org.nb201.analysis.StoreData;
import org.nb201.analysis.TrainingAnalysis;
import org.nb201.analysis.render.HtmlReport;
import org.nb201.analysis.render.Tables;
import org.nb201.analysis.render.TextRenderer;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.generate.AtomicFiles;
import org.nb201.generate.CollectReport;
import org.nb201.generate.Collector;
import org.nb201.generate.GenerateSummary;
import org.nb201.generate.Plan;
import org.nb201.generate.PlanConfig;
import org.nb201.generate.Shard;
import org.nb201.search.BenchmarkAlgorithmProvider;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchLimits;
import org.nb201.search.SearchOutcome;
import org.nb201.search.StoreSearch;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;
import org.nb201.train.TrainLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nb201 demo}: the main job end to end on real data. Finds (or fetches) Fashion-MNIST, plans a
 * small real benchmark (a fixed sample of cells with the reference cells, a reduced network and data),
 * generates it on the local pool, collects it into a store, shows the best cells and cost vs accuracy,
 * and runs the four search algorithms on it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Build a small real benchmark on Fashion-MNIST and use it: plan, generate (local pool), collect,",
      "best cells, cost vs accuracy, and RS/REA/REINFORCE/BOHB on it. Rerunning resumes and reuses it."
    })
final class DemoCommand implements Callable<Integer> {
  /** The reference cells always included: ResNet, all-conv3x3, all-skip, all-pool, all-none, index 0. */
  static final List<Integer> REFERENCE = ReferenceCells.ALL;
  /** What the demo writes into its folder. */
  private static final Set<String> OWN = Set.of("plan.jsonl", "generated", "demo.duckdb", "search", "report");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", defaultValue = "nb201-demo", paramLabel = "DIR",
      description = "Where the plan, results and store go (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--cells", defaultValue = "24", description = "Cells in the benchmark (default: ${DEFAULT-VALUE}).")
  int cells;

  @Option(names = "--epochs", defaultValue = "4", description = "Epochs per trial (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--C", defaultValue = "8", description = "Stem width (default: ${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--N", defaultValue = "1", description = "Cells per stage (default: ${DEFAULT-VALUE}).")
  int stageCells;

  @Option(names = "--batch-size", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--train-limit", defaultValue = "2048", description = "Training images (default: ${DEFAULT-VALUE}).")
  int trainLimit;

  @Option(names = "--eval-limit", defaultValue = "512",
      description = "Images per evaluation set (default: ${DEFAULT-VALUE}).")
  int evalLimit;

  @Option(names = "--workers", defaultValue = "2", description = "Worker processes (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--runs", defaultValue = "100",
      description = "Search runs per algorithm (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--search-epochs", defaultValue = "3", paramLabel = "E", description = "Epochs of each"
      + " weight-sharing search (DARTS-V1 and RSPS on a supernet of the demo's size; 0 skips them; default:"
      + " ${DEFAULT-VALUE}).")
  int searchEpochs;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    PlanConfig config = validate();
    Files.createDirectories(dir);
    Path data = FashionMnist.locate(s -> say(out, s));
    say(out, "data: Fashion-MNIST in " + data);

    Plan plan = Plan.of(config);
    Path planFile = dir.resolve("plan.jsonl");
    if (!Files.exists(planFile) || !Plan.read(planFile).checksum().equals(plan.checksum())) {
      plan.write(planFile);
    }
    say(out, String.format(Locale.ROOT, "plan: %d cells (reference cells %s included), fashion-mnist, %d epochs, "
        + "C%d N%d, batch %d, %d train / %d eval images, seed 777 -> %s", cells, REFERENCE, epochs, channels,
        stageCells, batchSize, trainLimit, evalLimit, planFile));

    Path results = dir.resolve("generated");
    GenerateSummary g = GenerateCommand.run(out, planFile, results, workers, null, Shard.ALL, data, null, "cpu", quiet);
    if (!g.failures().isEmpty()) {
      throw new UserException(g.failures().size() + " trials failed (first: " + g.failures().get(0)
          + "); rerun 'nb201 demo' to retry them");
    }
    Path store = dir.resolve("demo.duckdb");
    Files.deleteIfExists(store);
    CollectReport c = Collector.collect(plan, results, store, false);
    CollectCommand.print(out, c);

    String ds = Dataset.FASHION_MNIST.key();
    List<Path> searches = new ArrayList<>();
    try (Nb201Api api = Nb201Api.open(store)) {
      printCells(out, api);
      for (BenchmarkAlgorithmProvider a : BenchmarkAlgorithmProvider.all()) {
        SearchConfig sc = SearchConfig.builder(a.defaults()).optRuns(runs).optBudget(budgetFor(api, ds)).optSeed(1)
            .optKeepCurves(true).build();
        SearchOutcome o = StoreSearch.run(api, sc, ds, epochs);
        Path runsDir = dir.resolve("search").resolve(a.name());
        SearchCommand.writeRuns(runsDir, api, sc, ds, epochs, o, true);
        searches.add(runsDir);
        out.println();
        SearchCommand.printTable(out, sc, o.summary(), o.wallSeconds(), store.getFileName().toString());
      }
    }
    if (searchEpochs > 0) {
      DemoWeightSharing.run(out, spec.commandLine().getErr(), store, data, dir.resolve("search"),
          new DemoWeightSharing.Settings(searchEpochs, channels, stageCells, batchSize, trainLimit / 2, evalLimit,
              epochs, quiet));
    }
    HtmlReport.Written w = ReportCommand.write(store, searches, dir.resolve("report"), true, TrainingAnalysis.REPEATS,
        0, 20, Progress.NONE);
    out.println();
    out.printf(Locale.ROOT, "files: plan %s, results %s, ledger %s, store %s, search runs %s%n", planFile,
        results.resolve("results"), results.resolve("ledger.jsonl"), store, dir.resolve("search"));
    out.printf(Locale.ROOT, "report: %s (%d charts, %d tables; open it in a browser)%n", w.file(), w.charts(),
        w.tables());
    out.printf(Locale.ROOT,
        "next: ./nb201 query %s 11472 --dataset %s --hp %d; ./nb201 search rea --store %s --dataset %s"
        + " --hp %d%n", store, ds, epochs, store, ds, epochs);
    out.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    out.flush();
    return 0;
  }

  /** Checks every option before any work is done; returns the plan's config. */
  private PlanConfig validate() throws IOException {
    if (cells < REFERENCE.size() || cells > Arch.COUNT) {
      throw new UserException("--cells must be in " + REFERENCE.size() + ".." + Arch.COUNT + " (the "
          + REFERENCE.size() + " reference cells are always included), got " + cells);
    }
    if (epochs < 1) {
      throw new UserException("--epochs must be >= 1, got " + epochs);
    }
    if (searchEpochs < 0) {
      throw new UserException("--search-epochs must be >= 0 (0 skips the weight-sharing searches), got "
          + searchEpochs);
    }
    if (workers < 1 || workers > TrainLimits.maxThreads()) {
      throw new UserException("--workers must be in 1.." + TrainLimits.maxThreads() + " ("
          + TrainLimits.THREADS_PER_PROCESSOR + " x the " + Runtime.getRuntime().availableProcessors()
          + " available processors), got " + workers);
    }
    if (runs < 1) {
      throw new UserException("--runs must be >= 1, got " + runs);
    }
    SearchLimits.checkRuns(runs, SearchLimits.heapAvailable());
    checkFolder(dir);
    PlanConfig config = PlanConfig.builder().optArchs("all").optSample(cells, 201).optInclude(REFERENCE)
        .optDatasets(List.of(Dataset.FASHION_MNIST.key())).optHps(List.of(epochs)).optSeeds(List.of(777))
        .optNetwork(channels, stageCells).optLimits(trainLimit, evalLimit).optBatchSize(batchSize).build();
    // the workers train at once; the all-conv3x3 reference cell is the largest network of the plan
    TrainLimits.checkMemory(SearchSpace.official().arch(1462), Dataset.FASHION_MNIST.network()
        .withCells(channels, stageCells), batchSize, workers, TrainLimits.machineMemory());
    return config;
  }

  /** A budget that affords about two thirds of the cells: REA gets past its initial population, all must choose. */
  private double budgetFor(Nb201Api api, String ds) {
    FinalView v = api.finalView(ds, epochs, Split.X_VALID.key());
    double sum = 0;
    int n = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      if (v.seedCount(i) > 0) {
        sum += v.trainAllTime(i, 0) + v.splitPerTime(i, 0);
        n++;
      }
    }
    return Math.max(1, sum / n * Math.max(3, n * 2 / 3.0));
  }

  private void printCells(PrintWriter out, Nb201Api api) {
    out.println();
    out.printf(Locale.ROOT, "cells by x-test accuracy after %d epochs (C%d N%d on %d Fashion-MNIST images):%n", epochs,
        channels, stageCells, trainLimit);
    out.print(TextRenderer.render(Tables.of(CellRanking.run(new StoreData(api, StoreIdentity.of(api.store(), false)),
        0))));
  }


  /**
   * The demo writes (and rewrites) plan.jsonl, generated/ and demo.duckdb in its folder, so it uses only
   * a new or empty folder or one that holds nothing else (an earlier demo's): never a folder of the user's.
   */
  static void checkFolder(Path dir) throws IOException {
    OutputTarget.folder(dir, "demo folder");
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      Optional<String> foreign = entries.map(p -> p.getFileName().toString())
          .filter(n -> !OWN.contains(n) && !n.startsWith(AtomicFiles.TEMP_PREFIX) && !n.startsWith(".demo.duckdb."))
          .sorted().findFirst();
      if (foreign.isPresent()) {
        throw new UserException("demo folder " + dir + " holds files that are not the demo's (" + foreign.get()
            + "); expected a new or empty folder, or an earlier demo's");
      }
    }
  }

  private static void say(PrintWriter out, String s) {
    out.println(s);
    out.flush();
  }
}
