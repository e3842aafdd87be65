package org.nb201.cli.hostile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.cli.Child;
import org.nb201.cli.Fixtures;
import org.nb201.cli.Nb201;

/**
 * A command whose output cannot be written (a full disk, {@code > /dev/full}) fails: exit code 1 and
 * one line on stderr, never exit 0 having printed nothing. {@link java.io.PrintWriter} and
 * {@link java.io.PrintStream} swallow the error, so every command is walked.
 */
class StdoutFailureTest {
  private static final String FAILED = "nb201: error: cannot write to standard output";

  @TempDir
  static Path dir;
  static String store;

  @BeforeAll
  static void inputs() throws IOException {
    store = Fixtures.sampleStore(dir).toString();
  }

  /** The commands that print their result to standard output. */
  static List<String[]> printing() {
    return List.of(
        new String[] {"space", "list"},
        new String[] {"space", "show", "11472"},
        new String[] {"query", store, "0", "--dataset", "cifar10", "--hp", "200"},
        new String[] {"info", store},
        new String[] {"search", "rea", "--store", store, "--runs", "2"},
        new String[] {"best", store, "--dataset", "cifar10", "--metric", "test", "--hp", "200"},
        new String[] {"plan", "--archs", "0", "--out", dir.resolve("p.jsonl").toString(), "--force"},
        new String[] {"--version"},
        new String[] {"query", "--help"});
  }

  @Test
  void everyCommandFailsWhenItsOutputCannotBeWritten() {
    for (String[] args : printing()) {
      StringWriter err = new StringWriter();
      int code = Nb201.run(new PrintWriter(new OutputStreamWriter(new Full(), UTF_8)), new PrintWriter(err), args);
      assertThat(code).as(String.join(" ", args) + ": " + err).isEqualTo(1);
      assertThat(err.toString()).as(String.join(" ", args)).isEqualTo(FAILED + "; the output is incomplete\n");
    }
  }

  @Test
  void aFailedCommandKeepsItsOwnExitCode() {
    StringWriter err = new StringWriter();
    int code = Nb201.run(new PrintWriter(new OutputStreamWriter(new Full(), UTF_8)), new PrintWriter(err), "query",
        dir.resolve("absent.duckdb").toString(), "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).hasLineCount(1).doesNotContain("standard output");
  }

  @Test
  void devFullIsAnErrorForTheRealLauncher() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists(), "no /dev/full on this machine");
    for (String[] args : List.of(new String[] {"space", "list"}, new String[] {"info", store})) {
      Path log = dir.resolve("stderr.log");
      Process p = new ProcessBuilder(Child.command(args)).redirectOutput(full).redirectError(log.toFile()).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(Files.readString(log)).isEqualTo(FAILED + ": no space left on device; the output is incomplete\n");
    }
  }

  /** Standard output on a full disk. */
  private static final class Full extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }
  }
}
