package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code nb201 import nb201} on the torch.save fixtures of the bench module (both containers). */
class ImportNb201CommandTest {
  @TempDir
  Path dir;

  static Path fixture(String name) {
    return ImportNatsCommandTest.repoRoot().resolve("bench/src/test/resources/pth").resolve(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nb201-v1_1-zip.pth", "nb201-v1_1-legacy.pth"})
  void importsAndQueriesBothContainers(String name) {
    Path store = dir.resolve("nb201.db");
    CliRun r = CliRun.of("import", "nb201", fixture(name).toString(), "--out", store.toString(), "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("imported 2 archs (10 trials, ");
    CliRun q = CliRun.of("query", store.toString(), "0", "--dataset", "cifar100", "--hp", "200", "--mean");
    assertThat(q.exitCode()).as(q.err()).isZero();
    assertThat(q.out()).contains("test-accuracy      52.913333");
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Path store = Files.writeString(dir.resolve("nb201.db"), "keep");
    CliRun r = CliRun.of("import", "nb201", fixture("nb201-v1_1-zip.pth").toString(), "--out", store.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).hasLineCount(1).contains("already exists; use --force");
    assertThat(Files.readString(store)).isEqualTo("keep");
  }

  @Test
  void aFileThatIsNoTorchFileIsOneLineExitTwo() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.pth"), "not torch");
    Path store = dir.resolve("x.db");
    CliRun r = CliRun.of("import", "nb201", bad.toString(), "--out", store.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: " + bad + ": not a torch.save file (neither a zip archive nor a"
        + " legacy torch pickle stream)\n");
    assertThat(store).doesNotExist();
  }
}
