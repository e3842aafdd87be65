package org.nb201.cli.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nb201.cli.Child;

/**
 * The CLI in a child JVM with extra JVM options (a small heap) and a time limit, for inputs that
 * would take a test JVM down if they were not refused: its exit code and everything it printed.
 */
record BoundedChild(int exitCode, String output, boolean timedOut) {
  static BoundedChild run(Path log, long seconds, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(Child.command(args));
    cmd.addAll(1, jvmOptions);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor();
    }
    return new BoundedChild(done ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), !done);
  }
}
