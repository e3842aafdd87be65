package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan -> generate (real training) -> verify -> collect -> query, through the CLI. */
class GenerateCommandTest {
  @TempDir Path tmp;

  @Test
  void planGenerateVerifyCollectAndQueryWithATwoWorkerPool() {
    Path data = Fixtures.fashion();
    Path plan = tmp.resolve("plan.jsonl");
    CliRun p = Fixtures.plan(plan, "11472,1462,1651");
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(p.out()).startsWith("wrote " + plan + ": 3 trials (3 cells x 1 seeds x 1 datasets x 1 hp)");
    Path out = tmp.resolve("out");
    CliRun g = CliRun.of("generate", "--plan", plan.toString(), "--out", out.toString(), "--workers", "2",
        "--threads-per-worker", "1", "--data-dir", data.toString(), "--quiet");
    assertThat(g.exitCode()).as(g.out() + g.err()).isZero();
    assertThat(g.out()).contains("3 trials, 0 already done, 3 finished now, 0 failed");
    CliRun v = CliRun.of("verify", out.toString(), "--plan", plan.toString());
    assertThat(v.exitCode()).isZero();
    assertThat(v.out()).contains("3 done, 0 missing, 0 corrupt, 0 duplicated").endsWith("complete\n");
    Path store = tmp.resolve("gen.duckdb");
    CliRun c = CliRun.of("collect", out.toString(), "--plan", plan.toString(), "--out", store.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    assertThat(c.out()).contains("3 trials added");
    CliRun q = CliRun.of("query", store.toString(), "11472", "--dataset", "fashion-mnist", "--hp", "1", "--json");
    assertThat(q.exitCode()).as(q.err()).isZero();
    assertThat(q.out()).contains("\"train-accuracy\"", "\"valid-accuracy\"", "\"test-accuracy\"");
    // a second collect without --add refuses to overwrite
    CliRun again = CliRun.of("collect", out.toString(), "--plan", plan.toString(), "--out", store.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already exists; pass --add");
    CliRun add = CliRun.of("collect", out.toString(), "--plan", plan.toString(), "--out", store.toString(), "--add");
    assertThat(add.exitCode()).isZero();
    assertThat(add.out()).contains("0 trials added, 3 already in the store, 3 carried over");
  }

  @Test
  void resumesAfterKillMinus9OfTheRealCommand() throws Exception {
    Path data = Fixtures.fashion();
    Path plan = tmp.resolve("plan.jsonl");
    assertThat(Fixtures.plan(plan, "0,1,2,3,4,5,6,7").exitCode()).isZero();
    Path out = tmp.resolve("out");
    Process child = Child.start(tmp.resolve("child.log"), "generate", "--plan", plan.toString(), "--out",
        out.toString(), "--data-dir", data.toString(), "--quiet");
    Path results = out.resolve("results");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (count(results) < 2 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(child.isAlive()).as("still training when killed; log: " + Files.readString(tmp.resolve("child.log")))
        .isTrue();
    child.destroyForcibly().waitFor();
    int done = count(results);
    assertThat(done).isBetween(2, 7);
    CliRun resumed = CliRun.of("generate", "--plan", plan.toString(), "--out", out.toString(), "--data-dir",
        data.toString(), "--quiet");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out())
        .contains("8 trials, " + done + " already done, " + (8 - done) + " finished now, 0 failed");
    CliRun v = CliRun.of("verify", out.toString(), "--plan", plan.toString());
    assertThat(v.out()).contains("8 done, 0 missing, 0 corrupt, 0 duplicated in the ledger, 0 extra files");
    assertThat(v.exitCode()).isZero();
  }

  @Test
  void verifyReportsDamageWithExitCode3() throws Exception {
    Path data = Fixtures.fashion();
    Path plan = tmp.resolve("plan.jsonl");
    assertThat(Fixtures.plan(plan, "11472,1651").exitCode()).isZero();
    Path out = tmp.resolve("out");
    assertThat(CliRun.of("generate", "--plan", plan.toString(), "--out", out.toString(), "--data-dir", data.toString(),
        "--quiet").exitCode()).isZero();
    Path victim;
    try (var s = Files.list(out.resolve("results"))) {
      victim = s.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    Files.writeString(victim, Files.readString(victim).replace("\"fashion-mnist\"", "\"fashion-mnisT\""));
    CliRun v = CliRun.of("verify", out.toString(), "--plan", plan.toString());
    assertThat(v.exitCode()).isEqualTo(3);
    assertThat(v.out()).contains("1 done, 0 missing, 1 corrupt").contains("checksum mismatch");
    CliRun c = CliRun.of("collect", out.toString(), "--plan", plan.toString(),
        "--out", tmp.resolve("s.duckdb").toString());
    assertThat(c.exitCode()).isEqualTo(3);
    assertThat(c.out()).contains("1 trials added").contains("refused " + victim.getFileName());
  }

  @Test
  void badPlansAndShardsAreOneLineErrors() {
    CliRun missing = CliRun.of("generate", "--plan", tmp.resolve("nope.jsonl").toString(), "--out", tmp.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist; create one with 'nb201 plan'").hasLineCount(1);
    Path plan = tmp.resolve("plan.jsonl");
    assertThat(Fixtures.plan(plan, "1").exitCode()).isZero();
    CliRun shard = CliRun.of("generate", "--plan", plan.toString(), "--out", tmp.toString(), "--shard", "3/3");
    assertThat(shard.exitCode()).isEqualTo(2);
    assertThat(shard.err()).contains("bad shard 3/3");
    CliRun badPlan = CliRun.of("plan", "--archs", "1,x", "--out", plan.toString());
    assertThat(badPlan.exitCode()).isEqualTo(2);
    assertThat(badPlan.err()).contains("bad --archs item 'x'");
  }

  private static int count(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var s = Files.list(dir)) {
      return (int) s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
    }
  }
}
