package org.nb201.analysis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the reference scripts in {@code analysis/src/test/python} with Debian's
 * {@code /usr/bin/python3} (which has numpy and scipy), skipping the calling test with a message
 * when that interpreter or scipy is missing.
 */
public final class PythonReference {
  static final Path PYTHON = Path.of("/usr/bin/python3");

  private PythonReference() {}

  /** Runs {@code script} with {@code args}; returns when it exits 0, fails the test otherwise. */
  public static void run(String script, String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 missing: skipping (apt-get install python3-scipy)");
    assumeTrue(exec(List.of(PYTHON.toString(), "-c", "import numpy, scipy.stats")).exit == 0,
        "python3-scipy missing for /usr/bin/python3: skipping (apt-get install python3-scipy)");
    List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), scriptPath(script).toString()));
    cmd.addAll(List.of(args));
    Result r = exec(cmd);
    if (r.exit != 0) {
      throw new AssertionError(script + " failed with exit code " + r.exit + ": " + r.output);
    }
  }

  private static Path scriptPath(String script) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path s = p.resolve("src/test/python").resolve(script);
      if (Files.isRegularFile(s)) {
        return s;
      }
      s = p.resolve("analysis/src/test/python").resolve(script);
      if (Files.isRegularFile(s)) {
        return s;
      }
    }
    throw new AssertionError("reference script " + script + " not found from " + Path.of("").toAbsolutePath());
  }

  private record Result(int exit, String output) {}

  private static Result exec(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(cmd + " timed out");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
