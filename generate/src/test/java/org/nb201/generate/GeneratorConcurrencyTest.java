package org.nb201.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generators sharing one output directory, and what a killed generator leaves running: each trial
 * is trained once and logged once whatever the shard specs, and workers die with their parent.
 */
class GeneratorConcurrencyTest {
  @TempDir Path tmp;

  private Path writePlan(int archs) throws Exception {
    Plan p = Plan.of(PlanConfig.builder().optArchs("all").optSample(archs, 5).optHps(List.of(2)).build());
    Path f = tmp.resolve("plan.jsonl");
    p.write(f);
    return f;
  }

  @Test
  void twoGeneratorsWithOverlappingShardsInOneJvmTrainEachTrialOnce() throws Exception {
    Path planFile = writePlan(10);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    Map<String, Integer> trainings = new ConcurrentHashMap<>();
    FakeExecutor fake = new FakeExecutor(40);
    TrialExecutor counting = spec -> {
      trainings.merge(spec.id(), 1, Integer::sum);
      return fake.run(spec);
    };
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<GenerateSummary>> runs = new ArrayList<>();
      for (Shard shard : List.of(new Shard(0, 1), new Shard(0, 2))) {
        runs.add(pool.submit(() -> {
          start.await();
          return Generator.run(plan, planFile, new GenerateOptions(out, shard, 1, 1, true, List.of()), counting);
        }));
      }
      GenerateSummary all = runs.get(0).get(60, TimeUnit.SECONDS);
      GenerateSummary half = runs.get(1).get(60, TimeUnit.SECONDS);
      assertThat(trainings).hasSize(10).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
      assertThat(all.finished() + half.finished()).isEqualTo(10);
      assertThat(all.alreadyDone() + all.finished() + all.finishedElsewhere()).isEqualTo(10);
      assertThat(half.alreadyDone() + half.finished() + half.finishedElsewhere()).isEqualTo(5);
      assertThat(all.failures()).isEmpty();
      assertThat(half.failures()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    assertOneLinePerTrial(plan, out);
  }

  @Test
  void twoGeneratorProcessesWithOverlappingShardsTrainEachTrialOnce() throws Exception {
    Path planFile = writePlan(12);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    Path record = tmp.resolve("trainings.txt");
    List<Process> children = new ArrayList<>();
    for (String shard : List.of("0/1", "0/2")) {
      children.add(child(planFile, out, 150, shard, 1, record, "gen-" + shard.replace('/', '-')));
    }
    for (Process p : children) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("generator finished").isTrue();
      assertThat(p.exitValue()).as(Files.readString(tmp.resolve("gen-0-1.log"))).isZero();
    }
    Map<String, Integer> n = FakeExecutor.trainings(record);
    assertThat(n).hasSize(12).allSatisfy((id, k) -> assertThat(k).as("trainings of " + id).isEqualTo(1));
    assertOneLinePerTrial(plan, out);
  }

  @Test
  void workersDieWithTheirParentAndTheRerunTrainsEachRemainingTrialOnce() throws Exception {
    Path planFile = writePlan(4);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    Path record = tmp.resolve("trainings.txt");
    Process parent = child(planFile, out, 4000, "0/1", 2, record, "parent");
    // wait until the first two trials are done and the workers are one second into the next two
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (FakeExecutor.trainings(record).size() < 2 && System.nanoTime() < deadline && parent.isAlive()) {
      Thread.sleep(20);
    }
    Thread.sleep(1000);
    List<ProcessHandle> workers = parent.toHandle().children().toList();
    assertThat(parent.isAlive()).as(Files.readString(tmp.resolve("parent.log"))).isTrue();
    assertThat(workers).hasSize(2);
    Map<String, Long> mtimes = new HashMap<>();
    for (TrialSpec t : plan.trials()) {
      Path f = ResultFile.path(out, t.id());
      if (Files.exists(f)) {
        mtimes.put(t.id(), Files.getLastModifiedTime(f).toMillis());
      }
    }
    assertThat(mtimes).hasSize(2);
    parent.destroyForcibly().waitFor();
    long killed = System.nanoTime();
    while (workers.stream().anyMatch(GeneratorConcurrencyTest::running) && System.nanoTime() - killed < 10e9) {
      Thread.sleep(10);
    }
    double outlived = (System.nanoTime() - killed) / 1e9;
    assertThat(outlived).as("seconds the workers outlived their parent (each was 3 s from the end of its trial)")
        .isLessThan(1.5);
    // rerun at once, in this process
    GenerateSummary s = Generator.run(plan, planFile, new GenerateOptions(out, Shard.ALL, 1, 1, true, List.of()),
        new FakeExecutor(0, record));
    assertThat(s.alreadyDone()).isEqualTo(2);
    assertThat(s.finished()).isEqualTo(2);
    Thread.sleep(500); // an orphan that finished its trial after all would have recorded it by now
    assertThat(FakeExecutor.trainings(record)).hasSize(4)
        .allSatisfy((id, k) -> assertThat(k).as("trainings of " + id).isEqualTo(1));
    for (Map.Entry<String, Long> e : mtimes.entrySet()) {
      assertThat(Files.getLastModifiedTime(ResultFile.path(out, e.getKey())).toMillis()).isEqualTo(e.getValue());
    }
    assertOneLinePerTrial(plan, out);
  }

