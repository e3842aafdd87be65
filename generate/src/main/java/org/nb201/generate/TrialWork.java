package org.nb201.generate;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one process does to a trial of an output directory, always under the trial's lock
 * ({@link TrialLocks}): train it, write its result and append its ledger line, or put right what an
 * interrupted run left (stale temporary files, a damaged result, a result without its ledger line).
 * The lock is held from the check for a result until the ledger line is written, so any number of
 * generators and workers, with any shard specs, can share a directory: no trial is trained twice at
 * once, and no trial gets two {@code done} or {@code recovered} lines for one result.
 */
final class TrialWork<U extends WorkUnit> implements AutoCloseable {
  /** How a trial ended for this process. */
  enum Status {
    /** Trained and logged by this process. */
    DONE,
    /** Tried by this process and failed (logged). */
    FAILED,
    /** Another process or thread holds the trial's lock: try again later. */
    BUSY,
    /** A valid result is there (finished earlier or meanwhile by another process). */
    ALREADY,
    /** No valid result (any damaged one moved aside): to be trained. */
    TODO
  }

  /** A status with the training time and failure message where they apply. */
  record Result(Status status, double seconds, String message) {
    static final Result BUSY = new Result(Status.BUSY, 0, null);
    static final Result ALREADY = new Result(Status.ALREADY, 0, null);
    static final Result TODO = new Result(Status.TODO, 0, null);
  }

  private final Path out;
  private final WorkKind<U> kind;
  private final TrialLocks locks;
  private final Ledger ledger;
  private final Ledger.Tail tail;
  private final Set<String> logged = new HashSet<>();

  private TrialWork(Path out, WorkKind<U> kind, TrialLocks locks, Ledger ledger) {
    this.out = out;
    this.kind = kind;
    this.locks = locks;
    this.ledger = ledger;
    this.tail = new Ledger.Tail(out);
  }

  /** Opens the locks and the ledger of {@code out} for units of {@code kind}, creating the results folder if needed. */
  static <U extends WorkUnit> TrialWork<U> open(Path out, WorkKind<U> kind) throws IOException {
    Files.createDirectories(ResultFile.dir(out));
    TrialLocks locks = TrialLocks.open(out);
    try {
      return new TrialWork<>(out, kind, locks, Ledger.open(out));
    } catch (IOException | RuntimeException e) {
      locks.close();
      throw e;
    }
  }

  /**
   * The state of trial {@code t} at start-up: {@link Status#ALREADY}, {@link Status#TODO} or
   * {@link Status#BUSY}. Takes the lock only when something must be put right: {@code temps} (its
   * temporary files found in the results folder) deleted, a damaged result moved aside, an unlogged
   * result logged as {@code recovered}.
   */
  Result scan(U t, List<Path> temps) throws IOException {
    Path file = ResultFile.path(out, t.id());
    if (temps.isEmpty()) {
      if (!Files.exists(file)) {
        return Result.TODO;
      }
      if (valid(file, t) && logged(t.id())) {
        return Result.ALREADY;
      }
    }
    try (FileLock lock = locks.tryLock(t.id())) {
      if (lock == null) {
        return Result.BUSY;
      }
      return settle(t, temps);
    }
  }

  /** Does {@code t} unless its lock is held elsewhere or a valid result is there. */
  Result run(U t) throws IOException {
    try (FileLock lock = locks.tryLock(t.id())) {
      if (lock == null) {
        return Result.BUSY;
      }
      if (settle(t, List.of()).status() == Status.ALREADY) {
        return Result.ALREADY;
      }
      long t0 = System.nanoTime();
      try {
        kind.run(t, out);
      } catch (Exception e) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        String message = WorkerLoop.oneLine(e);
        ledger.append(t.id(), "failed", seconds, message);
        return new Result(Status.FAILED, seconds, message);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      ledger.append(t.id(), "done", seconds, null);
      logged.add(t.id());
      return new Result(Status.DONE, seconds, null);
    }
  }

  /** Logs a failure seen from outside the trial (its worker process died). */
  void failed(String id, double seconds, String message) throws IOException {
    ledger.append(id, "failed", seconds, message);
  }

  /** Under the trial's lock: deletes {@code temps}, moves a damaged result aside, logs an unlogged one. */
  private Result settle(U t, List<Path> temps) throws IOException {
    for (Path p : temps) {
      Files.deleteIfExists(p);
    }
    Path file = ResultFile.path(out, t.id());
    if (!Files.exists(file)) {
      return Result.TODO;
    }
    try {
      kind.check(file, t);
    } catch (CorruptResultException e) {
      Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis()));
      ledger.append(t.id(), "failed", 0, "damaged result moved aside and redone: " + e.getMessage());
      return Result.TODO;
    }
    if (!logged(t.id())) {
      ledger.append(t.id(), "recovered", 0, "result file present but not logged (interrupted run)");
      logged.add(t.id());
    }
    return Result.ALREADY;
  }

  private boolean valid(Path file, U t) {
    try {
      kind.check(file, t);
      return true;
    } catch (CorruptResultException e) {
      return false;
    }
  }

  /** Whether the ledger has a {@code done} or {@code recovered} line for {@code id}, reading new lines if needed. */
  private boolean logged(String id) throws IOException {
    if (!logged.contains(id)) {
      for (Ledger.Entry e : tail.next()) {
        if (e.event().equals("done") || e.event().equals("recovered")) {
          logged.add(e.id());
        }
      }
    }
    return logged.contains(id);
  }

  @Override
  public void close() throws IOException {
    try {
      ledger.close();
    } finally {
      locks.close();
    }
  }
}
