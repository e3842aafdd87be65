package org.nb201.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nb201.cli.CliRun;
import org.nb201.cli.Fixtures;

/**
 * Bad values are refused, never stored or run: numbers no measurement has in {@code import csv},
 * number options that are not plain decimals, repeated plan values, demo options checked before any
 * work, and messages that name the option the user typed.
 */
class BadValuesTest {
  @TempDir
  static Path shared;
  static Path store;

  @TempDir
  Path dir;

  @BeforeAll
  static void sampleStore() throws Exception {
    store = Fixtures.sampleStore(shared);
  }

  /** A user mistake: exit code 2 and one line on stderr that contains {@code expected}. */
  private static void refused(CliRun r, String expected) {
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void importCsvRefusesValuesNoMeasurementHasWithTheirLine() throws Exception {
    String row = "0,,cifar10,12,777,";
    Path results = Files.write(dir.resolve("r.csv"), List.of("index,arch,dataset,hp,seed,epoch,split,accuracy,loss,"
        + "time,top5", row + "0,train,NaN,1,1,", row + "1,train,Infinity,1,1,", row + "2,train,1e309,1,1,",
        row + "3,train,-5,1,1,", row + "4,train,100.5,1,1,", row + "5,train,0x1p5,1,1,", row + "6,train,50,-1,1,",
        row + "7,train,50,1,-1,", row + "8,train,60,1,1,50", row + "9,train,50,1,1,"));
    Path costs = Files.write(dir.resolve("c.csv"), List.of("index,arch,dataset,flops,params,latency",
        "0,,cifar10,-1,0.1,0.01", "1,,cifar10,1,NaN,0.01", "2,,cifar10,1,0.1,Infinity"));
    Path out = dir.resolve("s.duckdb");
    CliRun r = CliRun.of("import", "csv", results.toString(), "--costs", costs.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).containsExactly(
        "nb201: r.csv:2: accuracy 'NaN' is not a plain decimal number; expected a number in 0..100 or empty for"
            + " unknown",
        "nb201: r.csv:3: accuracy 'Infinity' is not a plain decimal number; expected a number in 0..100 or empty for"
            + " unknown",
        "nb201: r.csv:4: accuracy '1e309' is too large for a double (at most about 1.8e308); expected a number in"
            + " 0..100 or empty for unknown",
        "nb201: r.csv:5: accuracy -5 out of range, expected a number in 0..100",
        "nb201: r.csv:6: accuracy 100.5 out of range, expected a number in 0..100",
        "nb201: r.csv:7: accuracy '0x1p5' is not a plain decimal number; expected a number in 0..100 or empty for"
            + " unknown",
        "nb201: r.csv:8: loss -1 out of range, expected a number >= 0",
        "nb201: r.csv:9: time -1 out of range, expected a number >= 0",
        "nb201: r.csv:10: top5 50 is below accuracy 60; top-5 accuracy is at least top-1",
        "nb201: c.csv:2: flops -1 out of range, expected a number >= 0",
        "nb201: c.csv:3: params 'NaN' is not a plain decimal number; expected a number >= 0 or empty for unknown",
        "nb201: c.csv:4: latency 'Infinity' is not a plain decimal number; expected a number >= 0 or empty for"
            + " unknown",
        "nb201: error: 12 bad rows (listed above); nothing was written to " + out);
    assertThat(out).doesNotExist();
  }

  @Test
  void exportOfRealDataImportsBackUnchanged() throws Exception {
    Path nats = dir.resolve("nats.duckdb");
    CliRun imported = CliRun.of("import", "nats", Fixtures.natsSample().toString(), "--out", nats.toString(),
        "--quiet");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    Path first = dir.resolve("first.csv");
    assertThat(CliRun.of("export", nats.toString(), "--format", "csv", "--out", first.toString()).exitCode()).isZero();
    Path again = dir.resolve("again.duckdb");
    CliRun back = CliRun.of("import", "csv", first.toString(), "--costs", dir.resolve("first.costs.csv").toString(),
        "--out", again.toString());
    assertThat(back.exitCode()).as(back.err()).isZero();
    Path second = dir.resolve("second.csv");
    assertThat(CliRun.of("export", again.toString(), "--format", "csv", "--out", second.toString()).exitCode())
        .isZero();
    List<String> rows = Files.readAllLines(first);
    assertThat(rows.get(0)).endsWith(",top5"); // the real hp-12 train rows carry top-5 accuracy
    assertThat(rows).hasSizeGreaterThan(1000);
    assertThat(Files.readAllLines(second)).isEqualTo(rows);
    assertThat(Files.readAllLines(dir.resolve("second.costs.csv")))
        .isEqualTo(Files.readAllLines(dir.resolve("first.costs.csv")));
  }

  @Test
  void planRefusesRepeatedValuesBeforeWritingAnything() {
    Path plan = dir.resolve("plan.jsonl");
    refused(CliRun.of("plan", "--archs", "0", "--hp", "1,1", "--out", plan.toString()),
        "--hp lists 1 more than once; give each value once");
    refused(CliRun.of("plan", "--archs", "0", "--seeds", "1,1", "--out", plan.toString()),
        "--seeds lists 1 more than once; give each value once");
    refused(CliRun.of("plan", "--archs", "0", "--datasets", "cifar100,cifar100", "--out", plan.toString()),
        "--datasets lists cifar100 more than once");
    refused(CliRun.of("plan", "--archs", "0", "--C", "100000", "--out", plan.toString()),
        "--C must be in 1..4096, got 100000");
    refused(CliRun.of("plan", "--archs", "0", "--batch-size", "1000000", "--out", plan.toString()),
        "--batch-size must be in 1..65536, got 1000000");
    assertThat(plan).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e309", "0x1p5", "5d"})
  void numberOptionsTakePlainDecimalsOnly(String bad) {
    refused(CliRun.of("best", store.toString(), "--dataset", "cifar10", "--metric", "test", "--hp", "200",
        "--max-flops", bad), "Invalid value for option '--max-flops': '" + bad + "'");
    refused(CliRun.of("best", store.toString(), "--dataset", "cifar10", "--metric", "test", "--hp", "200",
        "--max-params", bad), "Invalid value for option '--max-params': '" + bad + "'");
    refused(CliRun.of("search", "rs", "--store", store.toString(), "--runs", "2", "--budget", bad),
        "Invalid value for option '--budget': '" + bad + "'");
    refused(CliRun.of("search", "reinforce", "--store", store.toString(), "--runs", "2", "--lr", bad),
        "Invalid value for option '--lr': '" + bad + "'");
  }

  @Test
  void bestRefusesANegativeLimitAndKeepsAGoodOne() {
    refused(CliRun.of("best", store.toString(), "--dataset", "cifar10", "--metric", "test", "--hp", "200",
        "--max-flops", "-1"), "--max-flops must be >= 0 (millions), got -1.0");
    CliRun ok = CliRun.of("best", store.toString(), "--dataset", "cifar10", "--metric", "test", "--hp", "200",
        "--max-flops", "20");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("best        0  ").contains("1 over the limits");
  }

  @Test
  void bestListsOnlyTheSetsOfTheStoresDataset() throws Exception {
    List<String> rows = new ArrayList<>(List.of("index,arch,dataset,hp,seed,epoch,split,accuracy,loss,time"));
    rows.add("5,,fashion-mnist,4,777,3,train,90,0.3,2");
    rows.add("5,,fashion-mnist,4,777,3,x-test,88,0.4,0.5");
    Path csv = Files.write(dir.resolve("fm.csv"), rows);
    Path fm = dir.resolve("fm.duckdb");
    assertThat(CliRun.of("import", "csv", csv.toString(), "--out", fm.toString()).exitCode()).isZero();
    CliRun r = CliRun.of("best", fm.toString(), "--dataset", "fashion-mnist", "--metric", "test", "--hp", "4");
    refused(r, "unknown set 'test' for dataset fashion-mnist; expected one of train, valid, x-valid, x-test, ori-test");
    CliRun ok = CliRun.of("best", fm.toString(), "--dataset", "fashion-mnist", "--metric", "x-test", "--hp", "4");
    assertThat(ok.out()).startsWith("best        5  ");
  }

  @Test
  void messagesNameTheOptionTheUserTyped() throws Exception {
    Path plan = dir.resolve("plan.jsonl");
    assertThat(CliRun.of("plan", "--archs", "0", "--out", plan.toString()).exitCode()).isZero();
    refused(CliRun.of("cluster", "k8s", "--plan", plan.toString(), "--completions", "0", "--image", "nb201:1",
        "--claim", "work", "--manifest", dir.resolve("job.yaml").toString()), "--completions must be >= 1, got 0");
    assertThat(dir.resolve("job.yaml")).doesNotExist();
    refused(CliRun.of("cluster", "slurm", "--plan", plan.toString(), "--array", "0", "--out", dir.toString(),
        "--script", dir.resolve("job.sh").toString()), "--array must be >= 1, got 0");
    refused(CliRun.of("train", "--arch", "0", "--dataset", "fashion-mnist", "--batch-size", "1000000"),
        "--batch-size must be in 1..65536, got 1000000");
    refused(CliRun.of("train", "--arch", "0", "--dataset", "fashion-mnist", "--hp", "0"),
        "--hp (epochs) must be >= 1, got 0");
    refused(CliRun.of("train", "--arch", "0", "--dataset", "fashion-mnist", "--C", "0"), "--C must be in 1..4096");
  }

  /**
   * Each bad demo option is refused before any work: nothing is printed, no folder is made. Every
   * call also passes a bad {@code --train-limit}, which the demo checks last: a demo that checked
   * nothing first fails on it (or on the folder) instead of training.
   */
  @Test
  void demoChecksEveryOptionBeforeAnyWork() throws Exception {
    Path out = dir.resolve("demo");
    String[][] cases = {
      {"--cells", "0", "--cells must be in 6..15625 (the 6 reference cells are always included), got 0"},
      {"--cells", "100000", "--cells must be in 6..15625"},
      {"--runs", "0", "--runs must be >= 1, got 0"},
      {"--workers", "0", "--workers must be in 1.."},
      {"--workers", "100000", "--workers must be in 1.."},
      {"--epochs", "0", "--epochs must be >= 1, got 0"},
      {"--runs", "2000000000", "--runs 2000000000 needs about"},
    };
    for (String[] c : cases) {
      CliRun r = CliRun.of("demo", "--out", out.toString(), c[0], c[1], "--train-limit", "-1", "--quiet");
      refused(r, c[2]);
      assertThat(r.out()).isEmpty();
      assertThat(out).doesNotExist();
    }
    refused(CliRun.of("demo", "--out", out.toString(), "--train-limit", "-1", "--quiet"),
        "--train-limit and --eval-limit must be >= 0");
    refused(CliRun.of("demo", "--out", out.toString(), "--C", "0", "--quiet"), "--C must be in 1..4096, got 0");
    refused(CliRun.of("demo", "--out", out.toString(), "--batch-size", "0", "--quiet"), "--batch-size must be in");
    assertThat(out).doesNotExist();
    Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
    CliRun r = CliRun.of("demo", "--out", file.toString(), "--train-limit", "-1", "--quiet");
    refused(r, "cannot use demo folder " + file + ": it is a file; expected a folder");
    assertThat(Files.readString(file)).isEqualTo("keep me");
  }
}