  @Test
  void aTrialWhoseLockIsHeldIsWaitedForAndItsResultAdopted() throws Exception {
    Path planFile = writePlan(3);
    Plan plan = Plan.read(planFile);
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    TrialSpec held = plan.trials().get(1);
    Map<String, Integer> trainings = new ConcurrentHashMap<>();
    FakeExecutor fake = new FakeExecutor(0);
    GenerateSummary s;
    boolean[] tempKept = {false};
    try (TrialLocks otherLocks = TrialLocks.open(out); Ledger otherLedger = Ledger.open(out)) {
      // another generator is training `held`: its lock taken, a half-written temporary file there
      FileLock lock = otherLocks.tryLock(held.id());
      assertThat(lock).isNotNull();
      Path temp = ResultFile.dir(out).resolve(AtomicFiles.TEMP_PREFIX + held.id() + ".json-999-1");
      Files.createDirectories(temp.getParent());
      Files.writeString(temp, "{\"partial");
      Thread finisher = new Thread(() -> {
        try {
          Thread.sleep(1500);
          tempKept[0] = Files.exists(temp);
          Files.deleteIfExists(temp);
          ResultFile.write(out, fake.run(held));
          otherLedger.append(held.id(), "done", 1.5, null);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          try {
            lock.release();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      });
      finisher.start();
      s = Generator.run(plan, planFile, new GenerateOptions(out, Shard.ALL, 1, 1, true, List.of()), spec -> {
        trainings.merge(spec.id(), 1, Integer::sum);
        return fake.run(spec);
      });
      finisher.join();
    }
    assertThat(tempKept[0]).as("the temporary file of a held trial is left alone").isTrue();
    assertThat(trainings).containsOnlyKeys(plan.trials().get(0).id(), plan.trials().get(2).id());
    assertThat(s.finished()).isEqualTo(2);
    assertThat(s.finishedElsewhere()).isEqualTo(1);
    assertOneLinePerTrial(plan, out);
  }

  /**
   * Whether a process still runs: an orphan that exited stays a zombie until init reaps it, which in
   * some containers takes seconds, and {@link ProcessHandle#isAlive} counts zombies as alive.
   */
  private static boolean running(ProcessHandle p) {
    if (!Files.isDirectory(Path.of("/proc/self"))) {
      return p.isAlive();
    }
    Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
    try {
      String s = Files.readString(stat);
      char state = s.charAt(s.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (java.io.IOException e) {
      return false; // gone meanwhile
    }
  }

  private Process child(Path plan, Path out, long sleepMillis, String shard, int workers, Path record, String log)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FakeGenerateMain.class.getName(),
        plan.toString(), out.toString(), Long.toString(sleepMillis), shard, Integer.toString(workers),
        record.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve(log + ".log").toFile()).start();
  }

  /** The results are complete and each trial has exactly one done-or-recovered line in the ledger. */
  private static void assertOneLinePerTrial(Plan plan, Path out) throws Exception {
    VerifyReport r = Verifier.verify(plan, out);
    assertThat(r.complete()).isTrue();
    assertThat(r.duplicated()).isEmpty();
    Map<String, Integer> lines = new HashMap<>();
    for (Ledger.Entry e : Ledger.read(out)) {
      if (e.event().equals("done") || e.event().equals("recovered")) {
        lines.merge(e.id(), 1, Integer::sum);
      }
    }
    assertThat(lines).hasSize(plan.trials().size()).allSatisfy((id, k) -> assertThat(k).as(id).isEqualTo(1));
  }
}
