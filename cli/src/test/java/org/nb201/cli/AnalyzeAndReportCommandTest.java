package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nb201 analyze}, {@code nb201 report} and {@code nb201 search --out} end to end on the
 * imported NATS sample: every analysis as a table and as JSON, run folders that the report reads,
 * a report that names the store's checksum, and one-line errors with exit code 2.
 */
class AnalyzeAndReportCommandTest {
  @TempDir
  static Path dir;
  static String store;
  static Path runs;

  @BeforeAll
  static void importAndSearch() {
    Path s = dir.resolve("nats.duckdb");
    CliRun r = CliRun.of("import", "nats", ImportNatsCommandTest.natsSample().toString(), "--out", s.toString(),
        "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    store = s.toString();
    runs = dir.resolve("runs-rea");
    CliRun search = CliRun.of("search", "rea", "--store", store, "--runs", "5", "--out", runs.toString());
    assertThat(search.exitCode()).as(search.err()).isZero();
    assertThat(search.out()).contains("runs: " + runs + " (config.json, runs.jsonl, curves.csv)");
  }

  @Test
  void everyAnalysisPrintsItsTables() {
    assertThat(analyze("cost")).contains("accuracy against cost: the ResNet cell 11472")
        .containsPattern("cifar10 +ori-test +200 +2 +- +- +91\\.58 +11");
    assertThat(analyze("ranks")).contains("Kendall tau-b, all cells (2 cells)")
        .contains("note: C10-test > 92 %: 0 cells, too few for a correlation");
    assertThat(analyze("training")).contains("ranking over training: cifar10-valid x-valid hp 200")
        .contains("hp 12, epoch 6").contains("hp 200, epoch 200");
    assertThat(analyze("ops")).contains("mean C10-test by the op on each edge").contains("official").contains("6466");
    assertThat(analyze("missing")).contains("trial sets").containsPattern("cifar10 +200 +6 +2 +15623 +777 888 999");
    assertThat(analyze("cells")).containsPattern("1 +11 +91\\.58 +87\\.94").contains("  *");
    String s = CliRun.of("analyze", "search", "--store", store, "--search", runs.toString()).out();
    assertThat(s).contains("runs-rea (rea): 5 runs, budget 12000 simulated s, seed 1")
        .contains("incumbent's C10-test over simulated time").doesNotContain("checksums differ");
  }

  private static String analyze(String what) {
    CliRun r = CliRun.of("analyze", what, "--store", store, "--repeats", "10");
    assertThat(r.exitCode()).as(what + ": " + r.err()).isZero();
    assertThat(r.out()).startsWith("store nats.duckdb (");
    return r.out();
  }

  @Test
  void jsonCarriesTheStoreChecksumAndNullsForMissingValues() {
    CliRun r = CliRun.of("analyze", "cost", "--store", store, "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(o.getAsJsonObject("store").get("sha256").getAsString()).hasSize(64);
    JsonObject first = o.getAsJsonArray("series").get(0).getAsJsonObject();
    assertThat(first.get("resnet_accuracy").isJsonNull()).isTrue();
    assertThat(first.get("cells").getAsInt()).isEqualTo(2);
    JsonObject t = JsonParser.parseString(CliRun.of("analyze", "training", "--store", store, "--json", "--repeats",
        "3").out()).getAsJsonObject();
    assertThat(t.getAsJsonObject("proxies").get("repeats").getAsInt()).isEqualTo(3);
    assertThat(t.getAsJsonObject("over_training").getAsJsonArray("epochs")).hasSize(200);
  }

  @Test
  void reportIsOneSelfContainedPageAndIsNotOverwrittenWithoutForce() throws Exception {
    Path out = dir.resolve("report");
    CliRun r = CliRun.of("report", "--store", store, "--search", runs.toString(), "--out", out.toString(), "--repeats",
        "5", "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("wrote " + out.resolve("index.html") + ": ").contains(" charts, ");
    String html = Files.readString(out.resolve("index.html"));
    String sha = JsonParser.parseString(CliRun.of("analyze", "missing", "--store", store, "--json").out())
        .getAsJsonObject().getAsJsonObject("store").get("sha256").getAsString();
    assertThat(html).contains(sha).contains("runs-rea").contains("<section id=\"search\">")
        .contains("data:image/png;base64,");
    try (var files = Files.list(out)) {
      assertThat(files).containsExactly(out.resolve("index.html"));
    }
    CliRun again = CliRun.of("report", "--store", store, "--out", out.toString(), "--quiet");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("index.html already exists; pass --force").hasLineCount(1);
    assertThat(CliRun.of("report", "--store", store, "--out", out.toString(), "--quiet", "--force", "--repeats", "2")
        .exitCode()).isZero();
  }

  @Test
  void proxiesAreAnAnalysisWithTextJsonAndAReportSection() throws Exception {
    Path scored = dir.resolve("scored.duckdb");
    Files.copy(Path.of(store), scored);
    CliRun none = CliRun.of("analyze", "proxies", "--store", scored.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).isEqualTo("nb201: error: the store holds no training-free scores; compute some with"
        + " 'nb201 proxies --store scored.duckdb --proxies synflow,naswot,...'\n");
    CliRun p = CliRun.of("proxies", "--store", scored.toString(), "--proxies", "params,flops,synflow", "--archs",
        "0,11", "--dataset", "cifar10", "--C", "4", "--N", "1", "--quiet");
    assertThat(p.exitCode()).as(p.err()).isZero();
    CliRun text = CliRun.of("analyze", "proxies", "--store", scored.toString());
    assertThat(text.exitCode()).as(text.err()).isZero();
    // cell 11 (ResNet) has more params, more FLOPs and a better accuracy than cell 0: +1 over the 2 cells
    assertThat(text.out()).startsWith("store scored.duckdb (").contains("training-free score sets in the store")
        .containsPattern("params on cifar10 \\(C4 N1, seed 0, batch 0, none\\) +2 +2")
        .containsPattern("C10-test +params +params on cifar10 \\(C4 N1, seed 0, batch 0, none\\) +2 +1\\.000 +1\\.000")
        .contains("no vote of synflow, jacob_cov, snip: the store has no run with all of them (missing: jacob_cov,"
            + " snip)");
    CliRun voted = CliRun.of("analyze", "proxies", "--store", scored.toString(), "--vote", "params,flops", "--json");
    assertThat(voted.exitCode()).as(voted.err()).isZero();
    JsonObject o = JsonParser.parseString(voted.out()).getAsJsonObject();
    assertThat(o.getAsJsonArray("sets")).hasSize(3);
    assertThat(o.getAsJsonArray("voters").toString()).isEqualTo("[\"params\",\"flops\"]");
    assertThat(o.getAsJsonArray("rows").asList()).anySatisfy(e -> {
      JsonObject row = e.getAsJsonObject();
      assertThat(row.get("proxy").getAsString()).isEqualTo("vote(params,flops)");
      assertThat(row.get("spearman").isJsonNull()).isTrue();
      assertThat(row.get("kendall").getAsDouble()).isEqualTo(1.0);
    });
    CliRun wrongVote = CliRun.of("analyze", "cost", "--store", scored.toString(), "--vote", "params,flops");
    assertThat(wrongVote.exitCode()).isEqualTo(2);
    assertThat(wrongVote.err()).contains("--vote is for 'nb201 analyze proxies'").hasLineCount(1);

    Path out = dir.resolve("report-proxies");
    CliRun r = CliRun.of("report", "--store", scored.toString(), "--out", out.toString(), "--repeats", "2", "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("index.html"));
    String section = html.substring(html.indexOf("<section id=\"proxies\">"), html.indexOf("<section id=\"provenance"));
    assertThat(section).contains("<h2>Training-free scores</h2>").contains("alt=\"synflow against C10-test\"")
        .contains("alt=\"params against C10-test\"").contains("<caption>rank correlation of each score");
    assertThat(count(section, "<img class=\"chart\"")).isEqualTo(3);
    // a store without scores: the section is one note
    Path plain = dir.resolve("report-plain");
    assertThat(CliRun.of("report", "--store", store, "--out", plain.toString(), "--repeats", "2", "--quiet")
        .exitCode()).isZero();
    String plainHtml = Files.readString(plain.resolve("index.html"));
    String plainSection = plainHtml.substring(plainHtml.indexOf("<section id=\"proxies\">"),
        plainHtml.indexOf("<section id=\"provenance"));
    assertThat(plainSection).contains("the store holds no training-free scores").doesNotContain("<img")
        .doesNotContain("<table");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void badInputIsOneLineAndExitCode2() {
    CliRun what = CliRun.of("analyze", "speed", "--store", store);
    assertThat(what.exitCode()).isEqualTo(2);
    assertThat(what.err()).isEqualTo("nb201: error: unknown analysis 'speed'; expected one of cost, ranks, training,"
        + " ops, missing, cells, search, proxies\n");
    CliRun folder = CliRun.of("analyze", "search", "--store", store, "--search", dir.toString());
    assertThat(folder.exitCode()).isEqualTo(2);
    assertThat(folder.err()).contains("is not a complete search-run folder (no config.json)").hasLineCount(1);
    CliRun noStore = CliRun.of("analyze", "cost", "--store", dir.resolve("nope.duckdb").toString());
    assertThat(noStore.exitCode()).isEqualTo(2);
    assertThat(noStore.err()).contains("not found").hasLineCount(1);
    CliRun repeats = CliRun.of("analyze", "training", "--store", store, "--repeats", "0");
    assertThat(repeats.exitCode()).isEqualTo(2);
    assertThat(repeats.err()).contains("--repeats must be >= 1");
    CliRun again = CliRun.of("search", "rs", "--store", store, "--runs", "2", "--out", runs.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds search runs").hasLineCount(1);
  }
}
