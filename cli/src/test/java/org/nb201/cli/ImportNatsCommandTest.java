package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nb201 import nats} on the NATS sample directory and the single-file sample archive. */
class ImportNatsCommandTest {
  @TempDir
  Path dir;

  /** The repository root (the directory with pom.xml, bench and cli). */
  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("bench"))
          && Files.isDirectory(p.resolve("cli"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
  }

  /** {@code ../shared/data/nats-tss-sample}, or a skip. */
  static Path natsSample() {
    String prop = System.getProperty("nb201.shared");
    Path shared = prop != null && !prop.isBlank() ? Path.of(prop) : repoRoot().resolve("../shared");
    Path sample = shared.resolve("data/nats-tss-sample").normalize();
    assumeTrue(Files.isDirectory(sample), "../shared/data/nats-tss-sample not present: skipping");
    return sample;
  }

  @Test
  void importsTheSampleDirectoryAndQueriesTheOfficialValues() {
    Path store = dir.resolve("nats.db");
    CliRun r = CliRun.of("import", "nats", natsSample().toString(), "--out", store.toString(), "--threads", "2",
        "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("imported 2 archs (34 trials, ").contains(" archs/s) into " + store);
    CliRun q = CliRun.of("query", store.toString(), "0", "--dataset", "cifar100", "--hp", "200", "--mean");
    assertThat(q.exitCode()).as(q.err()).isZero();
    assertThat(q.out()).contains("test-accuracy      52.913333");
    CliRun q12 = CliRun.of("query", store.toString(), "0", "--dataset", "cifar10-valid", "--seed", "777");
    assertThat(q12.out()).contains("valid-accuracy     62.711999");
  }

  @Test
  void importsTheSingleFileArchive() throws Exception {
    // built from the shared sample by the bench module's fixture script, into this test's folder
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "/usr/bin/python3 missing: skipping");
    Path archive = dir.resolve("NATS-tss-v1_0-sample.pickle.pbz2");
    Process p = new ProcessBuilder(python.toString(),
        repoRoot().resolve("bench/src/test/python/make_nats_archive.py").toString(), natsSample().toString(),
        archive.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor() == 0, "cannot build the archive fixture: " + log);
    Path store = dir.resolve("archive.db");
    CliRun r = CliRun.of("import", "nats", archive.toString(), "--out", store.toString(), "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("imported 2 archs (34 trials, ");
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Path store = Files.writeString(dir.resolve("nats.db"), "keep");
    CliRun r = CliRun.of("import", "nats", natsSample().toString(), "--out", store.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: store " + store + " already exists; use --force to replace it\n");
    assertThat(Files.readString(store)).isEqualTo("keep");
    CliRun forced = CliRun.of("import", "nats", natsSample().toString(), "--out", store.toString(), "--force",
        "--quiet");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
  }

  @Test
  void aBadSourceIsOneLineExitTwoAndNoStore() throws Exception {
    Path bad = Files.write(dir.resolve("bad.pickle.pbz2"), new byte[] {'B', 'Z', 'h', '9', 1, 2, 3});
    Path store = dir.resolve("x.db");
    CliRun r = CliRun.of("import", "nats", bad.toString(), "--out", store.toString(), "--quiet");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("nb201: error: " + bad + ": ").endsWith("\n").hasLineCount(1);
    assertThat(store).doesNotExist();
    CliRun none = CliRun.of("import", "nats", dir.resolve("absent").toString(), "--out", store.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).hasLineCount(1).contains("absent");
  }
}
