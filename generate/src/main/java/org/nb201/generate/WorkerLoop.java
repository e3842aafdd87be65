package org.nb201.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The inside of a worker process: reads unit ids (trials, proxy chunks) from its input, one per
 * line, runs each under its lock ({@link TrialWork}: result file written atomically, ledger line
 * appended) and answers
 * {@code done <id> <seconds>}, {@code failed <id> <message>}, {@code busy <id>} (another process
 * holds it) or {@code already <id>} (a valid result is there). Ends at end of input, and at once,
 * without finishing its trial, when the process that started it dies ({@link #exitWithParent}).
 */
public final class WorkerLoop {
  /** Exit status of a worker that stopped because its parent died. */
  public static final int ORPHANED = 3;
  private static final long WATCH_MILLIS = 100;

  private WorkerLoop() {}

  public static void serve(BufferedReader in, PrintStream out, Plan plan, Path dir, TrialExecutor executor)
      throws IOException {
    serve(in, out, plan.byId(), dir, new TrialKind(executor));
  }

  /** As {@link #serve(BufferedReader, PrintStream, Plan, Path, TrialExecutor)} for units of any kind, by id. */
  public static <U extends WorkUnit> void serve(BufferedReader in, PrintStream out, Map<String, U> units, Path dir,
      WorkKind<U> kind) throws IOException {
    try (TrialWork<U> work = TrialWork.open(dir, kind)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String id = line.strip();
        if (id.isEmpty()) {
          continue;
        }
        U unit = units.get(id);
        out.println(unit == null ? "failed " + id + " not in the plan" : reply(id, work.run(unit)));
        out.flush();
      }
    }
  }

  private static String reply(String id, TrialWork.Result r) {
    return switch (r.status()) {
      case DONE -> "done " + id + " " + r.seconds();
      case FAILED -> "failed " + id + " " + r.message();
      case BUSY -> "busy " + id;
      default -> "already " + id;
    };
  }

  /** The result a worker's answer line stands for. */
  static TrialWork.Result parseReply(String reply) {
    String[] parts = reply.split(" ", 3);
    return switch (parts[0]) {
      case "done" -> new TrialWork.Result(TrialWork.Status.DONE, Double.parseDouble(parts[2]), null);
      case "busy" -> TrialWork.Result.BUSY;
      case "already" -> TrialWork.Result.ALREADY;
      default -> new TrialWork.Result(TrialWork.Status.FAILED, 0, parts.length > 2 ? parts[2] : "failed");
    };
  }

  /**
   * Halts this process (status {@link #ORPHANED}, no result written) as soon as process
   * {@code parentPid}, the generator that started it, dies, even by {@code kill -9}: an orphan must
   * not go on training a trial that a rerun takes up. Checked every 100 ms by a daemon thread (the
   * process handle knows the start time, so a reused PID does not count as alive, and a child that
   * has been re-parented knows its parent is gone); when the parent is already gone, halts at once.
   */
  public static void exitWithParent(long parentPid) {
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.isEmpty()) {
      Runtime.getRuntime().halt(ORPHANED);
    }
    ProcessHandle p = parent.get();
    // a killed parent stays a zombie until reaped, but its children are re-parented at once
    boolean child = isChildOf(parentPid);
    Thread watch = new Thread(() -> {
      while (p.isAlive() && (!child || isChildOf(parentPid))) {
        try {
          Thread.sleep(WATCH_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
      System.err.println("nb201 worker " + ProcessHandle.current().pid() + ": parent " + parentPid
          + " died; stopping without finishing the current trial");
      Runtime.getRuntime().halt(ORPHANED);
    }, "nb201-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static boolean isChildOf(long pid) {
    return ProcessHandle.current().parent().map(h -> h.pid() == pid).orElse(false);
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
