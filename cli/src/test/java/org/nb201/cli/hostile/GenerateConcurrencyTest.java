package org.nb201.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.cli.Nb201;
import org.nb201.generate.Ledger;

/**
 * The real {@code nb201 generate} and {@code nb201 worker} under concurrency and crashes: two
 * generators with overlapping shards on one folder train each trial once, and a worker whose
 * generator is gone stops at once instead of training on.
 */
class GenerateConcurrencyTest {
  private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
  @TempDir Path tmp;

  private static String nb201(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Nb201.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(String.join(" ", args) + ": " + err).isEqualTo(expectedCode);
    return out.toString();
  }

  private Path plan(String archs) {
    Path plan = tmp.resolve("plan.jsonl");
    nb201(0, "plan", "--archs", archs, "--datasets", "fashion-mnist", "--hp", "1", "--seeds", "777", "--C", "4",
        "--N", "1", "--train-limit", "128", "--eval-limit", "64", "--batch-size", "64", "--out", plan.toString());
    return plan;
  }

  private Process start(Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"),
        Nb201.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void generatesWithOverlappingShardsOnOneFolderTrainEachTrialOnce() throws Exception {
    assumeTrue(Files.isRegularFile(FASHION.resolve("train-images-idx3-ubyte.gz")),
        "Fashion-MNIST not installed: run 'apt-get install dataset-fashion-mnist'");
    Path plan = plan("11472,1462,1835,1651");
    Path out = tmp.resolve("out");
    List<Process> runs = new ArrayList<>();
    for (String shard : List.of("0/1", "0/2")) {
      runs.add(start(tmp.resolve("gen-" + shard.charAt(2) + ".log"), "generate", "--plan", plan.toString(), "--out",
          out.toString(), "--shard", shard, "--data-dir", FASHION.toString(), "--quiet"));
    }
    for (Process p : runs) {
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    }
    String logs = Files.readString(tmp.resolve("gen-1.log")) + Files.readString(tmp.resolve("gen-2.log"));
    assertThat(runs).as(logs).allSatisfy(p -> assertThat(p.exitValue()).isZero());
    assertThat(nb201(0, "verify", out.toString(), "--plan", plan.toString()))
        .contains("4 done, 0 missing, 0 corrupt, 0 duplicated in the ledger, 0 extra files");
    Map<String, Integer> lines = new HashMap<>();
    for (Ledger.Entry e : Ledger.read(out)) {
      if (e.event().equals("done") || e.event().equals("recovered")) {
        lines.merge(e.id(), 1, Integer::sum);
      }
    }
    assertThat(lines).as(logs).hasSize(4).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
  }

  @Test
  void aWorkerWhoseGeneratorDiesStopsAtOnce() throws Exception {
    Path plan = plan("1");
    Path out = tmp.resolve("out");
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Process orphan = start(tmp.resolve("orphan.log"), "worker", "--plan", plan.toString(), "--out", out.toString(),
        "--parent-pid", Long.toString(gone.pid()));
    assertThat(orphan.waitFor(60, TimeUnit.SECONDS)).as("a worker started for a dead generator exits").isTrue();
    assertThat(orphan.exitValue()).isEqualTo(3);

    Process parent = new ProcessBuilder("sleep", "120").start();
    Process worker = start(tmp.resolve("worker.log"), "worker", "--plan", plan.toString(), "--out", out.toString(),
        "--parent-pid", Long.toString(parent.pid()));
    try {
      Thread.sleep(3000); // the worker waits for trial ids on its still open input
      assertThat(worker.isAlive()).as(Files.readString(tmp.resolve("worker.log"))).isTrue();
      parent.destroyForcibly().waitFor();
      long killed = System.nanoTime();
      assertThat(worker.waitFor(10, TimeUnit.SECONDS)).as("the worker stops when its generator dies").isTrue();
      assertThat((System.nanoTime() - killed) / 1e9).isLessThan(2.0);
      assertThat(worker.exitValue()).isEqualTo(3);
      assertThat(Files.readString(tmp.resolve("worker.log"))).contains("died; stopping without finishing");
    } finally {
      worker.destroyForcibly();
      parent.destroyForcibly();
    }
  }
}
