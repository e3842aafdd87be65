package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.SearchRun;
import org.nb201.bench.store.Store;
import org.nb201.generate.ResultFile;
import org.nb201.generate.search.SearchKind;
import org.nb201.generate.search.SearchPlan;
import org.nb201.generate.search.SearchTrial;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Provenance;

/**
 * Weight-sharing searches as trials, end to end on real Fashion-MNIST at tiny scale (C4 N1, 200
 * training and 100 validation images, batch 32): plan, generate on the local pool, verify, collect
 * into the store's searches table, checked against each search's own run file; a damaged result
 * refused by name; a generate killed with {@code kill -9} mid-search finishing, on rerun, with the
 * cell and per-epoch genotypes of an uninterrupted run.
 */
class SearchTrialsCommandTest {
  @TempDir Path tmp;

  private static CliRun plan(Path plan, String methods, int epochs) {
    CliRun r = CliRun.of("plan", "--search", methods, "--dataset", "fashion-mnist", "--seeds", "0", "--epochs",
        Integer.toString(epochs), "--C", "4", "--N", "1", "--train-limit", "200", "--valid-limit", "100",
        "--batch-size", "32", "--out", plan.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r;
  }

  private static CliRun generate(Path plan, Path out, Path data, String workers) {
    return CliRun.of("generate", "--plan", plan.toString(), "--out", out.toString(), "--workers", workers,
        "--threads-per-worker", "1", "--data-dir", data.toString(), "--quiet");
  }

  /** The lines of a search's run file (the search library's own record), as JSON objects. */
  private static List<JsonObject> runFile(Path out, SearchTrial t) throws Exception {
    List<JsonObject> lines = new ArrayList<>();
    for (String l : Files.readAllLines(SearchKind.runDir(out, t).resolve("run.jsonl"))) {
      lines.add(JsonParser.parseString(l).getAsJsonObject());
    }
    return lines;
  }

  private static List<String> genotypes(List<JsonObject> runFile) {
    return runFile.stream().filter(o -> o.get("type").getAsString().equals("epoch"))
        .map(o -> o.get("genotype").getAsString()).toList();
  }

  private static String chosen(List<JsonObject> runFile) {
    return runFile.stream().filter(o -> o.get("type").getAsString().equals("result")).findFirst().orElseThrow()
        .get("arch").getAsString();
  }

  @Test
  void planGenerateVerifyCollectPutsEverySearchEpochInTheStore() throws Exception {
    Path data = Fixtures.fashion();
    Path plan = tmp.resolve("searches.jsonl");
    CliRun p = plan(plan, "darts-v1,gdas", 2);
    assertThat(p.out()).startsWith("wrote " + plan + ": 2 searches (2 methods x 1 datasets x 1 seeds)")
        .contains("darts-v1: 2 epochs, C4 N1; changed from the official settings: C=4 N=1 batch_size=32 epochs=2"
            + " train_limit=200 valid_limit=100");
    Path out = tmp.resolve("out");
    CliRun g = generate(plan, out, data, "2");
    assertThat(g.exitCode()).as(g.out() + g.err()).isZero();
    assertThat(g.out()).contains("2 searches, 0 already done, 2 finished now, 0 failed");
    CliRun v = CliRun.of("verify", out.toString(), "--plan", plan.toString());
    assertThat(v.exitCode()).as(v.out()).isZero();
    assertThat(v.out()).contains("2 searches in the plan: 2 done, 0 missing, 0 corrupt, 0 duplicated")
        .endsWith("complete\n");
    Path store = tmp.resolve("s.duckdb");
    CliRun c = CliRun.of("collect", out.toString(), "--plan", plan.toString(), "--out", store.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    assertThat(c.out()).contains("2 searches added (0 replacing one in the store)");
    CliRun info = CliRun.of("info", store.toString());
    assertThat(info.out()).contains("proxies 0, searches 4");
    SearchPlan sp = SearchPlan.read(plan);
    try (Store s = Store.open(store)) {
      assertThat(s.reader().rowCount("searches")).isEqualTo(4);
      List<SearchRun> runs = s.reader().searches();
      assertThat(runs).extracting(SearchRun::method).containsExactly("darts-v1", "gdas");
      List<Provenance> prov = s.reader().provenance();
      for (SearchRun r : runs) {
        SearchTrial t = sp.byId().get(r.search());
        assertThat(t).as("stored search %s is a search of the plan", r.search()).isNotNull();
        Path file = ResultFile.path(out, t.id());
        JsonObject result = JsonParser.parseString(Files.readAllLines(file).get(0)).getAsJsonObject();
        // the chosen cell is the result file's and the run file's
        List<JsonObject> run = runFile(out, t);
        assertThat(SearchSpace.official().arch(r.chosenIndex()).toString())
            .isEqualTo(result.get("arch").getAsString()).isEqualTo(chosen(run));
        assertThat(r.chosenIndex()).isEqualTo(result.get("arch_index").getAsInt());
        assertThat(r.seed()).isZero();
        assertThat(r.dataset()).isEqualTo("fashion-mnist");
        assertThat(r.channels()).isEqualTo(4);
        assertThat(r.cells()).isEqualTo(1);
        assertThat(r.settings()).isEqualTo(t.settingsJson());
        // one row per epoch, with the run file's genotypes, seconds and images
        assertThat(r.epochs()).hasSize(2);
        assertThat(r.epochs()).extracting(e -> SearchSpace.official().arch(e.genotypeIndex()).toString())
            .containsExactlyElementsOf(genotypes(run));
        List<JsonObject> epochLines = run.stream().filter(o -> o.get("type").getAsString().equals("epoch")).toList();
        for (int e = 0; e < 2; e++) {
          assertThat(r.epochs().get(e).seconds()).isEqualTo(epochLines.get(e).get("seconds").getAsDouble());
          assertThat(r.epochs().get(e).images()).isEqualTo(200);
          assertThat(r.epochs().get(e).trainLoss()).isEqualTo(epochLines.get(e).get("train_loss").getAsDouble());
        }
        if (r.method().equals("gdas")) {
          assertThat(r.epochs().get(0).validTop1()).as("GDAS runs no validation pass").isNaN();
        } else {
          assertThat(r.epochs().get(0).validTop1())
              .isEqualTo(epochLines.get(0).get("valid_top1").getAsDouble()).isBetween(0.0, 100.0);
        }
        // the provenance row names the result file with its SHA-256 and carries the search's seed and data
        int id = provenanceOf(s, r.search());
        Provenance pr = prov.get(id);
        assertThat(pr.primary().name()).isEqualTo("search " + t.id() + " (" + t.id() + ".json)");
        assertThat(pr.primary().sha256()).isEqualTo(sha256(file));
        assertThat(pr.seeds()).containsExactly(0L);
        assertThat(pr.config()).containsEntry("method", r.method()).containsEntry("search_trial", t.id());
        assertThat(pr.input("data")).isNotNull();
      }
    }
    // a damaged result file is refused by name by verify and collect, and redone by generate
    SearchTrial gdas = sp.trials().get(1);
    Path file = ResultFile.path(out, gdas.id());
    String text = Files.readString(file);
    Files.writeString(file, text.replaceFirst("\"seed\":0", "\"seed\":7"));
    CliRun bad = CliRun.of("verify", out.toString(), "--plan", plan.toString());
    assertThat(bad.exitCode()).isEqualTo(3);
    assertThat(bad.out()).contains("1 done, 0 missing, 1 corrupt",
        "corrupt   " + gdas.id() + ".json: checksum mismatch (the file was altered or damaged)");
    CliRun refused = CliRun.of("collect", out.toString(), "--plan", plan.toString(), "--out", store.toString(),
        "--add");
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.out()).contains("1 searches added (1 replacing one in the store)", "1 refused",
        "refused " + gdas.id() + ".json: checksum mismatch");
    CliRun redo = generate(plan, out, data, "1");
    assertThat(redo.exitCode()).as(redo.out() + redo.err()).isZero();
    assertThat(redo.out()).contains("2 searches, 1 already done, 1 finished now, 0 failed");
    // the damaged file was moved aside, not deleted, and the result rewritten from the finished run folder
    try (var files = Files.list(ResultFile.dir(out))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(n -> n.startsWith(gdas.id() + ".json.corrupt-"));
    }
    assertThat(JsonParser.parseString(Files.readAllLines(file).get(0)).getAsJsonObject().get("arch").getAsString())
        .isEqualTo(chosen(runFile(out, gdas)));
    assertThat(CliRun.of("verify", out.toString(), "--plan", plan.toString()).out()).endsWith("complete\n");
  }

  private static int provenanceOf(Store s, String search) throws Exception {
    int[] id = {-1};
    s.reader().searchRuns((run, prov) -> {
      if (run.search().equals(search)) {
        id[0] = prov;
      }
    });
    return id[0];
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void aGenerateKilledMidSearchResumesToTheUninterruptedResult() throws Exception {
    Path data = Fixtures.fashion();
    Path plan = tmp.resolve("gdas.jsonl");
    plan(plan, "gdas", 4);
    SearchTrial t = SearchPlan.read(plan).trials().get(0);
    Path whole = tmp.resolve("whole");
    assertThat(generate(plan, whole, data, "1").exitCode()).isZero();

    Path cut = tmp.resolve("cut");
    Process child = Child.start(tmp.resolve("child.log"), "generate", "--plan", plan.toString(), "--out",
        cut.toString(), "--workers", "1", "--threads-per-worker", "1", "--data-dir", data.toString(), "--quiet");
    Path runFile = SearchKind.runDir(cut, t).resolve("run.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int epochsSeen = 0;
    while (child.isAlive() && System.nanoTime() < deadline) {
      epochsSeen = Files.exists(runFile) ? genotypesIn(runFile) : 0;
      if (epochsSeen >= 1) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(child.isAlive()).as("the search was still running after its first epoch: "
        + Files.readString(tmp.resolve("child.log"))).isTrue();
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(epochsSeen).isBetween(1, 3);
    assertThat(Files.exists(ResultFile.path(cut, t.id()))).isFalse();
    CliRun v = CliRun.of("verify", cut.toString(), "--plan", plan.toString());
    assertThat(v.exitCode()).isEqualTo(3);
    assertThat(v.out()).contains("0 done, 1 missing", "missing   " + t.id() + "  (gdas on fashion-mnist, seed 0 (C4 N1,"
        + " 4 epochs))");

    CliRun rerun = generate(plan, cut, data, "1");
    assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
    assertThat(rerun.out()).contains("1 searches, 0 already done, 1 finished now, 0 failed");
    List<JsonObject> resumed = runFile(cut, t);
    assertThat(resumed).as("the rerun continued the killed search").anyMatch(o -> o.get("type").getAsString()
        .equals("resume"));
    List<JsonObject> uninterrupted = runFile(whole, t);
    assertThat(chosen(resumed)).isEqualTo(chosen(uninterrupted));
    assertThat(genotypes(resumed)).hasSize(4).isEqualTo(genotypes(uninterrupted));
    assertThat(withoutTimes(resumed)).isEqualTo(withoutTimes(uninterrupted));
    String a = JsonParser.parseString(Files.readAllLines(ResultFile.path(cut, t.id())).get(0)).getAsJsonObject()
        .get("arch").getAsString();
    assertThat(a).isEqualTo(chosen(uninterrupted));
    assertThat(CliRun.of("verify", cut.toString(), "--plan", plan.toString()).out()).endsWith("complete\n");

    // an unfinished run folder started with other threads cannot be resumed: it is moved aside, not lost
    Path runDir = SearchKind.runDir(cut, t);
    List<String> lines = Files.readAllLines(runDir.resolve("run.jsonl"));
    Files.write(runDir.resolve("run.jsonl"), lines.stream().filter(l -> !l.startsWith("{\"type\":\"result\""))
        .toList());
    Files.delete(ResultFile.path(cut, t.id()));
    CliRun other = CliRun.of("generate", "--plan", plan.toString(), "--out", cut.toString(), "--workers", "1",
        "--threads-per-worker", "2", "--data-dir", data.toString(), "--quiet");
    assertThat(other.exitCode()).as(other.out() + other.err()).isZero();
    assertThat(other.out()).contains("1 searches, 0 already done, 1 finished now, 0 failed");
    try (var dirs = Files.list(runDir.getParent())) {
      List<Path> aside = dirs.filter(d -> d.getFileName().toString().startsWith(t.id() + ".aside-")).toList();
      assertThat(aside).hasSize(1);
      assertThat(Files.readAllLines(aside.get(0).resolve("run.jsonl"))).isEqualTo(lines.subList(0, lines.size() - 1));
    }
    JsonObject config = runFile(cut, t).get(0).getAsJsonObject("config");
    assertThat(config.get("threads").getAsInt()).isEqualTo(2);
    assertThat(genotypes(runFile(cut, t))).hasSize(4);
  }

  private static int genotypesIn(Path runFile) throws Exception {
    return (int) Files.readAllLines(runFile, StandardCharsets.UTF_8).stream().filter(l -> l.contains("\"epoch\""))
        .filter(l -> l.startsWith("{\"type\":\"epoch\"")).count();
  }

  /** The epoch records without wall times (the losses and alpha softmax must agree exactly). */
  private static List<String> withoutTimes(List<JsonObject> runFile) {
    return runFile.stream().filter(o -> o.get("type").getAsString().equals("epoch")).map(o -> {
      JsonObject c = o.deepCopy();
      c.remove("seconds");
      return c.toString();
    }).toList();
  }

  @Test
  void searchAndTrainingOptionsDoNotMix() {
    CliRun r = CliRun.of("plan", "--search", "gdas", "--hp", "12", "--out", tmp.resolve("p").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("nb201: error: --hp applies to training trials only; a search plan"
        + " chooses its own cell (drop --hp, or drop --search)");
    CliRun e = CliRun.of("plan", "--archs", "0", "--epochs", "3", "--out", tmp.resolve("q").toString());
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.err().strip()).isEqualTo("nb201: error: --epochs applies to search plans only; add --search"
        + " METHOD,... or use --hp for training trials");
    CliRun u = CliRun.of("plan", "--search", "gdas", "--set", "epoch=3", "--out", tmp.resolve("u").toString());
    assertThat(u.exitCode()).isEqualTo(2);
    assertThat(u.err().strip()).isEqualTo("nb201: error: unknown search setting 'epoch'");
    CliRun twice = CliRun.of("plan", "--search", "gdas,gdas", "--out", tmp.resolve("t").toString());
    assertThat(twice.err().strip()).isEqualTo("nb201: error: --search lists gdas more than once; give each value"
        + " once");
    assertThat(Files.exists(tmp.resolve("p"))).isFalse();
    assertThat(Files.exists(tmp.resolve("t"))).isFalse();
  }

  @Test
  void aKubernetesJobRunsASearchPlanShardByShard() throws Exception {
    Path plan = tmp.resolve("searches.jsonl");
    CliRun p = CliRun.of("plan", "--search", "darts-v1,darts-v2,gdas", "--seeds", "0,1,2", "--out", plan.toString());
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(p.out()).contains("9 searches (3 methods x 1 datasets x 3 seeds)", "darts-v1: 50 epochs, C16 N5,"
        + " the official settings", "gdas: 240 epochs, C16 N5, the official settings");
    Path manifest = tmp.resolve("job.yaml");
    CliRun k = CliRun.of("cluster", "k8s", "--plan", plan.toString(), "--completions", "9", "--image", "nb201:0.1.0",
        "--claim", "nas", "--data-dir", "/work/data", "--manifest", manifest.toString());
    assertThat(k.exitCode()).as(k.err()).isZero();
    assertThat(k.out()).startsWith("wrote " + manifest + ": 9 indexed pods over 9 searches");
    assertThat(Files.readString(manifest)).contains("completions: 9",
        "nb201 generate --plan /work/plan.jsonl --out /work/out --shard \\\"$JOB_COMPLETION_INDEX/9\\\"");
  }
}
