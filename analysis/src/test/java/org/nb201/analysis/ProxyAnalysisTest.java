package org.nb201.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.analysis.render.Charts;
import org.nb201.analysis.render.JsonRenderer;
import org.nb201.analysis.render.Tables;
import org.nb201.analysis.render.TextRenderer;
import org.nb201.bench.ProxyRecord;
import org.nb201.bench.ProxySet;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreWriter;
import org.nb201.bench.store.TidyCsv;
import org.nb201.space.Arch;

/**
 * The proxy analysis on a store with accuracies of 400 cells (quantised, so with ties) and four
 * proxy sets (missing and non-finite scores among them) against scipy's Spearman and Kendall tau-b
 * and a brute-force numpy count of the vote ({@code src/test/python/proxy_reference.py}; skipped
 * without Debian's python3-scipy); and its text, JSON and charts.
 */
class ProxyAnalysisTest {
  static final String[] PROXIES = {"synflow", "jacob_cov", "snip", "params"};

  @TempDir
  Path dir;

  @Test
  void correlationsAndTheVoteMatchScipyAndRender() throws Exception {
    SplittableRandom r = new SplittableRandom(16);
    int[] cells = r.ints(0, Arch.COUNT).distinct().limit(400).toArray();
    double[][] acc = new double[2][Arch.COUNT];
    double[][] score = new double[PROXIES.length][Arch.COUNT];
    for (double[] a : acc) {
      Arrays.fill(a, Double.NaN);
    }
    for (double[] s : score) {
      Arrays.fill(s, Double.NaN);
    }
    List<String> rows = new ArrayList<>(List.of(TidyCsv.RESULTS_HEADER));
    StringBuilder table = new StringBuilder("index xvalid oritest " + String.join(" ", PROXIES) + "\n");
    for (int i : cells) {
      double base = r.nextDouble() * 60 + 30;
      acc[0][i] = Math.round(2 * base) / 2.0;
      acc[1][i] = r.nextInt(10) == 0 ? Double.NaN : Math.round(2 * (base + r.nextGaussian() * 4)) / 2.0;
      rows.add(i + ",,cifar10-valid,12,777,11,x-valid," + acc[0][i] + ",1.0,2.5");
      rows.add(i + ",,cifar10-valid,12,777,11,ori-test," + (Double.isNaN(acc[1][i]) ? "" : acc[1][i]) + ",1.0,2.5");
      score[0][i] = r.nextInt(20) == 0 ? Double.NaN : Math.exp(base / 8 + r.nextGaussian());
      if (i == cells[0]) {
        score[0][i] = 0; // synflow's score of a cell without a path: not drawn on the log axis
      }
      score[1][i] = base + r.nextGaussian() * 20;
      score[2][i] = r.nextInt(50) == 0 ? Double.NEGATIVE_INFINITY : Math.round(base / 10 + r.nextGaussian());
      score[3][i] = Math.round(base / 20);
      table.append(i).append(' ').append(acc[0][i]).append(' ').append(acc[1][i]);
      for (double[] s : score) {
        table.append(' ').append(Double.isFinite(s[i]) ? Double.toString(s[i]) : "nan");
      }
      table.append('\n');
    }
    Path csv = Files.write(dir.resolve("results.csv"), rows);
    Path plain = dir.resolve("plain.duckdb");
    TidyCsv.createStore(csv, null, plain, false);
    Path store = dir.resolve("scored.duckdb");
    try (Store old = Store.open(plain); StoreWriter w = StoreWriter.create(store)) {
      w.carryOver(old);
      for (int p = 0; p < PROXIES.length; p++) {
        ProxySet set = new ProxySet(PROXIES[p], "cifar10-valid", 16, 5, 0, p == 3 ? 0 : 64, p == 3 ? "none" : "train");
        for (int i : cells) {
          if (p != 0 || !Double.isNaN(score[p][i]) || i % 2 == 0) { // synflow: some cells unscored, some NaN
            w.addProxy(new ProxyRecord(i, set, score[p][i], 0.5, null));
          }
        }
      }
      w.commit();
    }
    Path tableFile = Files.writeString(dir.resolve("table.txt"), table);
    Path out = dir.resolve("reference.json");
    PythonReference.run("proxy_reference.py", tableFile.toString(), out.toString(), "xvalid,oritest",
        String.join(",", PROXIES), "synflow,jacob_cov,snip");
    JsonObject ref = JsonParser.parseString(Files.readString(out)).getAsJsonObject();

    try (Nb201Api api = Nb201Api.open(store)) {
      StoreData data = StoreData.of(api, false);
      ProxyAnalysis.Result res = (ProxyAnalysis.Result) Analysis.PROXIES.run(data, Analysis.Inputs.defaults());
      assertThat(res.metrics()).containsExactly("cifar10-valid x-valid", "cifar10-valid ori-test");
      assertThat(res.sets()).extracting(s -> s.set().proxy()).containsExactlyInAnyOrder(PROXIES);
      assertThat(res.sets()).filteredOn(s -> s.set().proxy().equals("snip")).singleElement()
          .satisfies(s -> assertThat(s.finite()).isEqualTo(s.scored() - count(score[2], Double::isInfinite)));
      for (JsonElement e : ref.getAsJsonArray("pairs")) {
        JsonObject o = e.getAsJsonObject();
        String metric = o.get("metric").getAsString().equals("xvalid") ? "cifar10-valid x-valid"
            : "cifar10-valid ori-test";
        ProxyAnalysis.Row row = res.rows().stream().filter(x -> x.proxy().equals(o.get("proxy").getAsString())
            && x.metric().equals(metric)).findFirst().orElseThrow();
        assertThat(row.cells()).as("%s cells", o).isEqualTo(o.get("cells").getAsInt());
        assertThat(row.spearman()).as("%s", o).isCloseTo(o.get("spearman").getAsDouble(), within(1e-12));
        assertThat(row.kendall()).as("%s", o).isCloseTo(o.get("kendall").getAsDouble(), within(1e-12));
        assertThat(Math.abs(row.spearman())).as("%s is far from 0", o).isGreaterThan(0.2);
      }
      List<ProxyAnalysis.Row> votes = res.rows().stream().filter(x -> x.proxy().startsWith("vote(")).toList();
      assertThat(votes).hasSize(2);
      for (int m = 0; m < 2; m++) {
        JsonObject o = ref.getAsJsonArray("votes").get(m).getAsJsonObject();
        assertThat(votes.get(m).cells()).isEqualTo(o.get("cells").getAsInt());
        assertThat(votes.get(m).kendall()).isCloseTo(o.get("kendall").getAsDouble(), within(1e-12));
        assertThat(votes.get(m).spearman()).isNaN();
      }
      // the scatter of each set is against the reference metric (the first ori-test here), over the cells with both
      assertThat(res.scatters()).hasSize(4).allSatisfy(s -> assertThat(s.metric()).isEqualTo("cifar10-valid ori-test"));
      assertThat(res.scatters()).allSatisfy(x -> assertThat(ProxyAnalysis.logScale(x)).as(x.proxy())
          .isEqualTo(x.proxy().equals("synflow")));
      assertThat(Charts.of(res)).hasSize(4).filteredOn(f -> f.caption().startsWith("synflow")).singleElement()
          .satisfies(f -> assertThat(f.caption()).endsWith("; 1 cell scoring 0 or less not drawn on the log axis."));

      String text = TextRenderer.render(Tables.of(res));
      assertThat(text).contains("training-free score sets in the store")
          .contains("vote(synflow,jacob_cov,snip)").contains(String.format(Locale.ROOT, "%.3f",
              votes.get(0).kendall()));
      JsonObject json = JsonParser.parseString(JsonRenderer.render(res)).getAsJsonObject();
      assertThat(json.getAsJsonArray("rows")).hasSize(4 * 2 + 2);
      assertThat(json.getAsJsonArray("scatters").get(0).getAsJsonObject().has("score")).isFalse();
      assertThat(json.getAsJsonObject("store").get("file").getAsString()).isEqualTo("scored.duckdb");

      // other voters, and voters the store lacks: a note, no vote rows
      ProxyAnalysis.Result two = ProxyAnalysis.run(data, List.of("synflow", "grasp"));
      assertThat(two.rows()).noneMatch(x -> x.proxy().startsWith("vote"));
      assertThat(two.notes()).anyMatch(n -> n.contains("no vote of synflow, grasp") && n.contains("missing: grasp"));
    }
    // a store without scores: one note, nothing else
    try (Nb201Api api = Nb201Api.open(plain)) {
      ProxyAnalysis.Result none = ProxyAnalysis.run(StoreData.of(api, false), ProxyAnalysis.PAPER_VOTE);
      assertThat(none.rows()).isEmpty();
      assertThat(none.notes()).singleElement().asString().startsWith("the store holds no training-free scores");
      assertThat(Charts.of(none)).isEmpty();
    }
  }

  private static long count(double[] v, DoublePredicate p) {
    return Arrays.stream(v).filter(p).count();
  }
}
