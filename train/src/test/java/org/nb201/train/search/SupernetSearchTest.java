package org.nb201.train.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.Op;
import org.nb201.train.TestData;
import org.nb201.train.data.DataException;

/** Whole searches at tiny scale (C4 N1, 128 training and 64 validation images of real Fashion-MNIST). */
class SupernetSearchTest {
  @TempDir Path tmp;

  private static SearchSettings.Builder<?> tiny(String method, int epochs) {
    return SearchMethods.builder(method).setDataset(Dataset.FASHION_MNIST).setDataDir(TestData.fashion())
        .optVerifyData(false).optShape(4, 1).optTrainLimit(128).optValidLimit(64).optBatchSize(32).optEpochs(epochs)
        .optSeed(11);
  }

  /** The records without wall times, for comparing runs. */
  static List<Map<String, Object>> withoutTimes(SearchResult r) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SearchEpoch e : r.epochs()) {
      Map<String, Object> m = new java.util.LinkedHashMap<>(e.toMap());
      m.remove("seconds");
      out.add(m);
    }
    return out;
  }

  @Test
  void eachGradientMethodReturnsACellWithCompleteRecords() throws Exception {
    for (String method : List.of(DartsV1.NAME, DartsV2.NAME, Gdas.NAME)) {
      MethodOptions o = tiny(method, 2).build();
      SearchResult r = SupernetSearch.run(o, SearchListener.NONE);
      assertThat(r.method()).isEqualTo(method);
      assertThat(r.epochs()).hasSize(2);
      assertThat(r.archIndex()).isBetween(0, Arch.COUNT - 1);
      assertThat(r.arch()).isEqualTo(r.epochs().get(1).genotype());
      assertThat(r.config()).isEqualTo(o.describe());
      assertThat(r.provenance()).containsKeys("tool_version", "engine", "machine", "inputs", "seeds");
      for (SearchEpoch e : r.epochs()) {
        assertThat(e.lr()).isEqualTo(o.settings().lrOf(e.epoch()));
        assertThat(e.images()).isEqualTo(128);
        assertThat(e.seconds()).isPositive();
        assertThat(e.trainLoss()).isFinite().isPositive();
        assertThat(e.archLoss()).isFinite().isPositive();
        assertThat(e.trainTop5()).isBetween(e.trainTop1(), 100.0);
        // the genotype is the per-edge argmax of alpha, whose softmax rows are recorded
        for (int edge = 0; edge < 6; edge++) {
          double[] row = e.alphaSoftmax()[edge];
          assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1, within(1e-5));
          int best = 0;
          for (int k = 1; k < 5; k++) {
            best = row[k] > row[best] ? k : best;
          }
          assertThat(e.genotype().op(edge)).isEqualTo(Op.ofIndex(best));
        }
        if (method.equals(Gdas.NAME)) {
          assertThat(e.validTop1()).isNaN();
          assertThat((Double) e.info().get("tau")).isEqualTo(e.epoch() == 0 ? 10 : 0.1, within(1e-12));
        } else {
          assertThat(e.validTop1()).isBetween(0.0, 100.0);
          assertThat(e.info()).isEmpty();
        }
      }
      assertThat(r.toMap()).containsKeys("method", "arch", "arch_index", "seconds", "epochs", "config", "provenance");
    }
  }

  @Test
  void resumeAfterAnInterruptionReproducesTheUninterruptedRun() throws Exception {
    for (String method : List.of(DartsV1.NAME, DartsV2.NAME)) {
      MethodOptions o = tiny(method, 3).build();
      SearchResult whole = SupernetSearch.run(o, tmp.resolve(method + "-whole"), false, SearchListener.NONE);
      Path dir = tmp.resolve(method + "-cut");
      SearchListener stopAfterFirst = new SearchListener() {
        @Override
        public void epochDone(SearchEpoch epoch) {
          throw new IllegalStateException("stop");
        }
      };
      assertThatThrownBy(() -> SupernetSearch.run(o, dir, false, stopAfterFirst)).hasMessage("stop");
      SearchResult resumed = SupernetSearch.run(o, dir, true, SearchListener.NONE);
      assertThat(withoutTimes(resumed)).as(method).isEqualTo(withoutTimes(whole));
      assertThat(resumed.arch()).isEqualTo(whole.arch());
      // a finished run's result comes back from its folder without searching again
      SearchResult again = SupernetSearch.run(o, dir, true, new SearchListener() {
        @Override
        public void epochStarted(int epoch, int batches) {
          throw new AssertionError("a finished run was searched again");
        }
      });
      assertThat(withoutTimes(again)).isEqualTo(withoutTimes(whole));
    }
  }

  @Test
  void resumeAfterKill9ReproducesTheUninterruptedRun() throws Exception {
    MethodOptions o = tiny(Gdas.NAME, 6).build();
    Path dir = tmp.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "2"),
        "-Dai.djl.pytorch.num_interop_threads=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
        "org.nb201.train.bench.SearchRunner", Gdas.NAME, dir.toString(), "--quiet"));
    o.describe().forEach((k, v) -> {
      if (!k.equals("method")) {
        cmd.add(k + "=" + v);
      }
    });
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
        .start();
    Path runFile = dir.resolve(RunFolder.RUN_FILE);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (epochLines(runFile) < 2 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the child still runs (log: %s)", Files.exists(tmp.resolve("child.log"))
        ? Files.readString(tmp.resolve("child.log")) : "").isTrue();
    p.destroyForcibly(); // SIGKILL
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isEqualTo(137);
    int recorded = epochLines(runFile);
    assertThat(recorded).isBetween(2, 5);
    SearchResult resumed = SupernetSearch.run(o, dir, true, SearchListener.NONE);
    SearchResult whole = SupernetSearch.run(o, tmp.resolve("whole"), false, SearchListener.NONE);
    assertThat(withoutTimes(resumed)).isEqualTo(withoutTimes(whole));
    assertThat(resumed.arch()).isEqualTo(whole.arch());
    List<String> lines = Files.readAllLines(runFile);
    assertThat(lines.get(0)).contains("\"type\":\"config\"");
    assertThat(lines.stream().filter(l -> l.contains("\"type\":\"epoch\""))).hasSize(6);
    assertThat(lines.stream().filter(l -> l.contains("\"type\":\"resume\""))).hasSize(1);
    assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"result\"").contains(whole.arch().toString());
  }

  private static int epochLines(Path runFile) throws IOException {
    if (!Files.exists(runFile)) {
      return 0;
    }
    String text = new String(Files.readAllBytes(runFile), StandardCharsets.UTF_8);
    return (int) text.lines().filter(l -> l.contains("\"type\":\"epoch\"")).count();
  }

  @Test
  void refusesRunFoldersThatDoNotFit() throws Exception {
    MethodOptions o = tiny(DartsV1.NAME, 1).build();
    Path dir = tmp.resolve("run");
    SupernetSearch.run(o, dir, false, SearchListener.NONE);
    assertThatThrownBy(() -> SupernetSearch.run(o, dir, false, SearchListener.NONE))
        .isInstanceOf(RunFolderException.class).hasMessage(dir + " already holds a run (run.jsonl); resume it or"
            + " choose another run folder");
    MethodOptions other = tiny(DartsV1.NAME, 1).optSeed(12).build();
    assertThatThrownBy(() -> SupernetSearch.run(other, dir, true, SearchListener.NONE))
        .isInstanceOf(RunFolderException.class)
        .hasMessage("the run in " + dir + " was started with seed=11, not 12; resume it with its own settings");
    assertThatThrownBy(() -> SupernetSearch.run(o, tmp.resolve("none"), true, SearchListener.NONE))
        .isInstanceOf(RunFolderException.class).hasMessage("nothing to resume in " + tmp.resolve("none")
            + " (no run.jsonl)");
  }

  @Test
  void refusesADamagedCheckpointOrRunFileNamingIt() throws Exception {
    MethodOptions o = tiny(DartsV1.NAME, 3).build();
    Path dir = tmp.resolve("run");
    SearchListener stop = new SearchListener() {
      @Override
      public void epochDone(SearchEpoch epoch) {
        throw new IllegalStateException("stop");
      }
    };
    assertThatThrownBy(() -> SupernetSearch.run(o, dir, false, stop)).hasMessage("stop");
    Path ckpt = dir.resolve(RunFolder.CHECKPOINT);
    byte[] good = Files.readAllBytes(ckpt);
    try (RandomAccessFile f = new RandomAccessFile(ckpt.toFile(), "rw")) {
      f.seek(good.length / 2);
      int b = f.read();
      f.seek(good.length / 2);
      f.write(b ^ 0x10);
    }
    assertThatThrownBy(() -> SupernetSearch.run(o, dir, true, SearchListener.NONE))
        .isInstanceOf(RunFolderException.class).hasMessage("checkpoint " + ckpt + " is damaged (checksum mismatch);"
            + " restore it from a backup or start a new run in another folder");
    Files.write(ckpt, java.util.Arrays.copyOf(good, good.length - 100));
    assertThatThrownBy(() -> SupernetSearch.run(o, dir, true, SearchListener.NONE))
        .isInstanceOf(RunFolderException.class).hasMessageContaining("checkpoint " + ckpt + " is damaged");
    Files.write(ckpt, good);
    Path runFile = dir.resolve(RunFolder.RUN_FILE);
    List<String> lines = Files.readAllLines(runFile);
    Files.write(runFile, List.of(lines.get(0), "{\"type\":\"epoch\",\"epoch\":0,\"lr\":"));
    assertThatThrownBy(() -> SupernetSearch.run(o, dir, true, SearchListener.NONE))
        .isInstanceOf(RunFolderException.class).hasMessage("run file " + runFile + " is damaged at line 2 (not a JSON"
            + " object)");
    Files.writeString(runFile, String.join("\n", lines), StandardOpenOption.TRUNCATE_EXISTING);
    assertThatThrownBy(() -> SupernetSearch.run(o, dir, true, SearchListener.NONE))
        .isInstanceOf(RunFolderException.class).hasMessage("run file " + runFile + " is damaged (its last line is"
            + " incomplete)");
    Files.write(runFile, lines); // repaired: the run continues
    SearchResult r = SupernetSearch.run(o, dir, true, SearchListener.NONE);
    assertThat(r.epochs()).hasSize(3);
  }

  @Test
  void badDataSettingsAreOneLineErrors() {
    assertThatThrownBy(() -> SupernetSearch.run(tiny(DartsV1.NAME, 1).optBatchSize(129).build(), SearchListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batch size 129 is larger than the 128 training images");
    Path missing = tmp.resolve("no-data");
    assertThatThrownBy(() -> SupernetSearch.run(tiny(DartsV1.NAME, 1).setDataDir(missing).build(), SearchListener.NONE))
        .isInstanceOf(DataException.class).hasMessageContaining(missing.toString()).hasMessageNotContaining("\n");
    assertThatThrownBy(() -> SupernetSearch.run(tiny(DartsV1.NAME, 1).setDataset(Dataset.CIFAR10).build(),
        SearchListener.NONE)).hasMessageStartingWith("cifar10 trains on all 50k images");
  }
}
