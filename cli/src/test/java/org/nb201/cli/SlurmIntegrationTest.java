package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.generate.JobText;

/**
 * A real Slurm job array runs a plan through the generated sbatch script, then verify and collect.
 * Needs a running Slurm (CI starts one with .ci/slurm-up); skips with a message otherwise.
 */
class SlurmIntegrationTest {
  @TempDir Path tmp;

  static String sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " timed out");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
    return out.strip();
  }

  static boolean slurmUp() {
    try {
      return sh("sinfo", "-h", "-o", "%T").lines().anyMatch(l -> l.equals("idle") || l.equals("mixed"));
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void arrayJobRunsThePlanThenVerifyAndCollect() throws Exception {
    assumeTrue(slurmUp(),
        "Slurm is not running here (start it with .ci/slurm-up): skipping the Slurm integration test");
    Path data = Fixtures.fashion();
    // the job runs on this node as root with the same file system; keep everything under one shared dir
    Path shared = Files.createDirectories(tmp.resolve("shared"));
    Path plan = shared.resolve("plan.jsonl");
    assertThat(Fixtures.plan(plan, "11472,1462,1835,1651").exitCode()).isZero();
    Path out = shared.resolve("out");
    Path script = shared.resolve("job.sbatch");
    CliRun c = CliRun.of("cluster", "slurm", "--plan", plan.toString(), "--out", out.toString(), "--array", "2",
        "--cpus-per-task", "1", "--nb201", Child.shell(), "--data-dir", data.toString(), "--script", script.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    String text = Files.readString(script);
    assertThat(text).contains("#SBATCH --array=0-1", "--shard \"${SLURM_ARRAY_TASK_ID}/2\"",
        "--data-dir " + JobText.shell(data.toString()));
    String jobId = sh("sbatch", "--parsable", script.toString()).split(";")[0];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!sh("squeue", "-h", "-j", jobId).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertThat(sh("squeue", "-h", "-j", jobId)).as("job finished in time").isEmpty();
    CliRun v = CliRun.of("verify", out.toString(), "--plan", plan.toString());
    assertThat(v.exitCode()).as(v.out() + v.err() + logs(out)).isZero();
    assertThat(v.out()).contains("4 done, 0 missing, 0 corrupt, 0 duplicated");
    CliRun col = CliRun.of("collect", out.toString(), "--plan", plan.toString(), "--out",
        shared.resolve("slurm.duckdb").toString());
    assertThat(col.exitCode()).as(col.err()).isZero();
    assertThat(col.out()).contains("4 trials added");
  }

  static String logs(Path out) throws Exception {
    StringBuilder sb = new StringBuilder();
    Path dir = out.resolve("logs");
    if (Files.isDirectory(dir)) {
      try (var s = Files.list(dir)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          sb.append("\n--- ").append(p).append('\n').append(Files.readString(p));
        }
      }
    }
    return sb.toString();
  }
}
