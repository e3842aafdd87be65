package org.nb201.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.generate.Plan;
import org.nb201.generate.PlanConfig;
import org.nb201.generate.search.SearchPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nb201 plan}: writes the list of trials to generate. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Write a generation plan: one content-addressed trial per (cell, seed, dataset, hp).",
      "With --search, a plan of weight-sharing searches instead: one content-addressed search per",
      "(method, dataset, seed), each with the method's official settings and the ones given here",
      "(docs/searches-as-trials.md). The plan records its config and a checksum; shards are cut from it by position."
    })
final class PlanCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--archs", defaultValue = "all", paramLabel = "all|unique|LIST",
      description = "Cells: all, unique (one per official isomorphism class) or indices/ranges like 0,11,100-120 "
          + "(default: ${DEFAULT-VALUE}).")
  String archs;

  @Option(names = "--sample", defaultValue = "0", paramLabel = "K",
      description = "Take a seeded random sample of K of those cells (0 = all of them).")
  int sample;

  @Option(names = "--sample-seed", defaultValue = "1", description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
  long sampleSeed;

  @Option(names = "--include", split = ",", paramLabel = "I", description = "Cells always included in a sample.")
  List<Integer> include = List.of();

  @Option(names = "--search", split = ",", paramLabel = "METHOD",
      description = "Plan weight-sharing searches of these methods (e.g. darts-v1,gdas) instead of training trials.")
  List<String> search;

  @Option(names = "--epochs", paramLabel = "E",
      description = "With --search: search epochs (default: each method's official count).")
  Integer epochs;

  @Option(names = "--valid-limit", paramLabel = "K",
      description = "With --search: use the first K validation images only (0 = all, the default).")
  Integer validLimit;

  @Option(names = "--bn-track", paramLabel = "0|1",
      description = "With --search: batch norms in the cells keep running statistics (default 0).")
  Integer bnTrack;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "With --search: any other search setting by its run-file key, e.g. --set lr=0.05 "
          + "--set arch_lr=6e-4 (repeatable).")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = {"--datasets", "--dataset"}, split = ",", defaultValue = "cifar10-valid", paramLabel = "D",
      description = "Datasets (default: ${DEFAULT-VALUE}).")
  List<String> datasets;

  @Option(names = "--hp", split = ",", defaultValue = "12", description = "Epoch budgets (default: ${DEFAULT-VALUE}).")
  List<Integer> hps;

  @Option(names = "--seeds", split = ",", defaultValue = "777", description = "Seeds (default: ${DEFAULT-VALUE}).")
  List<Integer> seeds;

  @Option(names = "--C", defaultValue = "16", description = "Stem width C (default: ${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--N", defaultValue = "5", description = "Cells per stage N (default: ${DEFAULT-VALUE}).")
  int cells;

  @Option(names = "--train-limit", defaultValue = "0", paramLabel = "K",
      description = "Train on K images only (0 = all).")
  int trainLimit;

  @Option(names = "--eval-limit", defaultValue = "0", paramLabel = "K",
      description = "Evaluate on K images per set (0 = all).")
  int evalLimit;

  @Option(names = "--batch-size", defaultValue = "256",
      description = "Batch size (default: ${DEFAULT-VALUE}; with --search: each method's official 64).")
  int batchSize;

  @Option(names = "--out", required = true, paramLabel = "plan.jsonl", description = "Where to write the plan.")
  Path out;

  @Option(names = "--force", description = "Replace --out if it exists.")
  boolean force;

  @Override
  public void run() {
    if (search != null) {
      runSearch();
      return;
    }
    for (String o : List.of("--epochs", "--valid-limit", "--bn-track", "--set")) {
      if (matched(o)) {
        throw new UserException(o + " applies to search plans only; add --search METHOD,... or use --hp for"
            + " training trials");
      }
    }
    PlanConfig config = PlanConfig.builder().optArchs(archs).optSample(sample, sampleSeed).optInclude(include)
        .optDatasets(datasets).optHps(hps).optSeeds(seeds).optNetwork(channels, cells)
        .optLimits(trainLimit, evalLimit).optBatchSize(batchSize).build();
    Plan plan = Plan.of(config);
    OutputTarget.file(out, "plan", force);
    try {
      plan.write(out);
    } catch (IOException e) {
      throw new UserException("cannot write plan " + out + ": " + e.getMessage(), e);
    }
    spec.commandLine().getOut().printf("wrote %s: %d trials (%d cells x %d seeds x %d datasets x %d hp), checksum %s%n",
        out, plan.trials().size(), plan.trials().stream().map(t -> t.index()).distinct().count(), seeds.size(),
        datasets.size(), hps.size(), plan.checksum().substring(0, 16));
    spec.commandLine().getOut().flush();
  }

  private boolean matched(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private void runSearch() {
    for (String o : List.of("--archs", "--sample", "--sample-seed", "--include", "--hp", "--eval-limit")) {
      if (matched(o)) {
        throw new UserException(o + " applies to training trials only; a search plan chooses its own cell"
            + " (drop " + o + ", or drop --search)");
      }
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("epochs", epochs);
    given.put("C", matched("--C") ? channels : null);
    given.put("N", matched("--N") ? cells : null);
    given.put("train_limit", matched("--train-limit") ? trainLimit : null);
    given.put("valid_limit", validLimit);
    given.put("batch_size", matched("--batch-size") ? batchSize : null);
    given.put("bn_track", bnTrack);
    given.forEach((k, v) -> {
      if (v != null) {
        overrides.put(k, v.toString());
      }
    });
    for (Map.Entry<String, String> e : set.entrySet()) {
      if (overrides.containsKey(e.getKey())) {
        throw new UserException("--set " + e.getKey() + " repeats a setting given by its own option; give it once");
      }
      overrides.put(e.getKey(), e.getValue());
    }
    SearchPlan plan = SearchPlan.of(search, datasets, seeds, overrides);
    OutputTarget.file(out, "plan", force);
    try {
      plan.write(out);
    } catch (IOException e) {
      throw new UserException("cannot write plan " + out + ": " + e.getMessage(), e);
    }
    spec.commandLine().getOut().printf("wrote %s: %d searches (%d methods x %d datasets x %d seeds), checksum %s%n",
        out, plan.trials().size(), search.size(), datasets.size(), seeds.size(), plan.checksum().substring(0, 16));
    for (String method : search) {
      plan.trials().stream().filter(t -> t.method().equals(method)).findFirst().ifPresent(t -> {
        List<String> changed = t.changedFromDefaults();
        spec.commandLine().getOut().printf("  %s: %d epochs, C%d N%d%s%n", method, t.epochs(), t.channels(),
            t.cells(), changed.isEmpty() ? ", the official settings" : "; changed from the official settings: "
                + String.join(" ", changed));
      });
    }
    spec.commandLine().getOut().flush();
  }
}
