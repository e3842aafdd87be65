package org.nb201.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.nb201.bench.query.Nb201Api;
import org.nb201.space.provenance.Provenance;
import org.nb201.search.pareto.Objective;
import org.nb201.search.pareto.ObjectiveTable;
import org.nb201.search.pareto.ParetoResult;
import org.nb201.space.SearchSpace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nb201 pareto}: the exact Pareto front of the stored cells and its hypervolume. */
@Command(
    name = "pareto",
    mixinStandardHelpOptions = true,
    description = {
      "The exact non-dominated set of the stored cells on two or more objectives, and its hypervolume.",
      "Objectives (comma-separated): <set>-accuracy@DATASET, <set>-loss@DATASET (set: train, valid, test,",
      "valtest, as get_more_info's keys: mean over seeds at the last epoch of --hp; accuracy maximised),",
      "latency@DEVICE and energy@DEVICE[/DATASET] (the store's hardware table, ms / mJ, minimised),",
      "params and flops[@DATASET] (the store's costs or the cost model, millions, minimised).",
      "Cells that lack an objective are left out and counted. Every cell sharing a front vector is listed.",
      "The hypervolume's reference point is the worst value of each objective over the compared cells,",
      "1% of its range beyond it, unless --ref gives one (in the objectives' units)."
    })
