package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir
  Path dir;

  /**
   * A small tidy CSV pair with real numbers of the NATS-Bench sample records of architectures 0 and 11
   * ({@code NATS-tss-v1_0-3ffb9-simple/000000.pickle.pbz2}, {@code 000011.pickle.pbz2};
   * docs/benchmark-data.md#accuracy-semantics): arch 0 and 11 on cifar10 (hp 200, seeds
   * 777/888/999, ori-test 85.62/86.18/85.79 and 91.55/91.6/91.6, accuracies at the last epoch
   * only, times every epoch) and arch 0 on cifar10-valid hp 12 (x-valid 64.016 seed 111, 62.712
   * seed 777).
   */
  static Path[] sampleCsv(Path dir) throws IOException {
    List<String> rows = new ArrayList<>(List.of("index,arch,dataset,hp,seed,epoch,split,accuracy,loss,time"));
    double[][] test = {{85.62, 86.18, 85.79}, {91.55, 91.6, 91.6}};
    int[] seeds = {777, 888, 999};
    int[] archs = {0, 11};
    for (int a = 0; a < 2; a++) {
      for (int k = 0; k < 3; k++) {
        for (int e = 0; e < 200; e++) {
          String trainAcc = e == 199 ? Double.toString(test[a][k] + 5) : "";
          String testAcc = e == 199 ? Double.toString(test[a][k]) : "";
          rows.add(archs[a] + ",,cifar10,200," + seeds[k] + "," + e + ",train," + trainAcc + ","
              + (e == 199 ? "0.25" : "") + ",14.4422");
          rows.add(archs[a] + ",,cifar10,200," + seeds[k] + "," + e + ",ori-test," + testAcc + ","
              + (e == 199 ? "0.5" : "") + ",1.0196");
        }
      }
    }
    double[] valid = {64.016, 62.712};
    int[] seeds12 = {111, 777};
    for (int k = 0; k < 2; k++) {
      for (int e = 0; e < 12; e++) {
        rows.add("0,,cifar10-valid,12," + seeds12[k] + "," + e + ",train," + (60 + e) + ",1.0,7.2211");
        rows.add("0,,cifar10-valid,12," + seeds12[k] + "," + e + ",x-valid," + (e == 11 ? valid[k] : 50 + e)
            + ",1.1,2.549");
      }
    }
    Path results = Files.write(dir.resolve("results.csv"), rows);
    Path costs = Files.write(dir.resolve("costs.csv"), List.of("index,arch,dataset,flops,params,latency",
        "0,,cifar10,15.64737,0.129306,0.01393598", "11,,cifar10,113.95137,0.802426,",
        "0,,cifar10-valid,15.64737,0.129306,0.01393598"));
    return new Path[] {results, costs};
  }

  /** The sample imported into {@code dir/sample.duckdb} through the CLI. */
  static Path sampleStore(Path dir) throws IOException {
    Path[] csv = sampleCsv(dir);
    Path store = dir.resolve("sample.duckdb");
    CliRun r = CliRun.of("import", "csv", csv[0].toString(), "--costs", csv[1].toString(), "--out", store.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    return store;
  }

  @Test
  void importsTidyCsvAndSaysWhatItWrote() throws Exception {
    Path[] csv = sampleCsv(dir);
    Path store = dir.resolve("s.duckdb");
    CliRun r = CliRun.of("import", "csv", csv[0].toString(), "--costs", csv[1].toString(), "--out", store.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("imported 8 trials (2448 metric rows) and 3 cost rows into " + store + "\n");
    assertThat(r.err()).isEmpty();
    assertThat(store).exists();
  }

  @Test
  void listsEveryBadRowWithItsLineAndWritesNothing() throws Exception {
    Path bad = Files.write(dir.resolve("bad.csv"), List.of("index,arch,dataset,hp,seed,epoch,split,accuracy,loss,time",
        "0,,cifar10,200,777,199,ori-test,85.62,0.5,1.0",
        "0,,cifar10,200,777,200,ori-test,85.62,0.5,1.0",
        "0,,cifar10,200,777,5,test,85.62,0.5,1.0"));
    Path store = dir.resolve("s.duckdb");
    CliRun r = CliRun.of("import", "csv", bad.toString(), "--out", store.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().split("\n")).containsExactly(
        "nb201: bad.csv:3: epoch 200 out of range, expected 0..199",
        "nb201: bad.csv:4: unknown split 'test'; expected one of train, x-valid, x-test, ori-test",
        "nb201: error: 2 bad rows (listed above); nothing was written to " + store);
    assertThat(store).doesNotExist();
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("bad.csv");
  }

  @Test
  void refusesToReplaceAStoreUnlessForced() throws Exception {
    Path[] csv = sampleCsv(dir);
    Path store = Files.writeString(dir.resolve("s.duckdb"), "keep me");
    CliRun r = CliRun.of("import", "csv", csv[0].toString(), "--out", store.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("nb201: error: store ").contains("already exists");
    assertThat(Files.readString(store)).isEqualTo("keep me");
    assertThat(CliRun.of("import", "csv", csv[0].toString(), "--out", store.toString(), "--force").exitCode()).isZero();
    assertThat(Files.size(store)).isGreaterThan(10_000);
  }

  @Test
  void missingInputAndMissingSubcommand() {
    CliRun r = CliRun.of("import", "csv", dir.resolve("none.csv").toString(),
        "--out", dir.resolve("s.duckdb").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: results file " + dir.resolve("none.csv") + " not found\n");
    CliRun usage = CliRun.of("import");
    assertThat(usage.exitCode()).isZero();
    assertThat(usage.out()).contains("csv", "Import tidy CSV");
  }
}
