package org.nb201.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.cli.Child;
import org.nb201.cli.CliRun;
import org.nb201.cli.Fixtures;

/**
 * Messages a user can act on: every command that reads a text input, given a binary file, a folder or
 * an unreadable file, names the file, what is wrong and what it expected, in one line; a huge argument
 * is clipped; a malformed cell string is reported at its first bad character.
 */
class MessagesTest {
  private static final String RESNET =
      "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";

  @TempDir
  static Path dir;
  static Path store;
  static Path plan;
  static Path csv;

  @BeforeAll
  static void inputs() throws IOException {
    store = Fixtures.sampleStore(dir);
    plan = dir.resolve("plan.jsonl");
    Fixtures.plan(plan, "0");
    csv = dir.resolve("r.csv");
    assertThat(CliRun.of("export", store.toString(), "--format", "csv", "--out", csv.toString()).exitCode()).isZero();
  }

  /** Every command that reads a plan or a CSV file, with {@code bad} in that place. */
  private static List<String[]> readers(Path bad) {
    String out = dir.resolve("out").toString();
    return List.of(
        new String[] {"import", "csv", bad.toString(), "--out", dir.resolve("x.duckdb").toString()},
        new String[] {"import", "csv", csv.toString(), "--costs", bad.toString(), "--out",
            dir.resolve("x.duckdb").toString()},
        new String[] {"verify", dir.toString(), "--plan", bad.toString()},
        new String[] {"generate", "--plan", bad.toString(), "--out", out, "--quiet"},
        new String[] {"collect", dir.toString(), "--plan", bad.toString(), "--out", dir.resolve("c.duckdb").toString()},
        new String[] {"cluster", "slurm", "--plan", bad.toString(), "--out", out, "--array", "1", "--script",
            dir.resolve("job.sh").toString()},
        new String[] {"cluster", "k8s", "--plan", bad.toString(), "--completions", "1", "--image", "i", "--claim", "c",
            "--manifest", dir.resolve("job.yaml").toString()});
  }

  @Test
  void aBinaryFileIsNotUtf8Text() {
    for (String[] args : readers(store)) {
      CliRun r = CliRun.of(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).hasLineCount(1)
          .contains("cannot read", store.toString(), ": not UTF-8 text; expected a ")
          .containsAnyOf("expected a plan file written by 'nb201 plan'", "expected a UTF-8 CSV file");
    }
  }

  @Test
  void aFolderIsADirectory() {
    Path folder = dir.resolve("folder");
    assertThat(folder.toFile().mkdir()).isTrue();
    for (String[] args : readers(folder)) {
      CliRun r = CliRun.of(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).hasLineCount(1).contains(folder.toString())
          .containsAnyOf(": a directory; expected a plan file written by 'nb201 plan'",
              " is a directory; expected a tidy CSV file");
    }
  }

  @Test
  void anUnreadableFileSaysPermissionDenied() throws Exception {
    Path locked = dir.resolve("locked");
    assertThat(locked.toFile().mkdir()).isTrue();
    Path r = Files.copy(csv, locked.resolve("r.csv"));
    Path p = Files.copy(plan, locked.resolve("p.jsonl"));
    Files.setPosixFilePermissions(r, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    // root reads any file; without the capability to bypass file modes it meets them like a user
    List<String> prefix = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
          "running as root without setpriv: root bypasses file modes, so permission errors cannot be tested");
      prefix.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
    }
    String[][] cases = {
        {"import", "csv", r.toString(), "--out", locked.resolve("x.duckdb").toString()},
        {"verify", dir.toString(), "--plan", p.toString()}};
    String[] expected = {
        "nb201: error: cannot read results file " + r + ": permission denied; expected a readable tidy CSV file",
        "nb201: error: cannot read plan " + p + ": permission denied; expected a plan file written by 'nb201 plan'"};
    for (int i = 0; i < cases.length; i++) {
      List<String> cmd = new ArrayList<>(prefix);
      cmd.addAll(Child.command(cases[i]));
      Path log = dir.resolve("err-" + i + ".log");
      Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertThat(proc.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(proc.exitValue()).as(Files.readString(log)).isEqualTo(2);
      assertThat(Files.readString(log)).isEqualTo(expected[i] + "\n");
    }
  }

  @Test
  void aHugeArgumentIsClippedInTheMessage() {
    String huge = "|" + "x".repeat(1 << 20) + "~0|+|none~0|none~1|+|none~0|none~1|none~2|";
    String[][] cases = {
        {"query", store.toString(), huge},
        {"space", "show", huge},
        {"space", "index", huge},
        {"train", "--arch", huge, "--dataset", "fashion-mnist", "--hp", "1"},
        {"plan", "--archs", "7," + "9".repeat(1 << 20), "--out", dir.resolve("huge.jsonl").toString()},
        {"space", "list", "--dataset", "d".repeat(1 << 20)},
        {"search", "rea", "--store", store.toString(), "--runs", "1".repeat(1 << 20)}};
    for (String[] args : cases) {
      CliRun r = CliRun.of(args);
      assertThat(r.exitCode()).as(args[0] + " " + args[1]).isEqualTo(2);
      assertThat(r.err()).as(args[0] + " " + args[1]).hasLineCount(1).hasSizeLessThan(700)
          .containsPattern("\\(\\d+ characters( cut)?\\)");
    }
    assertThat(CliRun.of("query", store.toString(), huge).err()).isEqualTo("nb201: error: unknown op '" + "x".repeat(80)
        + "... (" + (1 << 20) + " characters)'; expected one of [none, skip_connect, nor_conv_1x1, nor_conv_3x3,"
        + " avg_pool_3x3] (at column 2)\n");
  }

  @Test
  void aCellStringIsReportedAtItsFirstBadCharacter() {
    for (String[] args : new String[][] {{"query", store.toString(), RESNET + ";x"}, {"space", "show", RESNET + ";x"},
        {"space", "index", RESNET + ";x"}}) {
      CliRun r = CliRun.of(args);
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("nb201: error: stray character ';' after the edges of node 3: expected the end"
          + " of the string (at column " + (RESNET.length() + 1) + ")\n");
    }
  }

  @Test
  void verifyOfAFileSaysItIsAFile() {
    CliRun r = CliRun.of("verify", plan.toString(), "--plan", plan.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: " + plan + " is a file, not an output directory; expected the folder"
        + " given to 'nb201 generate --out'\n");
  }
}
