package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;
import org.nb201.space.algorithm.AlgorithmProvider;
import org.nb201.space.algorithm.Algorithms;

/**
 * {@code nb201 search <darts-v1|darts-v2|gdas>} end to end on real Fashion-MNIST at tiny scale (C4 N1, 128
 * training and 64 validation images, batch 32, one thread): the cell, the run folder, the JSON, store lookups,
 * resume after a finished and after a killed run, and the one-line errors.
 */
class WeightSharingSearchCommandTest {
  @TempDir Path tmp;

  /** The tiny search arguments for {@code method}, plus {@code more}. */
  private static List<String> tiny(String method, int epochs, String... more) {
    List<String> a = new ArrayList<>(List.of("search", method, "--dataset", "fashion-mnist", "--data-dir",
        Fixtures.fashion().toString(), "--no-verify", "--epochs", Integer.toString(epochs), "--C", "4", "--N", "1",
        "--train-limit", "128", "--valid-limit", "64", "--batch-size", "32", "--threads", "1", "--seed", "5",
        "--quiet"));
    a.addAll(List.of(more));
    return a;
  }

  private static CliRun ok(List<String> args) {
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r;
  }

  private static JsonObject json(List<String> args) {
    List<String> a = new ArrayList<>(args);
    a.add("--json");
    return JsonParser.parseString(ok(a).out()).getAsJsonObject();
  }

