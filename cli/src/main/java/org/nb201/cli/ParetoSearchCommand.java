package org.nb201.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.generate.AtomicFiles;
import org.nb201.search.StoreOracles;
import org.nb201.search.multi.MoRandomSearch;
import org.nb201.search.multi.MoRegularizedEvolution;
import org.nb201.search.multi.MultiObjectiveProblem;
import org.nb201.search.multi.MultiObjectiveSpec;
import org.nb201.search.multi.MultiRunResult;
import org.nb201.search.multi.MultiSearchConfig;
import org.nb201.search.multi.MultiSearchRunner;
import org.nb201.search.multi.MultiSearchSummary;
import org.nb201.search.pareto.Objective;
import org.nb201.search.pareto.ObjectiveTable;
import org.nb201.space.provenance.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 pareto-search}: multi-objective search with the paper's protocol and simulated time. */
@Command(
    name = "pareto-search",
    mixinStandardHelpOptions = true,
    description = {
      "Run a multi-objective search many times on a store with simulated time: mo-rs (random search with a",
      "Pareto archive) or mo-rea (regularised evolution, parent by non-dominated rank and crowding, official",
      "one-edge mutation, aging). --objectives as for 'nb201 pareto', with exactly one accuracy or loss",
      "objective: during the search the official oracle's signal stands for it (x-valid accuracy of a random",
      "seed at the last epoch, official: hp 12 cifar10-valid; cost train-all-time + valid-per-time); the",
      "other objectives are looked up for free. Each run's found set (its Pareto archive) is scored by the",
      "hypervolume of its --objectives values relative to the true front's."
    })
