package org.nb201.train.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RSPS, SETN and ENAS continue an interrupted run to the uninterrupted result (C4 N1, real Fashion-MNIST). */
class SamplingResumeTest {
  @TempDir Path tmp;

  private static MethodOptions tiny(String method, int epochs) {
    if (method.equals(Enas.NAME)) {
      return Enas.builder().setAll(EnasTest.tiny(epochs).describe()).build();
    }
    return SamplingSearchTest.tiny(method, epochs).build();
  }

  @Test
  void resumeAfterKill9ReproducesTheUninterruptedRun() throws Exception {
    for (String method : List.of(Rsps.NAME, Setn.NAME, Enas.NAME)) {
      int epochs = 4;
      MethodOptions o = tiny(method, epochs);
      Path dir = tmp.resolve(method + "-killed");
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
          "-Dai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "2"),
          "-Dai.djl.pytorch.num_interop_threads=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
          "org.nb201.train.bench.SearchRunner", method, dir.toString(), "--quiet"));
      o.describe().forEach((k, v) -> {
        if (!k.equals("method")) {
          cmd.add(k + "=" + v);
        }
      });
      Path log = tmp.resolve(method + "-child.log");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Path runFile = dir.resolve(RunFolder.RUN_FILE);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (epochLines(runFile) < 1 && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(p.isAlive()).as("%s: the child still runs (log: %s)", method, Files.exists(log)
          ? Files.readString(log) : "").isTrue();
      p.destroyForcibly(); // SIGKILL
      assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).isEqualTo(137);
      assertThat(epochLines(runFile)).isBetween(1, epochs - 1);
      SearchResult resumed = SupernetSearch.run(o, dir, true, SearchListener.NONE);
      SearchResult whole = SupernetSearch.run(o, tmp.resolve(method + "-whole"), false, SearchListener.NONE);
      assertThat(records(resumed)).as(method)
          .isEqualTo(records(whole));
      assertThat(resumed.arch()).as(method).isEqualTo(whole.arch());
      List<String> lines = Files.readAllLines(runFile);
      assertThat(lines.stream().filter(l -> l.contains("\"type\":\"epoch\""))).hasSize(epochs);
      assertThat(lines.stream().filter(l -> l.contains("\"type\":\"resume\""))).hasSize(1);
      assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"result\"").contains(whole.arch().toString());

      if (!method.equals(Rsps.NAME)) {
        continue; // the three share the final selection's checkpoint code: one method covers it
      }
      // stopped after the last epoch's checkpoint, before the result: the final selection comes from it
      Path late = tmp.resolve(method + "-late");
      SearchListener stopAtTheEnd = new SearchListener() {
        @Override
        public void epochDone(SearchEpoch epoch) {
          if (epoch.epoch() == epochs - 1) {
            throw new IllegalStateException("stop");
          }
        }
      };
      assertThatThrownBy(() -> SupernetSearch.run(o, late, false, stopAtTheEnd)).hasMessage("stop");
      SearchResult finished = SupernetSearch.run(o, late, true, new SearchListener() {
        @Override
        public void epochStarted(int epoch, int batches) {
          throw new AssertionError("no epoch is left to run");
        }
      });
      assertThat(finished.arch()).as(method).isEqualTo(whole.arch());
      assertThat(records(finished)).isEqualTo(records(whole));
    }
  }

  /** The records without wall times as their JSON round trip gives them (a resumed run reads its first epochs back). */
  private static List<?> records(SearchResult r) {
    Gson gson = new Gson();
    return gson.fromJson(gson.toJson(SupernetSearchTest.withoutTimes(r)), List.class);
  }

  private static int epochLines(Path runFile) throws IOException {
    if (!Files.exists(runFile)) {
      return 0;
    }
    String text = new String(Files.readAllBytes(runFile), StandardCharsets.UTF_8);
    return (int) text.lines().filter(l -> l.contains("\"type\":\"epoch\"")).count();
  }
}
