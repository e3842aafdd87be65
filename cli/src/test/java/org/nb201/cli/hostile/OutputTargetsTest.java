package org.nb201.cli.hostile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.store.StoreFormat;
import org.nb201.cli.CliRun;
import org.nb201.cli.Fixtures;

/**
 * Every command that writes files, given targets it must not write: its own inputs (also through a
 * symlink, also with {@code --force}), existing files without {@code --force}, device files, fifos and
 * folders, a missing parent folder, an empty path, a missing data folder and a folder of the user's
 * given to the demo. Each is refused with one line, exit code 2, and the target is left as it was.
 */
class OutputTargetsTest {
  private static final String PRECIOUS = "the user's own data\n";

  @TempDir
  static Path dir;
  static Path store;
  static Path plan;

  @BeforeAll
  static void inputs() throws IOException {
    store = Fixtures.sampleStore(dir);
    plan = dir.resolve("plan.jsonl");
    Fixtures.plan(plan, "0");
  }

  @Test
  void neverWritesOverItsOwnInputEvenWithForceOrThroughASymlink(@TempDir Path tmp) throws IOException {
    Path s = Files.copy(store, tmp.resolve("s.duckdb"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), s);
    Path p = Files.copy(plan, tmp.resolve("p.jsonl"));
    Path csv = tmp.resolve("r.csv");
    assertThat(CliRun.of("export", s.toString(), "--format", "csv", "--out", csv.toString()).exitCode()).isZero();
    Path costs = tmp.resolve("r.costs.csv");
    Path gen = Files.createDirectory(tmp.resolve("gen"));
    List<List<String>> cases = List.of(
        List.of("export", s.toString(), "--format", "csv", "--out", s.toString(), "--force"),
        List.of("export", s.toString(), "--format", "csv", "--out", link.toString(), "--force"),
        List.of("export", s.toString(), "--format", "csv", "--out", tmp.resolve("a.csv").toString(), "--costs-out",
            s.toString(), "--force"),
        List.of("search", "rea", "--store", s.toString(), "--runs", "1", "--curves", s.toString(), "--force"),
        List.of("search", "rea", "--store", link.toString(), "--runs", "1", "--curves", s.toString(), "--force"),
        List.of("import", "csv", csv.toString(), "--out", csv.toString(), "--force"),
        List.of("import", "csv", csv.toString(), "--costs", costs.toString(), "--out", costs.toString(), "--force"),
        List.of("import", "nats", s.toString(), "--out", link.toString(), "--force"),
        List.of("import", "nb201", s.toString(), "--out", s.toString(), "--force"),
        List.of("plan", "--archs", "0", "--out", tmp.resolve("../" + tmp.getFileName() + "/p.jsonl").toString()),
        List.of("collect", gen.toString(), "--plan", p.toString(), "--out", p.toString(), "--add"),
        List.of("cluster", "slurm", "--plan", p.toString(), "--out", gen.toString(), "--array", "1", "--script",
            p.toString(), "--force"),
        List.of("cluster", "k8s", "--plan", p.toString(), "--completions", "1", "--image", "i", "--claim", "c",
            "--manifest", p.toString(), "--force"),
        List.of("generate", "--plan", p.toString(), "--out", p.toString()));
    byte[] storeBytes = Files.readAllBytes(s);
    byte[] csvBytes = Files.readAllBytes(csv);
    byte[] costBytes = Files.readAllBytes(costs);
    byte[] planBytes = Files.readAllBytes(p);
    for (List<String> args : cases) {
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(args + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).as(args.toString()).hasLineCount(1).containsAnyOf("is the same file as the input",
          "already exists; use --force");
    }
    assertThat(Files.readAllBytes(s)).isEqualTo(storeBytes);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllBytes(csv)).isEqualTo(csvBytes);
    assertThat(Files.readAllBytes(costs)).isEqualTo(costBytes);
    assertThat(Files.readAllBytes(p)).isEqualTo(planBytes);
  }

  @Test
  void replacesAnExistingFileOnlyWithForce(@TempDir Path tmp) throws IOException {
    Path target = tmp.resolve("target");
    Path gen = Files.createDirectory(tmp.resolve("gen"));
    String other = tmp.resolve("other.csv").toString();
    List<List<String>> cases = List.of(
        List.of("export", store.toString(), "--format", "csv", "--out", target.toString(), "--costs-out", other),
        List.of("export", store.toString(), "--format", "csv", "--out", other, "--costs-out", target.toString()),
        List.of("search", "rea", "--store", store.toString(), "--runs", "1", "--curves", target.toString()),
        List.of("plan", "--archs", "0", "--out", target.toString()),
        List.of("import", "csv", tmp.resolve("r.csv").toString(), "--out", target.toString()),
        List.of("cluster", "slurm", "--plan", plan.toString(), "--out", gen.toString(), "--array", "1", "--script",
            target.toString()),
        List.of("cluster", "k8s", "--plan", plan.toString(), "--completions", "1", "--image", "i", "--claim", "c",
            "--manifest", target.toString()));
    CliRun export = CliRun.of("export", store.toString(), "--format", "csv", "--out", tmp.resolve("r.csv").toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    for (List<String> args : cases) {
      Files.writeString(target, PRECIOUS);
      Files.deleteIfExists(Path.of(other));
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(args + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).as(args.toString()).hasLineCount(1).startsWith("nb201: error: ")
          .endsWith(" " + target + " already exists; use --force to replace it\n");
      assertThat(target).as(args.toString()).hasContent(PRECIOUS.strip());
      assertThat(Path.of(other)).doesNotExist();
      List<String> forced = new ArrayList<>(args);
      forced.add("--force");
      CliRun f = CliRun.of(forced.toArray(String[]::new));
      assertThat(f.exitCode()).as(forced + ": " + f.err()).isZero();
      assertThat(Files.readAllBytes(target)).as(forced.toString()).isNotEqualTo(PRECIOUS.getBytes(UTF_8));
    }
  }

  @Test
  void refusesDeviceFilesFifosAndFolders(@TempDir Path tmp) throws Exception {
    List<Path> nodes = new ArrayList<>();
    nodes.add(Files.createDirectory(tmp.resolve("folder")));
    Path fifo = tmp.resolve("fifo");
    if (run("mkfifo", fifo.toString())) {
      nodes.add(fifo);
    }
    Path nul = tmp.resolve("null");
    if (run("mknod", nul.toString(), "c", "1", "3")) {
      nodes.add(nul); // a private /dev/null: the test must not risk the real one
    }
    assumeTrue(nodes.size() > 1, "neither mkfifo nor mknod works here: only the folder case was run");
    Path csv = tmp.resolve("r.csv");
    assertThat(CliRun.of("export", store.toString(), "--format", "csv", "--out", csv.toString()).exitCode()).isZero();
    for (Path node : nodes) {
      String kind = Files.isDirectory(node) ? "a directory" : node.equals(fifo) ? "a fifo" : "a character device";
      List<List<String>> cases = List.of(
          List.of("import", "csv", csv.toString(), "--out", node.toString(), "--force"),
          List.of("plan", "--archs", "0", "--out", node.toString(), "--force"),
          List.of("search", "rea", "--store", store.toString(), "--runs", "1", "--curves", node.toString(), "--force"),
          List.of("export", store.toString(), "--format", "csv", "--out", node.toString(), "--force"),
          List.of("export", store.toString(), "--format", "csv", "--out", tmp.resolve("x.csv").toString(),
              "--costs-out", node.toString(), "--force"),
          List.of("cluster", "slurm", "--plan", plan.toString(), "--out", tmp.resolve("gen").toString(), "--array",
              "1", "--script", node.toString(), "--force"),
          List.of("collect", tmp.toString(), "--plan", plan.toString(), "--out", node.toString(), "--add"),
          List.of("train", "--arch", "0", "--dataset", "fashion-mnist", "--hp", "1", "--store", node.toString()));
      for (List<String> args : cases) {
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(args + ": " + r.err()).isEqualTo(2);
        assertThat(r.err()).as(args.toString()).hasLineCount(1)
            .contains("cannot write", node.toString(), "it is " + kind + "; expected a file path");
      }
      if (!Files.isDirectory(node)) {
        assertThat(Files.isRegularFile(node)).as(node + " was replaced by a file").isFalse();
        assertThat(Files.exists(node)).isTrue();
      }
    }
    assertThat(tmp.resolve("x.csv")).doesNotExist();
    try (Stream<Path> folder = Files.list(tmp.resolve("folder"))) {
      assertThat(folder).isEmpty();
    }
  }

  @Test
  void aFileNeedsAnExistingFolderAndAFolderMustNotBeAFile(@TempDir Path tmp) {
    Path missing = tmp.resolve("no/such/plan.jsonl");
    CliRun r = CliRun.of("plan", "--archs", "0", "--out", missing.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: cannot write plan " + missing + ": folder " + tmp.resolve("no/such")
        + " does not exist; create it first\n");
    assertThat(tmp.resolve("no")).doesNotExist();
    CliRun curves = CliRun.of("search", "rea", "--store", store.toString(), "--runs", "1", "--curves",
        plan.resolve("c.csv").toString());
    assertThat(curves.exitCode()).isEqualTo(2);
    assertThat(curves.err()).contains(plan + " is not a folder");
    CliRun gen = CliRun.of("generate", "--plan", plan.toString(), "--out", store.toString());
    assertThat(gen.exitCode()).isEqualTo(2);
    assertThat(gen.err()).isEqualTo("nb201: error: cannot use output folder " + store
        + ": it is a file; expected a folder\n");
    CliRun pq = CliRun.of("export", store.toString(), "--format", "parquet", "--out", plan.toString(), "--force");
    assertThat(pq.exitCode()).isEqualTo(2);
    assertThat(pq.err()).contains("it is a file; expected a folder");
  }

  @Test
  void rejectsAnEmptyPathAndAMissingDataFolder(@TempDir Path tmp) {
    for (String[] args : new String[][] {
        {"generate", "--plan", plan.toString(), "--out", ""},
        {"plan", "--archs", "0", "--out", ""},
        {"export", store.toString(), "--format", "csv", "--out", " "},
        {"search", "rea", "--store", store.toString(), "--curves", ""}}) {
      CliRun r = CliRun.of(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).hasLineCount(1).contains("Invalid value for option").contains("empty path; expected a file"
          + " or folder name");
    }
    Path out = tmp.resolve("gen");
    Path nowhere = tmp.resolve("nonexistent");
    CliRun r = CliRun.of("generate", "--plan", plan.toString(), "--out", out.toString(), "--data-dir",
        nowhere.toString(), "--quiet");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: --data-dir " + nowhere + " does not exist; expected an existing"
        + " folder\n");
    CliRun split = CliRun.of("generate", "--plan", plan.toString(), "--out", out.toString(), "--split-dir",
        plan.toString(), "--quiet");
    assertThat(split.exitCode()).isEqualTo(2);
    assertThat(split.err()).contains("--split-dir " + plan + " is not a folder");
    assertThat(out).doesNotExist();
  }

  @Test
  void trainRefusesAStoreThatIsNotAStoreBeforeTraining(@TempDir Path tmp) throws IOException {
    Path notes = Files.writeString(tmp.resolve("notes.duckdb"), PRECIOUS);
    // a folder without data: training would fail on it, so the store must be checked first
    Path noData = Files.createDirectory(tmp.resolve("no-data"));
    CliRun r = CliRun.of("train", "--arch", "0", "--dataset", "cifar10", "--data-dir", noData.toString(), "--hp", "1",
        "--quiet", "--store", notes.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).hasLineCount(1).contains(notes + " is not a DuckDB database").contains("expected a store");
    assertThat(notes).hasContent(PRECIOUS.strip());
  }

  @Test
  void demoUsesOnlyANewEmptyOrEarlierDemoFolder(@TempDir Path tmp) throws IOException {
    Path mine = Files.createDirectory(tmp.resolve("project"));
    Files.writeString(mine.resolve("plan.jsonl"), PRECIOUS);
    Files.writeString(mine.resolve("notes.txt"), PRECIOUS);
    CliRun r = CliRun.of("demo", "--out", mine.toString(), "--quiet");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: demo folder " + mine + " holds files that are not the demo's"
        + " (notes.txt); expected a new or empty folder, or an earlier demo's\n");
    assertThat(mine.resolve("plan.jsonl")).hasContent(PRECIOUS.strip());
    try (Stream<Path> left = Files.list(mine)) {
      assertThat(left).hasSize(2);
    }
    CliRun file = CliRun.of("demo", "--out", plan.toString(), "--quiet");
    assertThat(file.exitCode()).isEqualTo(2);
    assertThat(file.err()).contains("it is a file; expected a folder");
  }

  @Test
  void parquetExportReplacesAnEarlierOneOnlyWithForce(@TempDir Path tmp) throws IOException {
    Path pq = Files.createDirectory(tmp.resolve("pq"));
    Files.writeString(pq.resolve("metrics.parquet"), PRECIOUS);
    Files.writeString(pq.resolve("README"), PRECIOUS);
    CliRun r = CliRun.of("export", store.toString(), "--format", "parquet", "--out", pq.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: export file " + pq.resolve("metrics.parquet")
        + " already exists; use --force to replace it\n");
    try (Stream<Path> left = Files.list(pq)) {
      assertThat(left).hasSize(2);
    }
    CliRun forced = CliRun.of("export", store.toString(), "--format", "parquet", "--out", pq.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    try (Stream<Path> left = Files.list(pq)) {
      // every table of the store's format and the user's README; no temporary folder is left
      assertThat(left).hasSize(StoreFormat.tables().size() + 1);
    }
    assertThat(pq.resolve("README")).hasContent(PRECIOUS.strip());
  }

  private static boolean run(String... cmd) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
