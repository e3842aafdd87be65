package org.nb201.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs (one shard of) a plan into an output directory, resumably. A trial is done when its result
 * file exists and checks; everything else is (re)done. On start it removes stale temporary files of
 * its trials, moves damaged results aside, and logs finished-but-unlogged results as
 * {@code recovered}; so after a {@code kill -9} at any moment a rerun loses nothing and repeats
 * nothing that was finished. With one worker trials run in this process; with more, each worker is a
 * child process fed trial ids over a pipe, so a crash of one trial cannot take the pool down.
 */
public final class Generator {
  private Generator() {}

  /** Runs {@code plan} (read from {@code planFile}) with {@code options}; {@code executor} runs in-process trials. */
  public static GenerateSummary run(Plan plan, Path planFile, GenerateOptions options, TrialExecutor executor)
      throws IOException {
    Path out = options.out();
    Files.createDirectories(ResultFile.dir(out));
    Path lockFile = out.resolve(".lock-shard-" + options.shard().k() + "-of-" + options.shard().n());
    try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = lockChannel.tryLock()) {
      if (lock == null) {
        throw new IllegalArgumentException("another 'nb201 generate' is running shard " + options.shard() + " in "
            + out);
      }
      return runLocked(plan, planFile, options, executor);
    }
  }

  private static GenerateSummary runLocked(Plan plan, Path planFile, GenerateOptions options, TrialExecutor executor)
      throws IOException {
    Path out = options.out();
    List<TrialSpec> shard = options.shard().select(plan);
    Set<String> logged = new HashSet<>();
    for (Ledger.Entry e : Ledger.read(out)) {
      if (e.event().equals("done") || e.event().equals("recovered")) {
        logged.add(e.id());
      }
    }
    List<TrialSpec> todo = new ArrayList<>();
    int already = 0;
    Map<String, List<Path>> temps = staleTemps(out);
    try (Ledger ledger = Ledger.open(out)) {
      for (TrialSpec t : shard) {
        for (Path stale : temps.getOrDefault(t.id(), List.of())) {
          Files.deleteIfExists(stale);
        }
        Path file = ResultFile.path(out, t.id());
        if (Files.exists(file)) {
          try {
            ResultFile.read(file, t);
            already++;
            if (!logged.contains(t.id())) {
              ledger.append(t.id(), "recovered", 0, "result file present but not logged (interrupted run)");
            }
            continue;
          } catch (CorruptResultException e) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis()));
            ledger.append(t.id(), "failed", 0, "damaged result moved aside and redone: " + e.getMessage());
          }
        }
        todo.add(t);
      }
      long t0 = System.nanoTime();
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      int[] finished = {0};
      try (Progress progress = new Progress("generate " + options.shard(), shard.size(), already, options.quiet())) {
        Reporter reporter = (id, ok, seconds, message) -> {
          try {
            ledger.append(id, ok ? "done" : "failed", seconds, message);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          synchronized (finished) {
            if (ok) {
              finished[0]++;
            } else {
              failures.add(id + ": " + message);
            }
          }
          progress.step();
        };
        if (options.workers() == 1 || todo.size() <= 1) {
          runInProcess(todo, out, executor, reporter);
        } else {
          runPool(todo, planFile, options, reporter);
        }
      }
      return new GenerateSummary(shard.size(), already, finished[0], failures, (System.nanoTime() - t0) / 1e9);
    }
  }

  @FunctionalInterface
  private interface Reporter {
    void report(String id, boolean ok, double seconds, String message);
  }

  private static void runInProcess(List<TrialSpec> todo, Path out, TrialExecutor executor, Reporter reporter) {
    for (TrialSpec t : todo) {
      long t0 = System.nanoTime();
      try {
        ResultFile.write(out, executor.run(t));
        reporter.report(t.id(), true, (System.nanoTime() - t0) / 1e9, null);
      } catch (Exception e) {
        reporter.report(t.id(), false, (System.nanoTime() - t0) / 1e9, WorkerLoop.oneLine(e));
      }
    }
  }

  private static void runPool(List<TrialSpec> todo, Path planFile, GenerateOptions options, Reporter reporter)
      throws IOException {
    if (options.workerCommand().isEmpty()) {
      throw new IllegalStateException("no worker command configured for a pool of " + options.workers());
    }
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    todo.forEach(t -> queue.add(t.id()));
    Path logs = options.out().resolve("logs");
    Files.createDirectories(logs);
    int n = Math.min(options.workers(), todo.size());
    Thread[] slots = new Thread[n];
    for (int w = 0; w < n; w++) {
      final int slot = w;
      slots[w] = new Thread(() -> serveSlot(slot, queue, planFile, options, logs, reporter), "nb201-slot-" + w);
      slots[w].start();
    }
    for (Thread t : slots) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for workers", e);
      }
    }
  }

  private static void serveSlot(int slot, ConcurrentLinkedQueue<String> queue, Path planFile, GenerateOptions options,
      Path logs, Reporter reporter) {
    Process worker = null;
    PrintWriter toWorker = null;
    BufferedReader fromWorker = null;
    try {
      for (String id = queue.poll(); id != null; id = queue.poll()) {
        if (worker == null) {
          List<String> cmd = new ArrayList<>(options.workerCommand());
          cmd.addAll(List.of("--plan", planFile.toString(), "--out", options.out().toString(), "--threads",
              Integer.toString(options.threadsPerWorker())));
          worker = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(
              logs.resolve("worker-" + slot + ".log").toFile())).start();
          toWorker = new PrintWriter(new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8), true);
          fromWorker = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        toWorker.println(id);
        String reply = fromWorker.readLine();
        if (reply == null) {
          reporter.report(id, false, (System.nanoTime() - t0) / 1e9, "worker process died (see "
              + logs.resolve("worker-" + slot + ".log") + ")");
          worker.destroyForcibly();
          worker = null;
          continue;
        }
        String[] parts = reply.split(" ", 3);
        boolean ok = parts[0].equals("done");
        reporter.report(id, ok, ok ? Double.parseDouble(parts[2]) : (System.nanoTime() - t0) / 1e9,
            ok ? null : parts.length > 2 ? parts[2] : "failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (worker != null) {
        toWorker.close();
        try {
          worker.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Temporary files left in the results folder, by trial id: one scan for the whole shard. */
  private static Map<String, List<Path>> staleTemps(Path out) throws IOException {
    Map<String, List<Path>> byId = new HashMap<>();
    String prefix = AtomicFiles.TEMP_PREFIX;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(ResultFile.dir(out), prefix + "*")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        int end = name.indexOf(".json-", prefix.length());
        if (end > 0) {
          byId.computeIfAbsent(name.substring(prefix.length(), end), k -> new ArrayList<>()).add(p);
        }
      }
    }
    return byId;
  }
}
