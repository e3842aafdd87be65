package org.nb201.cli;

/** How to start this nb201 again from a shell: the launcher script when known, else java with this class path. */
final class Launcher {
  private Launcher() {}

  static String command() {
    String launcher = System.getenv("NB201_LAUNCHER");
    if (launcher != null && !launcher.isBlank()) {
      return quote(launcher);
    }
    return quote(ProcessHandle.current().info().command().orElse("java")) + " -Dai.djl.offline=true -cp "
        + quote(System.getProperty("java.class.path")) + " " + Nb201.class.getName();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