  /** The epoch records without wall times, for comparing runs. */
  private static List<JsonObject> withoutTimes(JsonObject result) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : result.getAsJsonArray("epochs")) {
      JsonObject o = e.getAsJsonObject().deepCopy();
      o.remove("seconds");
      out.add(o);
    }
    return out;
  }

  @Test
  void eachMethodReturnsAValidCellPrintsEveryEpochAndWritesTheRunFolder() throws Exception {
    for (String method : List.of("darts-v1", "darts-v2", "gdas")) {
      Path run = tmp.resolve(method);
      CliRun r = ok(tiny(method, 2, "--out", run.toString()));
      String[] lines = r.lines();
      assertThat(lines[0]).isEqualTo(method + " on fashion-mnist  C4 N1  batch 32  bn-track 0  seed 5  2 epochs");
      assertThat(lines[1]).startsWith("epoch").endsWith("genotype");
      // one row per epoch, each ending with that epoch's genotype, which parses as a cell
      List<Arch> genotypes = new ArrayList<>();
      for (int e = 0; e < 2; e++) {
        String[] cols = lines[2 + e].trim().split("\\s+");
        assertThat(cols[0]).isEqualTo(Integer.toString(e));
        assertThat(cols[3]).isEqualTo("128");
        genotypes.add(Arch.parse(cols[cols.length - 1]));
      }
      assertThat(lines[4]).startsWith("cell ");
      String[] cell = lines[4].split(" ");
      Arch arch = Arch.parse(cell[2]);
      assertThat(Integer.parseInt(cell[1])).isEqualTo(SearchSpace.official().indexOf(arch));
      assertThat(arch).as(method + ": the answer is the last epoch's argmax").isEqualTo(genotypes.get(1));
      assertThat(r.out()).contains("searched 2 epochs in ").contains("run folder: " + run);
      List<String> file = Files.readAllLines(run.resolve("run.jsonl"));
      assertThat(file).hasSize(4);
      assertThat(file.get(0)).contains("\"type\":\"config\"").contains("\"method\":\"" + method + "\"");
      assertThat(file.get(3)).contains("\"type\":\"result\"").contains("\"arch\":\"" + arch + "\"");
      assertThat(run.resolve("checkpoint.bin")).isNotEmptyFile();
    }
  }

  @Test
  void jsonHoldsTheCellEveryEpochWithAlphaAndTheProvenance() {
    JsonObject o = json(tiny("gdas", 2, "--tau-max", "5"));
    assertThat(o.get("algorithm").getAsString()).isEqualTo("gdas");
    JsonArray epochs = o.getAsJsonArray("epochs");
    assertThat(epochs).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonObject e = epochs.get(i).getAsJsonObject();
      assertThat(e.keySet()).contains("epoch", "lr", "seconds", "images", "train_loss", "train_top1", "train_top5",
          "arch_loss", "arch_top1", "arch_top5", "genotype", "genotype_index", "alpha_softmax", "tau");
      assertThat(e.get("epoch").getAsInt()).isEqualTo(i);
      assertThat(e.get("images").getAsInt()).isEqualTo(128);
      // the temperature falls linearly from --tau-max to the official 0.1 (GDAS.py)
      assertThat(e.get("tau").getAsDouble()).isCloseTo(i == 0 ? 5 : 0.1, within(1e-12));
      JsonArray alpha = e.getAsJsonArray("alpha_softmax");
      assertThat(alpha).hasSize(6);
      for (JsonElement row : alpha) {
        double sum = 0;
        for (JsonElement x : row.getAsJsonArray()) {
          sum += x.getAsDouble();
        }
        assertThat(row.getAsJsonArray()).hasSize(5);
        assertThat(sum).isCloseTo(1, within(1e-5));
      }
      Arch g = Arch.parse(e.get("genotype").getAsString());
      assertThat(e.get("genotype_index").getAsInt()).isEqualTo(SearchSpace.official().indexOf(g));
    }
    assertThat(o.get("arch").getAsString()).isEqualTo(epochs.get(1).getAsJsonObject().get("genotype").getAsString());
    assertThat(o.get("arch_index").getAsInt()).isEqualTo(SearchSpace.official().indexOf(Arch.parse(
        o.get("arch").getAsString())));
    JsonObject config = o.getAsJsonObject("config");
    assertThat(config.get("method").getAsString()).isEqualTo("gdas");
    assertThat(config.get("C").getAsInt()).isEqualTo(4);
    assertThat(config.get("N").getAsInt()).isEqualTo(1);
    assertThat(config.get("epochs").getAsInt()).isEqualTo(2);
    assertThat(config.get("seed").getAsInt()).isEqualTo(5);
    assertThat(config.get("tau_max").getAsDouble()).isEqualTo(5);
    JsonObject p = o.getAsJsonObject("provenance");
    assertThat(p.keySet()).contains("tool_version", "engine", "machine", "inputs", "seeds", "cli_version");
    assertThat(p.getAsJsonObject("engine").get("threads").getAsInt()).isEqualTo(1);
    assertThat(p.getAsJsonArray("inputs").get(0).getAsJsonObject().get("role").getAsString()).isEqualTo("data");
    assertThat(o.has("metrics")).as("no store, no lookup").isFalse();
  }

  @Test
  void storeLookupHasTheColumnsOfSearchReaAndTheStoresBestCells() {
    Path store = tmp.resolve("nats.db");
    ok(List.of("import", "nats", Fixtures.natsSample().toString(), "--out", store.toString(), "--threads", "1",
        "--quiet"));
    JsonObject ws = json(tiny("darts-v1", 1, "--store", store.toString()));
    JsonObject rea = JsonParser.parseString(ok(List.of("search", "rea", "--store", store.toString(), "--runs", "3",
        "--json")).out()).getAsJsonObject();
    JsonObject wm = ws.getAsJsonObject("metrics");
    JsonObject rm = rea.getAsJsonObject("metrics");
    assertThat(wm.keySet()).containsExactlyElementsOf(rm.keySet()).hasSize(6);
    Arch arch = Arch.parse(ws.get("arch").getAsString());
    int index = SearchSpace.official().indexOf(arch);
    boolean inSample = index == 0 || index == 11; // the sample's two cells
    for (String key : wm.keySet()) {
      JsonObject w = wm.getAsJsonObject(key);
      JsonObject r = rm.getAsJsonObject(key);
      assertThat(w.keySet()).containsAll(List.of("mean", "std", "runs_with_value", "best_in_store", "best_index"));
      assertThat(w.get("best_in_store").getAsDouble()).isEqualTo(r.get("best_in_store").getAsDouble());
      assertThat(w.get("best_index").getAsInt()).isEqualTo(r.get("best_index").getAsInt());
      if (!inSample) {
        assertThat(w.get("mean").isJsonNull()).isTrue();
        assertThat(w.get("missing").getAsString()).isEqualTo("the searched cell has no hp 200 data for " + key);
      }
      // each epoch's genotype is looked up on the same columns
      JsonObject bench = ws.getAsJsonArray("epochs").get(0).getAsJsonObject().getAsJsonObject("benchmark");
      assertThat(bench.keySet()).containsExactlyElementsOf(wm.keySet());
    }
    assertThat(ws.get("store").getAsString()).isEqualTo(store.toString());
    assertThat(ws.get("hp").getAsInt()).isEqualTo(200);
    JsonArray inputs = ws.getAsJsonObject("provenance").getAsJsonArray("inputs");
    assertThat(inputs.get(inputs.size() - 1).getAsJsonObject().get("role").getAsString()).isEqualTo("store");
  }

  @Test
  void storeLookupOfTheSearchedCellGivesTheStoresValueAndAFinishedRunResumesWithoutSearching() throws Exception {
    Path run = tmp.resolve("run");
    JsonObject first = json(tiny("darts-v1", 1, "--out", run.toString()));
    String arch = first.get("arch").getAsString();
    // a store of our own that holds the searched cell: one real 1-epoch training of it
    Path store = tmp.resolve("own.db");
    ok(List.of("train", "--arch", arch, "--dataset", "fashion-mnist", "--data-dir", Fixtures.fashion().toString(),
        "--no-verify", "--hp", "1", "--C", "4", "--N", "1", "--train-limit", "64", "--eval-limit", "32",
        "--batch-size", "32", "--threads", "1", "--quiet", "--store", store.toString()));
    JsonObject q = JsonParser.parseString(ok(List.of("query", store.toString(), arch, "--dataset", "fashion-mnist",
        "--hp", "1", "--mean", "--json")).out()).getAsJsonObject();
    // the finished run is printed again from its folder (its seconds show it was not searched again)
    long before = Files.size(run.resolve("run.jsonl"));
    JsonObject again = json(tiny("darts-v1", 1, "--out", run.toString(), "--resume", "--store", store.toString(),
        "--hp", "1"));
    assertThat(Files.size(run.resolve("run.jsonl"))).isEqualTo(before);
    assertThat(again.get("arch").getAsString()).isEqualTo(arch);
    JsonObject epoch = withoutTimes(again).get(0);
    epoch.remove("benchmark");
    assertThat(epoch).isEqualTo(withoutTimes(first).get(0));
    assertThat(again.get("epochs").getAsJsonArray().get(0).getAsJsonObject().get("seconds"))
        .isEqualTo(first.get("epochs").getAsJsonArray().get(0).getAsJsonObject().get("seconds"));
    JsonObject m = again.getAsJsonObject("metrics");
    assertThat(m.keySet()).contains("fashion-mnist/x-valid");
    double stored = q.get("valid-accuracy").getAsDouble();
    assertThat(m.getAsJsonObject("fashion-mnist/x-valid").get("mean").getAsDouble()).isEqualTo(stored);
    assertThat(m.getAsJsonObject("fashion-mnist/x-valid").get("best_index").getAsInt())
        .isEqualTo(SearchSpace.official().indexOf(Arch.parse(arch)));
    assertThat(again.getAsJsonArray("epochs").get(0).getAsJsonObject().getAsJsonObject("benchmark")
        .get("fashion-mnist/x-valid").getAsDouble()).isEqualTo(stored);
  }

  @Test
  void resumeAfterKill9ContinuesToTheUninterruptedResult() throws Exception {
    Path run = tmp.resolve("killed");
    List<String> args = tiny("gdas", 4, "--out", run.toString());
    Process p = Child.start(tmp.resolve("child.log"), args.toArray(String[]::new));
    Path runFile = run.resolve("run.jsonl");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (epochLines(runFile) < 1 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the child still runs: %s", Files.exists(tmp.resolve("child.log"))
        ? Files.readString(tmp.resolve("child.log")) : "").isTrue();
    p.destroyForcibly(); // SIGKILL
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(epochLines(runFile)).isBetween(1, 3);
    List<String> resume = new ArrayList<>(args);
    resume.add("--resume");
    JsonObject resumed = json(resume);
    JsonObject whole = json(tiny("gdas", 4, "--out", tmp.resolve("whole").toString()));
    assertThat(withoutTimes(resumed)).isEqualTo(withoutTimes(whole));
    assertThat(resumed.get("arch")).isEqualTo(whole.get("arch"));
    assertThat(Files.readString(runFile)).contains("\"type\":\"resume\"");
  }

  private static int epochLines(Path runFile) throws Exception {
    if (!Files.exists(runFile)) {
      return 0;
    }
    return (int) new String(Files.readAllBytes(runFile), StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("\"type\":\"epoch\"")).count();
  }

  @Test
  void badInputIsOneLineAndExitCode2() throws Exception {
    String missing = tmp.resolve("missing").toString();
    Path finished = tmp.resolve("finished");
    ok(tiny("darts-v1", 1, "--out", finished.toString()));
    // damaged run file: a torn last line
    Path torn = tmp.resolve("torn");
    Files.createDirectories(torn);
    List<String> lines = Files.readAllLines(finished.resolve("run.jsonl"));
    Files.writeString(torn.resolve("run.jsonl"), lines.get(0) + "\n" + lines.get(1).substring(0, 40));
    // damaged checkpoint: the run stopped after its last checkpoint, then a byte of it flipped
    Path flipped = tmp.resolve("flipped");
    Files.createDirectories(flipped);
    Files.writeString(flipped.resolve("run.jsonl"), lines.get(0) + "\n" + lines.get(1) + "\n");
    Path ckpt = flipped.resolve("checkpoint.bin");
    Files.copy(finished.resolve("checkpoint.bin"), ckpt);
    try (RandomAccessFile f = new RandomAccessFile(ckpt.toFile(), "rw")) {
      f.seek(f.length() / 2);
      int b = f.read();
      f.seek(f.length() / 2);
      f.write(b ^ 0x10);
    }
    Map<String, List<String>> cases = new TreeMap<>();
    cases.put("unknown search algorithm 'darts-v3'; expected one of ", tiny("darts-v3", 1));
    cases.put("--epochs must be at least 1, got 0", tiny("gdas", 0));
    cases.put("batch size 256 is larger than the 128 training images",
        replace(tiny("darts-v1", 1), "--batch-size", "256"));
    cases.put("--data-dir " + missing + " does not exist; expected an existing folder",
        replace(tiny("gdas", 1), "--data-dir", missing));
    cases.put("run file " + torn.resolve("run.jsonl") + " is damaged (its last line is incomplete)",
        tiny("darts-v1", 1, "--out", torn.toString(), "--resume"));
    cases.put("checkpoint " + ckpt + " is damaged (checksum mismatch)",
        tiny("darts-v1", 1, "--out", flipped.toString(), "--resume"));
    cases.put("--resume needs --out RUN, the run folder of the run to continue", tiny("gdas", 1, "--resume"));
    cases.put("nothing to resume in " + missing + " (no run.jsonl)", tiny("gdas", 1, "--out", missing, "--resume"));
    cases.put(finished + " already holds a run (run.jsonl)", tiny("darts-v1", 1, "--out", finished.toString()));
    cases.put("--bn-track must be 0 or 1, got 2", tiny("gdas", 1, "--bn-track", "2"));
    cases.put("--runs is an option of the benchmark-driven algorithms, not of gdas", tiny("gdas", 1, "--runs", "3"));
    cases.put("--epochs is an option of the weight-sharing methods, not of rea",
        List.of("search", "rea", "--store", missing, "--epochs", "3"));
    cases.put("rea needs --store S, the benchmark store it searches", List.of("search", "rea"));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      CliRun r = CliRun.of(c.getValue().toArray(String[]::new));
      assertThat(r.exitCode()).as(c.getKey() + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().strip()).as(c.getKey()).startsWith("nb201: error: " + c.getKey()).doesNotContain("\n")
          .doesNotContain("Exception");
      assertThat(r.out()).as(c.getKey()).doesNotContain("cell ");
    }
  }

  private static List<String> replace(List<String> args, String flag, String value) {
    List<String> a = new ArrayList<>(args);
    a.set(a.indexOf(flag) + 1, value);
    return a;
  }

  @Test
  void helpListsEveryAlgorithmWithWhatItNeeds() {
    CliRun r = ok(List.of("search", "--help"));
    String footer = r.out().substring(r.out().indexOf("Algorithms:"));
    String flat = footer.replaceAll("\\s+", " ");
    for (AlgorithmProvider p : Algorithms.all()) {
      assertThat(footer).contains("\n  " + p.name() + " ");
      assertThat(flat).contains(p.name() + " " + p.description().replaceAll("\\s+", " ") + "; needs "
          + p.needs().description());
    }
    assertThat(Algorithms.names()).contains("rs", "rea", "reinforce", "bohb", "darts-v1", "darts-v2", "gdas");
    assertThat(r.out()).contains("--resume").contains("--bn-track").contains("--tau-max").contains("--hvp-r");
  }
}
