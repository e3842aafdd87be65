package org.nb201.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nb201.generate.AtomicFiles;
import org.nb201.generate.ClusterScripts;
import org.nb201.generate.Plan;
import org.nb201.generate.search.SearchPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nb201 cluster}: job files that run a plan as an array job on Slurm or Kubernetes. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Write a job file that runs a plan on a cluster engine, one array task per shard.",
    subcommands = {ClusterCommand.Slurm.class, ClusterCommand.Kubernetes.class})
final class ClusterCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "slurm", mixinStandardHelpOptions = true,
      description = "Write an sbatch job-array script; task k runs 'nb201 generate --shard k/N'.")
  static final class Slurm implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--plan", required = true, paramLabel = "plan.jsonl") Path plan;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Shared output directory.") Path out;
    @Option(names = "--array", required = true, paramLabel = "N", description = "Number of array tasks (shards).")
    int array;
    @Option(names = "--cpus-per-task", defaultValue = "1", description = "CPUs per task (default: ${DEFAULT-VALUE}).")
    int cpus;
    @Option(names = "--partition", description = "Slurm partition.") String partition;
    @Option(names = "--time", description = "Time limit per task, e.g. 04:00:00.") String time;
    @Option(names = "--job-name", defaultValue = "nb201", description = "Job name (default: ${DEFAULT-VALUE}).")
    String name;
    @Option(names = "--nb201", paramLabel = "CMD",
        description = "How compute nodes start nb201 (default: this launcher's absolute path).") String nb201;
    @Option(names = "--script", required = true, paramLabel = "FILE", description = "Where to write the sbatch script.")
    Path script;
    @Option(names = "--force", description = "Replace --script if it exists.") boolean force;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder as the compute nodes see it.")
    Path dataDir;
    @Option(names = "--split-dir", paramLabel = "DIR", description = "Split-file folder as the compute nodes see it.")
    Path splitDir;

    @Override
    public Integer call() throws IOException {
      OutputTarget.file(script, "job script", force, plan);
      OutputTarget.folder(out, "output folder", plan);
      String units = units(plan);
      String cmd = nb201 != null ? nb201 : Launcher.command();
      String text = ClusterScripts.slurm(cmd, plan.toAbsolutePath(), out.toAbsolutePath(), array, cpus, partition,
          time, name, passThrough(dataDir, splitDir));
      // Slurm opens the --output file before the script runs: its folder must exist at submit time
      Files.createDirectories(out.toAbsolutePath().resolve("logs"));
      AtomicFiles.write(script, text);
      script.toFile().setExecutable(true);
      spec.commandLine().getOut().printf("wrote %s: %d array tasks over %s; submit with: sbatch %s%n", script,
          array, units, script);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** The plan, checked, as what it holds: {@code 12 trials} or {@code 6 searches}. */
  static String units(Path plan) throws IOException {
    if (SearchPlan.isSearchPlan(plan)) {
      return SearchPlan.read(plan).trials().size() + " searches";
    }
    return Plan.read(plan).trials().size() + " trials";
  }

  /** The data options for {@code nb201 generate} on the compute nodes, as separate words. */
  static List<String> passThrough(Path dataDir, Path splitDir) {
    List<String> words = new ArrayList<>();
    if (dataDir != null) {
      words.addAll(List.of("--data-dir", dataDir.toAbsolutePath().toString()));
    }
    if (splitDir != null) {
      words.addAll(List.of("--split-dir", splitDir.toAbsolutePath().toString()));
    }
    return words;
  }

  @Command(name = "k8s", mixinStandardHelpOptions = true,
      description = "Write a Kubernetes Indexed Job manifest; pod k runs 'nb201 generate --shard k/N'.")
  static final class Kubernetes implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--plan", required = true, paramLabel = "plan.jsonl", description = "The plan (also checked here).")
    Path plan;
    @Option(names = "--plan-in-volume", defaultValue = "plan.jsonl",
        description = "Path of the plan under /work in the pods (default: ${DEFAULT-VALUE}).")
    String planInVolume;
    @Option(names = "--out-in-volume", defaultValue = "out",
        description = "Output directory under /work in the pods (default: ${DEFAULT-VALUE}).")
    String outInVolume;
    @Option(names = "--completions", required = true, paramLabel = "N",
        description = "Number of indexed pods (shards).")
    int completions;
    @Option(names = "--parallelism", defaultValue = "4", description = "Pods at once (default: ${DEFAULT-VALUE}).")
    int parallelism;
    @Option(names = "--cpus-per-task", defaultValue = "1", description = "CPUs per pod (default: ${DEFAULT-VALUE}).")
    int cpus;
    @Option(names = "--image", required = true, description = "Container image with nb201 on its PATH.") String image;
    @Option(names = "--claim", required = true, description = "PersistentVolumeClaim mounted at /work.") String claim;
    @Option(names = "--job-name", defaultValue = "nb201", description = "Job name (default: ${DEFAULT-VALUE}).")
    String name;
    @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "Where to write the YAML.")
    Path manifest;
    @Option(names = "--force", description = "Replace --manifest if it exists.") boolean force;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder as the pods see it (e.g. /work/data).")
    String dataDir;

    @Override
    public Integer call() throws IOException {
      if (completions < 1) {
        // checked here: the job-file writer knows the shard count only as Slurm's --array
        throw new UserException("--completions must be >= 1, got " + completions);
      }
      OutputTarget.file(manifest, "manifest", force, plan);
      String units = units(plan);
      AtomicFiles.write(manifest, ClusterScripts.kubernetes(image, claim, planInVolume, outInVolume, completions,
          parallelism, cpus, name, dataDir == null ? List.of() : List.of("--data-dir", dataDir)));
      spec.commandLine().getOut().printf("wrote %s: %d indexed pods over %s; apply with: kubectl apply -f %s%n",
          manifest, completions, units, manifest);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
