package org.nb201.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The inside of a worker process: reads trial ids from its input, one per line, runs each, writes
 * the result file atomically and answers {@code done <id> <seconds>} or {@code failed <id> <message>}.
 * Ends at end of input; a worker whose parent was killed finishes its current trial first.
 */
public final class WorkerLoop {
  private WorkerLoop() {}

  public static void serve(BufferedReader in, PrintStream out, Plan plan, Path dir, TrialExecutor executor)
      throws IOException {
    Map<String, TrialSpec> trials = plan.byId();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String id = line.strip();
      if (id.isEmpty()) {
        continue;
      }
      TrialSpec spec = trials.get(id);
      if (spec == null) {
        out.println("failed " + id + " not in the plan");
        out.flush();
        continue;
      }
      long t0 = System.nanoTime();
      try {
        ResultFile.write(dir, executor.run(spec));
        out.println("done " + id + " " + (System.nanoTime() - t0) / 1e9);
      } catch (Exception e) {
        out.println("failed " + id + " " + oneLine(e));
      }
      out.flush();
    }
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
