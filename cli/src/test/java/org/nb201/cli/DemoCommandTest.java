package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end, scaled down: real training, a store, cells table, all four searches and the report. */
class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void demoRunsEndToEndAndResumes() throws Exception {
    Fixtures.fashion();
    String[] args = {"demo", "--out", tmp.resolve("demo").toString(), "--cells", "7", "--epochs", "1", "--C", "4",
        "--train-limit", "128", "--eval-limit", "64", "--batch-size", "64", "--runs", "5", "--workers", "2",
        "--search-epochs", "1", "--quiet"};
    CliRun r = CliRun.of(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("plan: 7 cells (reference cells [11472, 1462, 1835, 7581, 1651, 0] included)")
        .contains("7 trials, 0 already done, 7 finished now, 0 failed")
        .contains("cells by x-test accuracy")
        .contains("nb201 search rs:", "nb201 search rea:", "nb201 search reinforce:", "nb201 search bohb:")
        .contains("fashion-mnist/x-test");
    // all six reference cells and one sampled cell are in the table, marked
    assertThat(r.out().lines().filter(l -> l.endsWith("  *"))).hasSize(6);
    assertThat(Files.exists(tmp.resolve("demo/demo.duckdb"))).isTrue();
    // the demo ends with its report over the store and the four run folders
    assertThat(r.out()).contains("report: " + tmp.resolve("demo/report/index.html") + " (");
    assertThat(Files.exists(tmp.resolve("demo/search/bohb/config.json"))).isTrue();
    assertThat(Files.readString(tmp.resolve("demo/report/index.html"))).contains("<section id=\"search\">")
        .contains("rea").contains("reinforce");
    // the weight-sharing searches: each chosen cell with its accuracy in the demo's benchmark, or not in it
    for (String method : DemoWeightSharing.available()) {
      assertThat(r.out()).contains("$ nb201 search " + method + " --dataset fashion-mnist")
          .containsPattern(method + " chose cell \\d+ \\|[^ ]+\\|: (x-test \\d+\\.\\d\\d% in the demo's benchmark"
              + "|not in the demo's benchmark \\(it holds 7 of 15625 cells\\))");
      assertThat(Files.exists(tmp.resolve("demo/search/" + method + "/run.jsonl"))).isTrue();
    }
    assertThat(DemoWeightSharing.available()).contains("darts-v1");
    CliRun again = CliRun.of(args);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("7 trials, 7 already done, 0 finished now");
    // a finished search is reused, not run again
    assertThat(again.out()).contains("--out " + tmp.resolve("demo/search/darts-v1") + " --resume");
  }
}
