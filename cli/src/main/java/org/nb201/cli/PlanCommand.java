package org.nb201.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nb201.generate.Plan;
import org.nb201.generate.PlanConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nb201 plan}: writes the list of trials to generate. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Write a generation plan: one content-addressed trial per (cell, seed, dataset, hp).",
      "The plan records its config and a checksum; shards are cut from it by position."
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

  @Option(names = "--datasets", split = ",", defaultValue = "cifar10-valid", paramLabel = "D",
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

  @Option(names = "--batch-size", defaultValue = "256", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--out", required = true, paramLabel = "plan.jsonl", description = "Where to write the plan.")
  Path out;

  @Option(names = "--force", description = "Replace --out if it exists.")
  boolean force;

  @Override
  public void run() {
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
}
