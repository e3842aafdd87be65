package org.nb201.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the real CLI in a child JVM with the test class path, as a user (or Slurm) would. */
public final class Child {
  private Child() {}

  public static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"),
        Nb201.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  public static Process start(Path log, String... args) throws java.io.IOException {
    return new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The command line as one shell string, for job scripts. */
  public static String shell() {
    StringBuilder sb = new StringBuilder();
    for (String s : command()) {
      sb.append('\'').append(s.replace("'", "'\\''")).append("' ");
    }
    return sb.toString().strip();
  }
}