final class ParetoCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "S", description = "The benchmark store.")
  Path store;

  @Option(names = "--objectives", required = true, paramLabel = "O1,O2[,...]",
      description = "e.g. test-accuracy@cifar10,latency@fpga,params")
  String objectives;

  @Option(names = "--hp", defaultValue = "200", paramLabel = "H",
      description = "hp of the accuracy and loss objectives (default: ${DEFAULT-VALUE}, the paper's final results).")
  int hp;

  @Option(names = "--ref", paramLabel = "R1,R2[,...]", split = ",", description = "Reference point of the"
      + " hypervolume, one value per objective in its unit.")
  double[] ref;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Option(names = "--csv", description = "Print the front as CSV: index,arch and one column per objective.")
  boolean csv;

  @Override
  public void run() {
    if (json && csv) {
      throw new UserException("--json and --csv exclude each other; choose one");
    }
    List<Objective> objs = Objective.parseList(objectives);
    long t0 = System.nanoTime();
    try (Nb201Api api = Nb201Api.open(store)) {
      long t1 = System.nanoTime();
      ObjectiveTable table = ObjectiveTable.load(api, objs, hp);
      long t2 = System.nanoTime();
      ParetoResult r = ParetoResult.of(table, ref);
      long t3 = System.nanoTime();
      double[] seconds = {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9};
      PrintWriter out = spec.commandLine().getOut();
      if (csv) {
        printCsv(out, r);
      } else if (json) {
        out.println(json(r, seconds, provenance(api, Map.of("command", "pareto", "objectives", objectives,
            "hp", hp))));
      } else {
        printText(out, r, seconds);
      }
      out.flush();
    }
  }

  private void printText(PrintWriter out, ParetoResult r, double[] seconds) {
    List<Objective> objs = r.objectives();
    out.println("nb201 pareto: store " + store.getFileName() + ", hp " + r.hp());
    for (int j = 0; j < objs.size(); j++) {
      Objective o = objs.get(j);
      out.printf(Locale.ROOT, "%-11s %-26s %s  %s%s%n", j == 0 ? "objectives" : "", o.key(), o.sense(),
          o.describe(r.hp()), o.unit().isEmpty() ? "" : " (" + o.unit() + ")");
    }
    StringBuilder lacking = new StringBuilder();
    for (int j = 0; j < objs.size(); j++) {
      lacking.append(j == 0 ? "" : ", ").append(objs.get(j).key()).append(' ').append(r.missing().get(j));
    }
    out.println("cells       " + r.cells() + " of 15625 have every objective; cells without: " + lacking);
    out.println("front       " + r.front().size() + (r.front().size() == 1 ? " cell, " : " cells, ")
        + r.distinctVectors() + " distinct vector" + (r.distinctVectors() == 1 ? "" : "s")
        + " (every cell sharing a front vector is listed)");
    out.println("reference   " + vector(r.reference()) + "  " + r.referenceRule());
    String units = String.join(" x ", objs.stream().map(o -> o.unit().isEmpty() ? "1" : o.unit()).toList());
    out.printf(Locale.ROOT, "hypervolume %s (%s); normalised %.6f (ideal %s to the reference)%n",
        Double.toString(r.hypervolume()), units, r.normalisedHypervolume(), vector(r.ideal()));
    if (r.outsideReference() > 0) {
      out.println("note: " + r.outsideReference() + " front cells are not better than the reference in every"
          + " objective and add nothing");
    }
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%6s", "index"));
    for (Objective o : objs) {
      head.append(String.format(Locale.ROOT, "  %22s", o.key()));
    }
    out.println(head.append("  arch"));
    for (ParetoResult.Point p : r.front()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%6d", p.index()));
      for (double v : p.values()) {
        row.append(String.format(Locale.ROOT, "  %22s", Double.toString(v)));
      }
      out.println(row.append("  ").append(SearchSpace.official().arch(p.index())));
    }
    for (String n : r.notes()) {
      out.println("note: " + n);
    }
    out.printf(Locale.ROOT, "wall time %.3f s: opening the store %.3f s, loading the objectives %.3f s, front and"
        + " hypervolume %.3f s%n", seconds[0] + seconds[1] + seconds[2], seconds[0], seconds[1], seconds[2]);
  }

  private static void printCsv(PrintWriter out, ParetoResult r) {
    StringBuilder head = new StringBuilder("index,arch");
    r.objectives().forEach(o -> head.append(',').append(o.key()));
    out.println(head);
    for (ParetoResult.Point p : r.front()) {
      StringBuilder row = new StringBuilder().append(p.index()).append(',')
          .append(SearchSpace.official().arch(p.index()));
      p.values().forEach(v -> row.append(',').append(v));
      out.println(row);
    }
  }

  private String json(ParetoResult r, double[] seconds, Provenance provenance) {
    JsonObject o = new JsonObject();
    o.addProperty("hp", r.hp());
    o.add("objectives", objectivesJson(r));
    o.addProperty("cells", r.cells());
    JsonObject missing = new JsonObject();
    for (int j = 0; j < r.objectives().size(); j++) {
      missing.addProperty(r.objectives().get(j).key(), r.missing().get(j));
    }
    o.add("cells_without", missing);
    o.add("reference", numbers(r.reference()));
    o.addProperty("reference_rule", r.referenceRule());
    o.add("ideal", numbers(r.ideal()));
    o.addProperty("hypervolume", r.hypervolume());
    o.add("normalised_hypervolume", StoreCli.json(r.normalisedHypervolume()));
    o.addProperty("front_size", r.front().size());
    o.addProperty("distinct_vectors", r.distinctVectors());
    o.addProperty("outside_reference", r.outsideReference());
    JsonArray front = new JsonArray();
    for (ParetoResult.Point p : r.front()) {
      JsonObject x = new JsonObject();
      x.addProperty("index", p.index());
      x.addProperty("arch", SearchSpace.official().arch(p.index()).toString());
      JsonObject values = new JsonObject();
      for (int j = 0; j < r.objectives().size(); j++) {
        values.addProperty(r.objectives().get(j).key(), p.values().get(j));
      }
      x.add("values", values);
      front.add(x);
    }
    o.add("front", front);
    JsonArray notes = new JsonArray();
    r.notes().forEach(notes::add);
    o.add("notes", notes);
    JsonObject wall = new JsonObject();
    wall.addProperty("open", seconds[0]);
    wall.addProperty("load", seconds[1]);
    wall.addProperty("front_and_hypervolume", seconds[2]);
    o.add("wall_seconds", wall);
    o.add("provenance", new Gson().toJsonTree(provenance.toMap()));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(o);
  }

  static JsonArray objectivesJson(ParetoResult r) {
    JsonArray a = new JsonArray();
    for (Objective ob : r.objectives()) {
      JsonObject x = new JsonObject();
      x.addProperty("key", ob.key());
      x.addProperty("sense", ob.sense());
      x.addProperty("unit", ob.unit());
      x.addProperty("description", ob.describe(r.hp()));
      a.add(x);
    }
    return a;
  }

  /** The provenance of a result computed from {@code api}'s store: its file (with SHA-256) and {@code config}. */
  static Provenance provenance(Nb201Api api, Map<String, ?> config) {
    return Provenance.builder().addInput(api.store().fileInput()).optConfig(config).build();
  }

  static JsonArray numbers(List<Double> xs) {
    JsonArray a = new JsonArray();
    xs.forEach(x -> a.add(StoreCli.json(x)));
    return a;
  }

  static String vector(List<Double> xs) {
    return "(" + String.join(", ", xs.stream().map(x -> Double.toString(x)).toList()) + ")";
  }
}
