package org.nb201.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
  @TempDir Path tmp;

  private Path writePlan(int archs) throws Exception {
    Plan p = Plan.of(PlanConfig.builder().optArchs("all").optSample(archs, 9).optHps(List.of(3)).build());
    Path f = tmp.resolve("plan.jsonl");
    p.write(f);
    return f;
  }

  private static GenerateOptions opts(Path out) {
    return new GenerateOptions(out, Shard.ALL, 1, 1, true, List.of());
  }

  @Test
  void runsEveryTrialOnceAndSkipsFinishedOnesOnRerun() throws Exception {
    Path planFile = writePlan(6);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    GenerateSummary first = Generator.run(plan, planFile, opts(out), new FakeExecutor(0));
    assertThat(first.finished()).isEqualTo(6);
    assertThat(first.alreadyDone()).isZero();
    GenerateSummary second = Generator.run(plan, planFile, opts(out), spec -> {
      throw new AssertionError("nothing should run again");
    });
    assertThat(second.finished()).isZero();
    assertThat(second.alreadyDone()).isEqualTo(6);
    VerifyReport r = Verifier.verify(plan, out);
    assertThat(r.complete()).isTrue();
    assertThat(r.done()).hasSize(6);
    assertThat(r.duplicated()).isEmpty();
  }

  @Test
  void failuresAreLoggedAndRetriedOnTheNextRun() throws Exception {
    Path planFile = writePlan(4);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    String bad = plan.trials().get(1).id();
    GenerateSummary s = Generator.run(plan, planFile, opts(out), spec -> {
      if (spec.id().equals(bad)) {
        throw new IllegalStateException("boom");
      }
      return new FakeExecutor(0).run(spec);
    });
    assertThat(s.finished()).isEqualTo(3);
    assertThat(s.failures()).containsExactly(bad + ": boom");
    assertThat(Verifier.verify(plan, out).missing()).extracting(TrialSpec::id).containsExactly(bad);
    assertThat(Generator.run(plan, planFile, opts(out), new FakeExecutor(0)).finished()).isEqualTo(1);
    assertThat(Verifier.verify(plan, out).complete()).isTrue();
  }

  @Test
  void shardsOfOnePlanFillOneDirectory() throws Exception {
    Path planFile = writePlan(7);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    for (int k = 0; k < 3; k++) {
      Generator.run(plan, planFile, new GenerateOptions(out, new Shard(k, 3), 1, 1, true, List.of()),
          new FakeExecutor(0));
    }
    VerifyReport r = Verifier.verify(plan, out);
    assertThat(r.complete()).isTrue();
    assertThat(r.duplicated()).isEmpty();
  }

  @Test
  void verifyFindsMissingCorruptDuplicatedAndExtraResults() throws Exception {
    Path planFile = writePlan(6);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    Generator.run(plan, planFile, opts(out), new FakeExecutor(0));
    List<TrialSpec> t = plan.trials();
    Path truncated = ResultFile.path(out, t.get(0).id());
    byte[] full = Files.readAllBytes(truncated);
    Files.write(truncated, Arrays.copyOf(full, full.length / 2));
    Path flipped = ResultFile.path(out, t.get(1).id());
    byte[] b = Files.readAllBytes(flipped);
    b[40] ^= 0x01;
    Files.write(flipped, b);
    Files.delete(ResultFile.path(out, t.get(2).id()));
    Files.copy(ResultFile.path(out, t.get(3).id()), ResultFile.path(out, t.get(4).id()),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(ResultFile.dir(out).resolve("0123456789abcdef.json"), "{}\n");
    try (Ledger l = Ledger.open(out)) {
      l.append(t.get(5).id(), "done", 1, null);
    }
    VerifyReport r = Verifier.verify(plan, out);
    assertThat(r.missing()).extracting(TrialSpec::id).containsExactly(t.get(2).id());
    assertThat(r.corrupt()).containsOnlyKeys(t.get(0).id() + ".json", t.get(1).id() + ".json",
        t.get(4).id() + ".json");
    assertThat(r.corrupt().get(t.get(0).id() + ".json")).contains("truncated");
    assertThat(r.corrupt().get(t.get(1).id() + ".json")).contains("checksum mismatch");
    assertThat(r.corrupt().get(t.get(4).id() + ".json")).contains("holds trial " + t.get(3).id());
    assertThat(r.duplicated()).containsExactly(t.get(5).id());
    assertThat(r.extra()).containsExactly("0123456789abcdef.json");
    assertThat(r.done()).extracting(TrialSpec::id).containsExactly(t.get(3).id(), t.get(5).id());
    // a rerun redoes exactly the missing and damaged ones
    GenerateSummary s = Generator.run(plan, planFile, opts(out), new FakeExecutor(0));
    assertThat(s.finished()).isEqualTo(4);
    assertThat(Verifier.verify(plan, out).complete()).isTrue();
  }

  @Test
  void resumesAfterKillMinus9WithNothingLostAndNothingDuplicated() throws Exception {
    Path planFile = writePlan(12);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        FakeGenerateMain.class.getName(), planFile.toString(), out.toString(), "150")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    // wait until a few trials are finished, then kill -9 mid-run
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (countResults(out) < 4 && System.nanoTime() < deadline && child.isAlive()) {
      Thread.sleep(20);
    }
    assertThat(child.isAlive()).as("child still running when killed").isTrue();
    child.destroyForcibly().waitFor();
    int before = countResults(out);
    assertThat(before).isBetween(4, 11);
    Map<String, Long> mtimes = new HashMap<>();
    for (TrialSpec t : plan.trials()) {
      Path f = ResultFile.path(out, t.id());
      if (Files.exists(f)) {
        mtimes.put(t.id(), Files.getLastModifiedTime(f).toMillis());
      }
    }
    GenerateSummary s = Generator.run(plan, planFile, opts(out), new FakeExecutor(0));
    assertThat(s.alreadyDone()).isEqualTo(before);
    assertThat(s.finished()).isEqualTo(12 - before);
    for (Map.Entry<String, Long> e : mtimes.entrySet()) {
      assertThat(Files.getLastModifiedTime(ResultFile.path(out, e.getKey())).toMillis())
          .as("finished result untouched").isEqualTo(e.getValue());
    }
    VerifyReport r = Verifier.verify(plan, out);
    assertThat(r.complete()).isTrue();
    assertThat(r.duplicated()).isEmpty();
    assertThat(r.extra()).isEmpty();
    List<String> temps = new ArrayList<>();
    try (var ds = Files.newDirectoryStream(ResultFile.dir(out), ".tmp-*")) {
      ds.forEach(p -> temps.add(p.toString()));
    }
    assertThat(temps).isEmpty();
  }

  @Test
  void removesStaleTemporaryFilesOfItsOwnShardOnly() throws Exception {
    Path planFile = writePlan(4);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    Files.createDirectories(ResultFile.dir(out));
    List<TrialSpec> mine = new Shard(0, 2).select(plan);
    List<TrialSpec> other = new Shard(1, 2).select(plan);
    Path staleMine = ResultFile.dir(out).resolve(AtomicFiles.TEMP_PREFIX + mine.get(0).id() + ".json-123-1");
    Path staleOther = ResultFile.dir(out).resolve(AtomicFiles.TEMP_PREFIX + other.get(0).id() + ".json-456-1");
    Files.writeString(staleMine, "{\"partial");
    Files.writeString(staleOther, "{\"partial");
    Generator.run(plan, planFile, new GenerateOptions(out, new Shard(0, 2), 1, 1, true, List.of()),
        new FakeExecutor(0));
    assertThat(staleMine).doesNotExist();
    assertThat(staleOther).exists();
  }

  private static int countResults(Path out) throws Exception {
    Path dir = ResultFile.dir(out);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var s = Files.list(dir)) {
      return (int) s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
    }
  }
}
