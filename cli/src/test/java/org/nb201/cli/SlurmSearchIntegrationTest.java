package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nb201.cli.SlurmIntegrationTest.logs;
import static org.nb201.cli.SlurmIntegrationTest.sh;
import static org.nb201.cli.SlurmIntegrationTest.slurmUp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.SearchRun;
import org.nb201.bench.store.Store;
import org.nb201.generate.search.SearchPlan;

/**
 * A real Slurm job array runs a plan of weight-sharing searches through the generated sbatch script
 * (one search per array task), then verify and collect put them in the store's searches table.
 * Needs a running Slurm (CI starts one with .ci/slurm-up); skips with a message otherwise. The shell
 * and log helpers are {@link SlurmIntegrationTest}'s.
 */
class SlurmSearchIntegrationTest {
  @TempDir Path tmp;

  @Test
  void arrayJobRunsTheSearchesThenVerifyAndCollect() throws Exception {
    assumeTrue(slurmUp(),
        "Slurm is not running here (start it with .ci/slurm-up): skipping the Slurm search-plan integration test");
    Path data = Fixtures.fashion();
    Path shared = Files.createDirectories(tmp.resolve("shared"));
    Path plan = shared.resolve("searches.jsonl");
    CliRun p = CliRun.of("plan", "--search", "darts-v1,gdas", "--dataset", "fashion-mnist", "--seeds", "3",
        "--epochs", "1", "--C", "4", "--N", "1", "--train-limit", "200", "--valid-limit", "100", "--batch-size", "32",
        "--out", plan.toString());
    assertThat(p.exitCode()).as(p.err()).isZero();
    Path out = shared.resolve("out");
    Path script = shared.resolve("search.sbatch");
    CliRun c = CliRun.of("cluster", "slurm", "--plan", plan.toString(), "--out", out.toString(), "--array", "2",
        "--cpus-per-task", "1", "--nb201", Child.shell(), "--data-dir", data.toString(), "--script", script.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    assertThat(c.out()).contains("2 array tasks over 2 searches");
    assertThat(Files.readString(script)).contains("#SBATCH --array=0-1", "--shard \"${SLURM_ARRAY_TASK_ID}/2\"");
    String jobId = sh("sbatch", "--parsable", script.toString()).split(";")[0];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!sh("squeue", "-h", "-j", jobId).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertThat(sh("squeue", "-h", "-j", jobId)).as("job finished in time").isEmpty();
    CliRun v = CliRun.of("verify", out.toString(), "--plan", plan.toString());
    assertThat(v.exitCode()).as(v.out() + v.err() + logs(out)).isZero();
    assertThat(v.out()).contains("2 searches in the plan: 2 done, 0 missing, 0 corrupt, 0 duplicated");
    // each array task ran its own shard: one search each
    for (int k = 0; k < 2; k++) {
      assertThat(logs(out)).contains("shard " + k + "/2: 1 searches, 0 already done, 1 finished now, 0 failed");
    }
    Path store = shared.resolve("slurm.duckdb");
    CliRun col = CliRun.of("collect", out.toString(), "--plan", plan.toString(), "--out", store.toString());
    assertThat(col.exitCode()).as(col.err()).isZero();
    assertThat(col.out()).contains("2 searches added");
    try (Store s = Store.open(store)) {
      List<SearchRun> runs = s.reader().searches();
      assertThat(runs).extracting(SearchRun::search)
          .containsExactlyInAnyOrderElementsOf(SearchPlan.read(plan).byId().keySet());
      assertThat(runs).allSatisfy(r -> assertThat(r.epochs()).hasSize(1));
      assertThat(runs).allSatisfy(r -> assertThat(r.seed()).isEqualTo(3));
    }
  }
}