final class ParetoSearchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<mo-rs|mo-rea>", description = "The algorithm.")
  String algorithm;

  @Option(names = "--store", required = true, paramLabel = "S", description = "The benchmark store.")
  Path store;

  @Option(names = "--objectives", required = true, paramLabel = "O1,O2[,...]",
      description = "e.g. test-accuracy@cifar10,latency@fpga")
  String objectives;

  @Option(names = "--hp", defaultValue = "200", description = "hp of the objectives (default: ${DEFAULT-VALUE}).")
  int hp;

  @Option(names = "--ref", paramLabel = "R1,R2[,...]", split = ",",
      description = "Reference point of the hypervolume in the objectives' units (default as in nb201 pareto).")
  double[] ref;

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

  @Option(names = "--signal-dataset", defaultValue = "cifar10-valid", paramLabel = "D",
      description = "Dataset of the search signal (default: ${DEFAULT-VALUE}, the official one).")
  String signalDataset;

  @Option(names = "--signal-hp", defaultValue = "12",
      description = "hp of the search signal (default: ${DEFAULT-VALUE}).")
  int signalHp;

  @Option(names = "--population", defaultValue = "10", description = "mo-rea population (default: ${DEFAULT-VALUE}).")
  int population;

  @Option(names = "--sample", defaultValue = "3", description = "mo-rea sample size (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--json", description = "Print the summary as JSON (with every run's relative hypervolume).")
  boolean json;

  @Option(names = "--curves", paramLabel = "FILE", description = "Write every run's anytime curve as CSV.")
  Path curves;

  @Override
  public void run() {
    MultiObjectiveSpec alg = switch (algorithm) {
      case "mo-rs" -> new MoRandomSearch.Options();
      case "mo-rea" -> MoRegularizedEvolution.Options.builder().optPopulation(population).optSample(sample).build();
      default -> throw new IllegalArgumentException("unknown multi-objective algorithm '" + algorithm
          + "'; expected mo-rs or mo-rea");
    };
    MultiSearchConfig.Builder b = MultiSearchConfig.builder().optRuns(runs).optBudget(budget).optSeed(seed);
    if (threads != null) {
      b.optThreads(threads);
    }
    MultiSearchConfig config = b.build();
    List<Objective> objs = Objective.parseList(objectives);
    try (Nb201Api api = Nb201Api.open(store)) {
      if (!api.hps().contains(signalHp) || !api.store().reader().datasets().contains(signalDataset)) {
        throw new IllegalArgumentException("store " + store.getFileName() + " has no hp " + signalHp + " "
            + signalDataset + " data for the search signal (choose one with --signal-dataset and --signal-hp)");
      }
      FinalView signal = api.finalView(signalDataset, signalHp, StoreOracles.SPLIT);
      MultiObjectiveProblem problem = MultiObjectiveProblem.of(StoreOracles.of(signal),
          ObjectiveTable.load(api, objs, hp), ref);
      long t0 = System.nanoTime();
      List<MultiRunResult> results = MultiSearchRunner.runAll(config, alg, problem);
      double wall = (System.nanoTime() - t0) / 1e9;
      MultiSearchSummary s = MultiSearchSummary.of(results, alg, config, problem);
      if (curves != null) {
        writeCurves(curves, results);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(json(s, alg, config, wall, ParetoCommand.provenance(api, Map.of("command", "pareto-search",
            "algorithm", algorithm, "objectives", objectives, "hp", hp, "threads", config.threads()))));
      } else {
        printText(out, s, problem, wall);
      }
      out.flush();
    }
  }

  private void printText(PrintWriter out, MultiSearchSummary s, MultiObjectiveProblem p, double wall) {
    out.printf(Locale.ROOT, "nb201 pareto-search %s: %d runs, budget %.0f simulated s, seed %d, store %s%n",
        s.algorithm(), s.runs(), s.budget(), s.seed(), store.getFileName());
    for (int j = 0; j < p.objectives().size(); j++) {
      Objective o = p.objectives().get(j);
      out.printf(Locale.ROOT, "%-11s %-26s %s; %s%n", j == 0 ? "objectives" : "", o.key(), o.sense(),
          j == p.trainedObjective() ? "searched on the oracle's " + signalDataset + " hp " + signalHp + " "
              + StoreOracles.SPLIT + " signal" : "looked up (free)");
    }
    out.println("true front  " + s.truth().front().size() + " cells of the " + s.truth().cells()
        + " with every objective; hypervolume " + s.truth().hypervolume() + " against "
        + ParetoCommand.vector(s.truth().reference()) + " (" + s.truth().referenceRule() + ")");
    if (s.searchableCells() < 15_625) {
      out.println("note: the search covers " + s.searchableCells() + " of 15625 cells (those with the signal and"
          + " every looked-up objective)");
    }
    out.printf(Locale.ROOT, "evaluated cells per run: %.1f   simulated time per run: %.1f s   search wall time:"
        + " %.3f s%n", s.evaluated().mean(), s.usedTime().mean(), wall);
    out.printf(Locale.ROOT, "relative hypervolume of the found set: mean %.4f  std %.4f  min %.4f  max %.4f"
        + "  (%d runs)%n", s.relativeHypervolume().mean(), s.relativeHypervolume().std(), s.relativeHypervolume().min(),
        s.relativeHypervolume().max(), s.runs());
    out.printf(Locale.ROOT, "found cells per run: mean %.1f  std %.1f%n", s.foundCells().mean(), s.foundCells().std());
    out.println("anytime relative hypervolume (mean and std over runs):");
    out.printf(Locale.ROOT, "%12s %8s %8s%n", "time (s)", "mean", "std");
    int step = Math.max(1, s.curve().size() / 10);
    for (int g = step - 1; g < s.curve().size(); g += step) {
      MultiSearchSummary.CurvePoint c = s.curve().get(g);
      out.printf(Locale.ROOT, "%12.0f %8.4f %8.4f%n", c.time(), c.mean(), c.std());
    }
  }

  private String json(MultiSearchSummary s, MultiObjectiveSpec alg, MultiSearchConfig c, double wall,
      Provenance provenance) {
    JsonObject o = new JsonObject();
    o.addProperty("algorithm", s.algorithm());
    if (alg instanceof MoRegularizedEvolution.Options rea) {
      o.addProperty("population", rea.population());
      o.addProperty("sample", rea.sample());
    }
    o.addProperty("runs", s.runs());
    o.addProperty("budget", s.budget());
    o.addProperty("seed", s.seed());
    JsonObject signal = new JsonObject();
    signal.addProperty("dataset", signalDataset);
    signal.addProperty("hp", signalHp);
    signal.addProperty("split", StoreOracles.SPLIT);
    o.add("signal", signal);
    o.add("objectives", ParetoCommand.objectivesJson(s.truth()));
    JsonObject truth = new JsonObject();
    truth.addProperty("cells", s.truth().cells());
    truth.addProperty("front_size", s.truth().front().size());
    truth.addProperty("hypervolume", s.truth().hypervolume());
    truth.add("reference", ParetoCommand.numbers(s.truth().reference()));
    truth.addProperty("reference_rule", s.truth().referenceRule());
    JsonArray front = new JsonArray();
    s.truth().front().forEach(p -> front.add(p.index()));
    truth.add("front", front);
    o.add("true_front", truth);
    o.addProperty("searchable_cells", s.searchableCells());
    o.add("relative_hypervolume", stat(s.relativeHypervolume()));
    o.add("found_cells", stat(s.foundCells()));
    o.add("evaluated", stat(s.evaluated()));
    o.add("simulated_time", stat(s.usedTime()));
    o.add("per_run_relative_hypervolume", ParetoCommand.numbers(s.finalRelativeHypervolumes()));
    JsonArray curve = new JsonArray();
    for (MultiSearchSummary.CurvePoint p : s.curve()) {
      JsonObject x = new JsonObject();
      x.addProperty("time", p.time());
      x.addProperty("mean", p.mean());
      x.addProperty("std", p.std());
      curve.add(x);
    }
    o.add("anytime_curve", curve);
    o.addProperty("wall_seconds", wall);
    o.add("provenance", new Gson().toJsonTree(provenance.toMap()));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(o);
  }

  private static JsonObject stat(MultiSearchSummary.Stat s) {
    JsonObject o = new JsonObject();
    o.add("mean", StoreCli.json(s.mean()));
    o.add("std", StoreCli.json(s.std()));
    o.add("min", StoreCli.json(s.min()));
    o.add("max", StoreCli.json(s.max()));
    return o;
  }

  private static void writeCurves(Path file, List<MultiRunResult> results) {
    StringBuilder sb = new StringBuilder("run,seed,step,time,relative_hypervolume,archive_cells\n");
    for (MultiRunResult r : results) {
      for (MultiRunResult.Point p : r.curve()) {
        sb.append(r.run()).append(',').append(r.seed()).append(',').append(p.step()).append(',').append(p.time())
            .append(',').append(p.relativeHypervolume()).append(',').append(p.archiveCells()).append('\n');
      }
    }
    try {
      AtomicFiles.write(file, sb.toString());
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
