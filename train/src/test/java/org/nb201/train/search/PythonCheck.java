package org.nb201.train.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a script of {@code src/test/python} with /usr/bin/python3 (numpy, scipy, torch); skips when it is missing. */
final class PythonCheck {
  private PythonCheck() {}

  static String run(String script, String stdin) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "/usr/bin/python3 missing: skipping the independent Python check");
    Process p = new ProcessBuilder(python.toString(), "src/test/python/" + script).redirectErrorStream(true).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(script + " failed: " + out);
    }
    return out.strip();
  }
}
