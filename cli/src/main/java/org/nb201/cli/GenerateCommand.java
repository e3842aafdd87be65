package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nb201.generate.DjlTrialExecutor;
import org.nb201.generate.GenerateOptions;
import org.nb201.generate.GenerateSummary;
import org.nb201.generate.Generator;
import org.nb201.generate.Plan;
import org.nb201.generate.Shard;
import org.nb201.generate.search.SearchKind;
import org.nb201.generate.search.SearchPlan;
import org.nb201.generate.search.SearchRuns;
import org.nb201.train.TrainConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nb201 generate}: trains the trials of a plan, resumably, on a local worker pool. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Train the trials of a plan into an output directory: one result file per trial (written atomically),",
      "an append-only ledger, a progress bar with ETA and trials/h. Rerun after any interruption (even",
      "kill -9): finished trials are skipped, partial files redone. --shard k/N runs one shard (array jobs).",
      "Several generators, with any --shard, may share a directory: each trial is locked while it runs.",
      "A search plan (nb201 plan --search) runs its searches the same way, each resumable from its last",
      "finished epoch (run folder DIR/runs/<id>/)."
    })
final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--plan", required = true, paramLabel = "plan.jsonl", description = "The plan (from 'nb201 plan').")
  Path plan;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
  Path out;

  @Option(names = "--workers", defaultValue = "1", paramLabel = "W",
      description = "Worker processes training in parallel (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--threads-per-worker", paramLabel = "T",
      description = "Intra-op threads per worker (default: cores / workers).")
  Integer threadsPerWorker;

  @Option(names = "--shard", defaultValue = "0/1", paramLabel = "k/N",
      description = "Run shard k of N only (default: all).")
  String shard;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Root folder of the raw datasets (default: $NB201_DATA; Fashion-MNIST also from Debian's package).")
  Path dataDir;

  @Option(names = "--split-dir", paramLabel = "DIR", description = "Folder of the official split files.")
  Path splitDir;

  @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
      description = "Device (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    GenerateSummary s = run(spec.commandLine().getOut(), plan, out, workers, threadsPerWorker, Shard.parse(shard),
        dataDir, splitDir, device, quiet);
    return s.failures().isEmpty() ? 0 : 1;
  }

  /** Runs a plan and prints the summary; shared with {@code nb201 demo}. */
  static GenerateSummary run(PrintWriter out, Path plan, Path dir, int workers, Integer threadsPerWorker, Shard shard,
      Path dataDir, Path splitDir, String device, boolean quiet) throws IOException {
    OutputTarget.folder(dir, "output folder", plan);
    DataLocations.requireFolder(splitDir, "--split-dir");
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = threadsPerWorker != null ? threadsPerWorker : Math.max(1, cores / Math.max(1, workers));
    TrainConfig.Device dev = TrainConfig.Device.parse(device);
    GenerateOptions options = new GenerateOptions(dir, shard, workers, threads, quiet,
        workerCommand(threads, dataDir, splitDir, device));
    if (SearchPlan.isSearchPlan(plan)) {
      SearchPlan sp = SearchPlan.read(plan);
      SearchKind kind = new SearchKind(DataLocations.resolve(dataDir), splitDir, true, threads, dev);
      GenerateSummary s = SearchRuns.run(sp, plan, options, kind);
      summary(out, shard, s, "searches");
      out.println("results: " + dir.resolve("results") + "   run folders: " + dir.resolve(SearchKind.RUNS)
          + "   ledger: " + dir.resolve("ledger.jsonl"));
      out.flush();
      return s;
    }
    Plan p = Plan.read(plan);
    DjlTrialExecutor inProcess = new DjlTrialExecutor(DataLocations.resolve(dataDir), splitDir, threads, dev);
    GenerateSummary s = Generator.run(p, plan, options, inProcess);
    summary(out, shard, s, "trials");
    out.println("results: " + dir.resolve("results") + "   ledger: " + dir.resolve("ledger.jsonl"));
    out.flush();
    return s;
  }

  private static void summary(PrintWriter out, Shard shard, GenerateSummary s, String noun) {
    String elsewhere = s.finishedElsewhere() == 0 ? "" : s.finishedElsewhere() + " finished meanwhile by another run, ";
    out.printf(Locale.ROOT,
        "shard %s: %d %s, %d already done, %d finished now, %s%d failed; %.1f s, %.1f %s/h%n", shard,
        s.shardTrials(), noun, s.alreadyDone(), s.finished(), elsewhere, s.failures().size(), s.seconds(),
        s.trialsPerHour(), noun);
    for (String f : s.failures()) {
      out.println("failed: " + f);
    }
  }

  /** The command line of one worker process: this JVM's java and class path, the worker subcommand. */
  static List<String> workerCommand(int threads, Path dataDir, Path splitDir, String device) {
    List<String> cmd = new ArrayList<>(Launcher.javaCommand(List.of("-Xss4m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1")));
    cmd.add("worker");
    cmd.add("--device");
    cmd.add(device);
    if (dataDir != null) {
      cmd.add("--data-dir");
      cmd.add(dataDir.toAbsolutePath().toString());
    }
    if (splitDir != null) {
      cmd.add("--split-dir");
      cmd.add(splitDir.toAbsolutePath().toString());
    }
    return cmd;
  }
}
