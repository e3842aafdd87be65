package org.nb201.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nb201.bench.query.BestResult;
import org.nb201.bench.query.HardwareLimit;
import org.nb201.bench.query.Nb201Api;
import org.nb201.space.OfficialNames;
import org.nb201.bench.store.Store;
import org.nb201.space.OfficialNames;
import org.nb201.space.SearchSpace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 best}: the official {@code find_best}. */
@Command(
    name = "best",
    mixinStandardHelpOptions = true,
    description = {
      "The architecture with the highest seed-averaged accuracy at the last",
      "epoch (official find_best), optionally under FLOP and parameter limits",
      "(inclusive). Names are remapped as officially: cifar10 valid is",
      "cifar10-valid x-valid, cifar10 test is cifar10 ori-test, cifar100 and",
      "ImageNet16-120 valid|test are x-valid|x-test. Ties keep the lowest index.",
      "Device limits (--max-latency, --max-energy) read the store's hardware table."
    })
final class BestCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<store>", description = "The benchmark store.")
  Path store;

  @Option(names = "--dataset", required = true, paramLabel = "D",
      description = "cifar10-valid, cifar10, cifar100 or ImageNet16-120.")
  String dataset;

  @Option(names = "--metric", required = true, paramLabel = "SET",
      description = "valid or test (also train, x-valid, x-test, ori-test).")
  String metric;

  @Option(names = "--hp", defaultValue = "12", paramLabel = "12|200",
      description = "Epochs of the training schedule (default: ${DEFAULT-VALUE}, the official API default).")
  int hp;

  @Option(names = "--max-flops", paramLabel = "F", description = "Largest FLOPs allowed, in millions.")
  Double maxFlops;

  @Option(names = "--max-params", paramLabel = "P", description = "Largest parameter count allowed, in millions.")
  Double maxParams;

  @Option(names = "--max-latency", paramLabel = "DEVICE=MS", description = "Largest latency on a device of the"
      + " store's hardware table, in ms (repeatable), e.g. fpga=3.5.")
  List<String> maxLatency = new ArrayList<>();

  @Option(names = "--max-energy", paramLabel = "DEVICE=MJ", description = "Largest energy on a device, in mJ"
      + " (repeatable).")
  List<String> maxEnergy = new ArrayList<>();

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public void run() {
    requireLimit("--max-flops", maxFlops);
    requireLimit("--max-params", maxParams);
    OfficialNames.DatasetSplit where = OfficialNames.remap(dataset, metric);
    List<HardwareLimit> limits = new ArrayList<>();
    maxLatency.forEach(t -> limits.add(HardwareLimit.parse("latency", t)));
    maxEnergy.forEach(t -> limits.add(HardwareLimit.parse("energy", t)));
    BestResult b;
    String missing;
    try (Store s = StoreCli.open(store)) {
      b = new Nb201Api(s, 0).findBest(dataset, metric, maxFlops, maxParams, hp, limits);
      missing = b.index() >= 0 ? null : missing(s, where, b);
    }
    PrintWriter out = spec.commandLine().getOut();
    String arch = b.index() < 0 ? null : SearchSpace.official().arch(b.index()).toString();
    if (json) {
      JsonObject o = new JsonObject();
      o.addProperty("index", b.index());
      o.addProperty("arch", arch);
      o.add("accuracy", StoreCli.json(b.accuracy()));
      o.addProperty("dataset", where.dataset());
      o.addProperty("split", where.split().key());
      o.addProperty("hp", hp);
      o.addProperty("candidates", b.candidates());
      o.addProperty("over_limit", b.overLimit());
      o.addProperty("missing_costs", b.missingCosts());
      o.addProperty("missing_metric", b.missingMetric());
      if (missing != null) {
        o.addProperty("missing", missing);
      }
      if (!limits.isEmpty()) {
        JsonArray l = new JsonArray();
        limits.forEach(x -> l.add(x.describe()));
        o.add("device_limits", l);
      }
      out.println(new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(o));
    } else {
      if (b.index() < 0) {
        out.println("best        none: no architecture qualifies");
        if (missing != null) {
          out.println("missing     " + missing);
        }
      } else {
        out.println("best        " + b.index() + "  " + arch);
        out.println("accuracy    " + StoreCli.text(b.accuracy()) + "  (" + where.dataset() + " " + where.split()
            + ", hp " + hp + ", last epoch, mean over seeds)");
      }
      if (!limits.isEmpty()) {
        out.println("limits      " + String.join(", ", limits.stream().map(HardwareLimit::describe).toList()));
      }
      out.println("considered  " + b.candidates() + " architectures; " + b.overLimit() + " over the limits, "
          + b.missingCosts() + " without costs" + (limits.isEmpty() ? "" : " or device values") + ", "
          + b.missingMetric() + " without the final value");
    }
    out.flush();
  }

  /** Why nothing qualified when it is missing data rather than the limits; {@code null} otherwise. */
  private String missing(Store s, OfficialNames.DatasetSplit where, BestResult b) {
    if (b.candidates() == 0) {
      return "the store has no " + where.dataset() + " hp " + hp + " trials; it holds " + s.reader().trialSets()
          .stream().map(t -> t.dataset() + " hp " + t.hp()).toList();
    }
    if (b.missingMetric() == 0) {
      return null;
    }
    return b.missingMetric() + " of the " + b.candidates() + " architectures with " + where.dataset() + " hp " + hp
        + " trials lack a " + where.split() + " accuracy at epoch " + (hp - 1) + " (in at least one seed)";
  }

  private static void requireLimit(String option, Double limit) {
    if (limit != null && limit < 0) {
      throw new UserException(option + " must be >= 0 (millions), got " + limit);
    }
  }
}
