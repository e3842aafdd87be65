package org.nb201.cli;

import java.util.ArrayList;
import java.util.List;
import org.nb201.generate.JobText;

/** How to start this nb201 again: as a child process of this JVM, or from a shell (job scripts). */
final class Launcher {
  private Launcher() {}

  /** This JVM's java and class path running {@link Nb201}, with {@code jvmOptions} before the class. */
  static List<String> javaCommand(List<String> jvmOptions) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Nb201.class.getName());
    return cmd;
  }

  /** A shell command that starts nb201: the launcher script when known, else {@link #javaCommand}. */
  static String command() {
    String launcher = System.getenv("NB201_LAUNCHER");
    if (launcher != null && !launcher.isBlank()) {
      return JobText.shell(launcher);
    }
    return JobText.shell(javaCommand(List.of("-Dai.djl.offline=true")));
  }
}
