package org.nb201.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs (one shard of) a plan into an output directory, resumably. A trial is done when its result
 * file exists and checks; everything else is (re)done. On start it removes stale temporary files of
 * its trials, moves damaged results aside, and logs finished-but-unlogged results as
 * {@code recovered}; so after a {@code kill -9} at any moment a rerun loses nothing and repeats
 * nothing that was finished. With one worker trials run in this process; with more, each worker is a
 * child process fed trial ids over a pipe, so a crash of one trial cannot take the pool down, and
 * workers exit as soon as this process dies ({@link WorkerLoop#exitWithParent}). Every trial is run
 * under its own lock ({@link TrialWork}), so generators with any shard specs can share a directory:
 * a trial another process is training is waited for and its result adopted, never trained twice.
 */
public final class Generator {
  private Generator() {}

  /** Runs {@code plan} (read from {@code planFile}) with {@code options}; {@code executor} runs in-process trials. */
  public static GenerateSummary run(Plan plan, Path planFile, GenerateOptions options, TrialExecutor executor)
      throws IOException {
    return run(options.shard().select(plan), planFile, options, new TrialKind(executor));
  }

  /**
   * Runs {@code shard}, units of {@code kind} listed in {@code planFile} (which worker processes
   * read), with {@code options}; {@code kind} does the units run in this process.
   */
  public static <U extends WorkUnit> GenerateSummary run(List<U> shard, Path planFile, GenerateOptions options,
      WorkKind<U> kind) throws IOException {
    Path out = options.out();
    List<U> todo = new ArrayList<>();
    List<U> busy = new ArrayList<>();
    int already = 0;
    try (TrialWork<U> work = TrialWork.open(out, kind)) {
      Map<String, List<Path>> temps = staleTemps(out);
      for (U t : shard) {
        switch (work.scan(t, temps.getOrDefault(t.id(), List.of())).status()) {
          case ALREADY -> already++;
          case BUSY -> busy.add(t);
          default -> todo.add(t);
        }
      }
      long t0 = System.nanoTime();
      Tally tally = new Tally();
      TrialQueue<U> queue = new TrialQueue<>(todo, busy);
      try (Progress progress = new Progress(kind.task() + " " + options.shard(), shard.size(), already,
          options.quiet(), kind.noun())) {
        Reporter<U> reporter = (t, r) -> {
          if (r.status() == TrialWork.Status.BUSY) {
            queue.busy(t);
          } else {
            tally.add(t, r);
            progress.step();
          }
        };
        if (options.workers() == 1 || queue.size() <= 1) {
          runInProcess(queue, work, reporter);
        } else {
          runPool(queue, work, planFile, options, reporter);
        }
      }
      return new GenerateSummary(shard.size(), already, tally.finished, tally.elsewhere, tally.failures,
          (System.nanoTime() - t0) / 1e9);
    }
  }

  /** What the slots report, counted. */
  private static final class Tally {
    int finished;
    int elsewhere;
    final List<String> failures = new ArrayList<>();

    synchronized void add(WorkUnit t, TrialWork.Result r) {
      switch (r.status()) {
        case DONE -> finished++;
        case ALREADY -> elsewhere++;
        default -> failures.add(t.id() + ": " + r.message());
      }
    }
  }

  @FunctionalInterface
  private interface Reporter<U> {
    void report(U t, TrialWork.Result result);
  }

  private static <U extends WorkUnit> void runInProcess(TrialQueue<U> queue, TrialWork<U> work, Reporter<U> reporter)
      throws IOException {
    try {
      for (U t = queue.take(); t != null; t = queue.take()) {
        reporter.report(t, work.run(t));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a trial another process holds", e);
    }
  }

  private static <U extends WorkUnit> void runPool(TrialQueue<U> queue, TrialWork<U> work, Path planFile,
      GenerateOptions options, Reporter<U> reporter) throws IOException {
    if (options.workerCommand().isEmpty()) {
      throw new IllegalStateException("no worker command configured for a pool of " + options.workers());
    }
    Path logs = options.out().resolve("logs");
    Files.createDirectories(logs);
    int n = Math.min(options.workers(), queue.size());
    Thread[] slots = new Thread[n];
    for (int w = 0; w < n; w++) {
      final int slot = w;
      slots[w] = new Thread(() -> serveSlot(slot, queue, work, planFile, options, logs, reporter), "nb201-slot-" + w);
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

  private static <U extends WorkUnit> void serveSlot(int slot, TrialQueue<U> queue, TrialWork<U> work, Path planFile,
      GenerateOptions options, Path logs, Reporter<U> reporter) {
    Process worker = null;
    PrintWriter toWorker = null;
    BufferedReader fromWorker = null;
    Path log = logs.resolve("worker-" + slot + ".log");
    try {
      for (U t = queue.take(); t != null; t = queue.take()) {
        if (worker == null) {
          List<String> cmd = new ArrayList<>(options.workerCommand());
          cmd.addAll(List.of("--plan", planFile.toString(), "--out", options.out().toString(), "--threads",
              Integer.toString(options.threadsPerWorker()), "--parent-pid",
              Long.toString(ProcessHandle.current().pid())));
          worker = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
          toWorker = new PrintWriter(new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8), true);
          fromWorker = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        toWorker.println(t.id());
        String reply = fromWorker.readLine();
        if (reply == null) {
          double seconds = (System.nanoTime() - t0) / 1e9;
          String message = "worker process died (see " + log + ")";
          work.failed(t.id(), seconds, message);
          reporter.report(t, new TrialWork.Result(TrialWork.Status.FAILED, seconds, message));
          worker.destroyForcibly();
          worker = null;
          continue;
        }
        reporter.report(t, WorkerLoop.parseReply(reply));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
