package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.nb201.generate.CollectReport;
import org.nb201.generate.Collector;
import org.nb201.generate.GenerateSummary;
import org.nb201.generate.Plan;
import org.nb201.generate.PlanConfig;
import org.nb201.generate.Shard;
import org.nb201.search.Algorithm;
import org.nb201.search.SearchConfig;
import org.nb201.space.Dataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nb201 demo}: the main job end to end on real data. Finds (or fetches) Fashion-MNIST, plans a
 * small real benchmark (a fixed sample of cells with the reference cells, a reduced network and data),
 * generates it on the local pool, collects it into a store, shows the best cells and cost vs accuracy,
 * runs the four search algorithms on it and writes the HTML report of the store and the runs.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Build a small real benchmark on Fashion-MNIST and use it: plan, generate (local pool), collect,",
      "best cells, cost vs accuracy, RS/REA/REINFORCE/BOHB on it, and an HTML report (DIR/report/index.html).",
      "Rerunning resumes and reuses it."
    })
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  /** The reference cells always included: ResNet, all-conv3x3, all-skip, all-pool, all-none, index 0. */
  static final List<Integer> REFERENCE = ReferenceCells.ALL;

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

  @Option(names = "--eval-limit", defaultValue = "512", description = "Images per evaluation set (default: ${DEFAULT-VALUE}).")
  int evalLimit;

  @Option(names = "--workers", defaultValue = "2", description = "Worker processes (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--runs", defaultValue = "100", description = "Search runs per algorithm (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    Files.createDirectories(dir);
    Path data = FashionMnist.locate(s -> say(out, s));
    say(out, "data: Fashion-MNIST in " + data);

    PlanConfig config = PlanConfig.builder().optArchs("all").optSample(cells, 201).optInclude(REFERENCE)
        .optDatasets(List.of(Dataset.FASHION_MNIST.key())).optHps(List.of(epochs)).optSeeds(List.of(777))
        .optNetwork(channels, stageCells).optLimits(trainLimit, evalLimit).optBatchSize(batchSize).build();
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
      for (Algorithm a : Algorithm.values()) {
        SearchConfig sc = SearchConfig.builder(a).optRuns(runs).optBudget(budgetFor(api, ds)).optSeed(1)
            .optKeepCurves(true).build();
        SearchCommand.Outcome o = SearchCommand.search(api, sc, ds, epochs);
        Path runsDir = dir.resolve("search").resolve(a.key());
        SearchCommand.writeRuns(runsDir, api, sc, ds, epochs, o, true);
        searches.add(runsDir);
        out.println();
        SearchCommand.printTable(out, sc, o.summary(), o.wallSeconds(), store.getFileName().toString());
      }
    }
    Path report = dir.resolve("report");
    HtmlReport.Written w = ReportCommand.write(store, searches, report, true, TrainingAnalysis.REPEATS, 0, 20,
        Progress.NONE);
    out.println();
    out.printf(Locale.ROOT, "files: plan %s, results %s, ledger %s, store %s, search runs %s%n", planFile,
        results.resolve("results"), results.resolve("ledger.jsonl"), store, dir.resolve("search"));
    out.printf(Locale.ROOT, "report: %s (%d charts, %d tables; open it in a browser)%n", w.file(), w.charts(),
        w.tables());
    out.printf(Locale.ROOT, "next: ./nb201 query %s 11472 --dataset %s --hp %d; ./nb201 search rea --store %s --dataset %s"
        + " --hp %d%n", store, ds, epochs, store, ds, epochs);
    out.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    out.flush();
    return 0;
  }

  /** A budget that affords about two thirds of the cells: REA gets past its initial population, all must choose. */
  private double budgetFor(Nb201Api api, String ds) {
    FinalView v = api.finalView(ds, epochs, "x-valid");
    double sum = 0;
    int n = 0;
    for (int i = 0; i < 15_625; i++) {
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

  private static void say(PrintWriter out, String s) {
    out.println(s);
    out.flush();
  }
}
