package org.nb201.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nb201.generate.DjlTrialExecutor;
import org.nb201.generate.Plan;
import org.nb201.generate.WorkerLoop;
import org.nb201.generate.proxy.ProxyChunkKind;
import org.nb201.generate.proxy.ProxyPlan;
import org.nb201.generate.search.SearchKind;
import org.nb201.generate.search.SearchPlan;
import org.nb201.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nb201 worker}: one process of the local pool; reads trial ids on stdin (started by {@code generate}). */
@Command(name = "worker", hidden = true, description = "Internal: a worker process of 'nb201 generate'.")
final class WorkerCommand implements Callable<Integer> {
  @Option(names = "--plan", required = true) Path plan;
  @Option(names = "--out", required = true) Path out;
  @Option(names = "--threads", defaultValue = "1") int threads;
  @Option(names = "--data-dir") Path dataDir;
  @Option(names = "--split-dir") Path splitDir;
  @Option(names = "--device", defaultValue = "cpu") String device;
  @Option(names = "--parent-pid", description = "Exit at once when this process (the generator) dies.") Long parentPid;
  @Option(names = "--proxies", description = "Score proxy chunks of a proxy plan (nb201 proxies).") boolean proxies;

  @Override
  public Integer call() throws Exception {
    if (parentPid != null) {
      WorkerLoop.exitWithParent(parentPid);
    }
    PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    System.setOut(System.err); // stdout is the protocol channel: nothing else may print there
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (proxies) {
      WorkerLoop.serve(in, stdout, ProxyPlan.read(plan).byId(), out,
          new ProxyChunkKind(DataLocations.resolve(dataDir), threads));
      return 0;
    }
    if (SearchPlan.isSearchPlan(plan)) {
      WorkerLoop.serve(in, stdout, SearchPlan.read(plan).byId(), out, new SearchKind(DataLocations.resolve(dataDir),
          splitDir, true, threads, TrainConfig.Device.parse(device)));
      return 0;
    }
    DjlTrialExecutor executor = new DjlTrialExecutor(DataLocations.resolve(dataDir), splitDir, threads,
        TrainConfig.Device.parse(device));
    WorkerLoop.serve(in, stdout, Plan.read(plan), out, executor);
    return 0;
  }
}
