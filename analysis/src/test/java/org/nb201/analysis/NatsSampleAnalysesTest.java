package org.nb201.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.analysis.render.Charts;
import org.nb201.analysis.render.HtmlReport;
import org.nb201.analysis.render.JsonRenderer;
import org.nb201.analysis.render.Tables;
import org.nb201.analysis.render.TextRenderer;
import org.nb201.bench.query.BestResult;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.query.SeedChoice;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.search.CurvePoint;
import org.nb201.search.RegularizedEvolutionOptions;
import org.nb201.search.RunResult;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchRunner;
import org.nb201.search.StoreOracles;
import org.nb201.search.runs.SearchRunFolder;
import org.nb201.search.runs.SearchRuns;

/**
 * Every analysis on the genuine NATS-Bench records of cells 0 and 11, checked against the official
 * query semantics ({@code find_best}, {@code get_more_info}) and hand-computable values; what two
 * cells cannot give (top-cell subsets, the ResNet cell) is reported as missing, never invented.
 */
class NatsSampleAnalysesTest {
  @TempDir
  static Path dir;
  static Nb201Api api;
  static StoreData data;
  static Path runs;

  @BeforeAll
  static void importAndSearch() throws Exception {
    api = Nb201Api.open(NatsSampleStore.importInto(dir));
    data = StoreData.of(api, true);
    SearchConfig c = SearchConfig.builder(RegularizedEvolutionOptions.defaults())
        .optRuns(3).optBudget(3_000).optSeed(2).optThreads(1)
        .optKeepCurves(true).build();
    List<RunResult> results = SearchRunner.runAll(c, StoreOracles.of(api.finalView("cifar10-valid", 12, "x-valid")));
    Map<String, FinalView> views = new LinkedHashMap<>();
    views.put("cifar10/ori-test", api.finalView("cifar10", 200, "ori-test"));
    runs = dir.resolve("rea");
    SearchRunFolder.write(runs, c, new SearchRuns.Signal("cifar10-valid", 12, "x-valid"),
        StoreIdentity.of(api.store(), true), results, views, 0.1, false);
    Files.writeString(runs.resolve(SearchRunFolder.EPOCHS), "run,epoch,index\n0,0,0\n1,0,11\n0,1,11\n1,1,11\n");
  }

  @AfterAll
  static void close() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void costAgreesWithFindBestAndSaysTheResNetCellIsAbsent() {
    CostAnalysis.Result r = CostAnalysis.run(data);
    CostAnalysis.Series test = r.series().stream().filter(s -> s.dataset().equals("cifar10")
        && s.split().equals("ori-test")).findFirst().orElseThrow();
    BestResult best = api.findBest("cifar10", "test", null, null, 200);
    assertThat(test.bestIndex()).isEqualTo(best.index()).isEqualTo(11);
    assertThat(test.bestAccuracy()).isEqualTo(best.accuracy());
    assertThat(test.cells()).isEqualTo(2);
    assertThat(test.params()).containsExactly(0.129306, 0.802426);
    assertThat(test.spearmanParams()).isEqualTo(1.0);
    assertThat(test.resnetAccuracy()).isNaN();
    assertThat(test.bestWithinResnetIndex()).isEqualTo(-1);
    assertThat(r.notes()).contains("cifar10 hp 200: the ResNet cell 11472 has no costs in the store; no ResNet-level"
        + " comparison");
  }

  @Test
  void rankingOverTrainingFollowsGetMoreInfoEpochByEpoch() throws Exception {
    TrainingAnalysis.Result r = TrainingAnalysis.run(data, new TrainingAnalysis.Options(10, 0));
    TrainingAnalysis.OverTraining o = r.overTraining();
    assertThat(o.dataset()).isEqualTo("cifar10-valid");
    assertThat(o.hp()).isEqualTo(200);
    assertThat(o.epochs()).hasSize(200);
    double last = sign(valid(11, 199) - valid(0, 199));
    for (int e : new int[] {0, 3, 10, 50, 120, 199}) {
      double d = valid(11, e) - valid(0, e);
      assertThat(o.spearmanFinal()[e]).as("epoch " + e).isEqualTo(d == 0 ? Double.NaN : sign(d) * last);
    }
    assertThat(r.proxies().proxies()).extracting(TrainingAnalysis.Proxy::label).containsExactly("hp 12, epoch 6",
        "hp 12, epoch 12", "hp 200, epoch 12", "hp 200, epoch 24", "hp 200, epoch 100", "hp 200, epoch 150",
        "hp 200, epoch 175", "hp 200, epoch 200");
    // two cells: every repeat's Pearson is +1 or -1, so mean and population std satisfy mean^2 + std^2 = 1
    for (TrainingAnalysis.Proxy p : r.proxies().proxies()) {
      for (int m = 0; m < p.mean().length; m++) {
        assertThat(p.mean()[m] * p.mean()[m] + p.std()[m] * p.std()[m]).isCloseTo(1.0, within(1e-12));
      }
    }
  }

  private static double valid(int index, int epoch) throws Exception {
    return api.getMoreInfo(index, "cifar10-valid", epoch, 200, SeedChoice.mean()).get("valid-accuracy");
  }

  private static double sign(double d) {
    return Math.signum(d);
  }

  @Test
  void topCellSubsetsAndRanksOfTwoCellsAreReportedAsTooFew() {
    RankAgreement.Result r = RankAgreement.run(data);
    assertThat(r.subsets()).extracting(RankAgreement.Subset::cells).containsExactly(2, 0, 0);
    assertThat(r.subsets().get(0).spearman().get("C10-test", "IN16-test")).isEqualTo(1.0);
    assertThat(r.notes()).contains("C10-test > 92 %: 0 cells, too few for a correlation");
    assertThat(r.relative().order()).containsExactly(0, 11);
  }

  @Test
  void coverageCellsAndOps() {
    MissingAnalysis.Result m = MissingAnalysis.run(data);
    assertThat(m.trialSets()).hasSize(8);
    assertThat(m.notes()).contains("cifar10 hp 200: 15623 of 15625 cells have no trial");
    CellRanking.Result c = CellRanking.run(data, 0);
    assertThat(c.rows()).extracting(CellRanking.Row::index).containsExactly(11, 0);
    assertThat(c.rows().get(1).reference()).isTrue();
    assertThat(c.valid()).isEqualTo("C10-valid");
    OpsAnalysis.Result o = OpsAnalysis.run(data);
    assertThat(o.byConvs().get(3).cells()).isEqualTo(1); // cell 11: three nor_conv_3x3
    assertThat(o.byConvs().get(3).mean()).isEqualTo(api.findBest("cifar10", "test", null, null, 200).accuracy());
  }

  @Test
  void searchRunsGiveSummaryAnytimeCurveAndGenotypeEpochs() {
    SearchRuns folder = SearchRunFolder.read(runs);
    SearchAnalysis.Result r = SearchAnalysis.run(data, List.of(folder));
    SearchAnalysis.RunSet s = r.sets().get(0);
    assertThat(s.sameStore()).isTrue();
    assertThat(s.algorithm()).isEqualTo("rea");
    assertThat(s.stats()).hasSize(1);
    double[] c10 = data.values(data.referenceMetric());
    // at the budget every run's incumbent is its last curve point's answer
    double sum = 0;
    for (List<CurvePoint> pts : folder.curves().values()) {
      sum += c10[pts.get(pts.size() - 1).bestIndex()];
    }
    assertThat(s.anytime().mean()[SearchAnalysis.GRID]).isCloseTo(sum / 3, within(1e-12));
    assertThat(s.anytime().runs()[0]).isZero(); // nothing evaluated at time 0
    assertThat(s.epochs().x()).containsExactly(0, 1);
    assertThat(s.epochs().mean()[0]).isCloseTo((c10[0] + c10[11]) / 2, within(1e-12));
    assertThat(s.epochs().mean()[1]).isEqualTo(c10[11]);
    assertThat(s.epochs().std()[1]).isZero();
  }

  @Test
  void everyResultRendersAsTextJsonAndHtml() throws Exception {
    Analysis.Inputs in = new Analysis.Inputs(new TrainingAnalysis.Options(5, 1), 10,
        List.of(SearchRunFolder.read(runs)));
    Report report = Report.build(data, in, List.of(Analysis.values()), Progress.NONE);
    int charts = 0;
    for (Report.Section s : report.sections()) {
      assertThat(TextRenderer.render(Tables.of(s.result()))).isNotBlank();
      JsonObject json = JsonParser.parseString(JsonRenderer.render(s.result())).getAsJsonObject();
      assertThat(json.getAsJsonObject("store").get("sha256").getAsString()).hasSize(64);
      charts += Charts.of(s.result()).size();
    }
    JsonObject cost = JsonParser.parseString(JsonRenderer.render(report.sections().get(0).result())).getAsJsonObject();
    JsonObject first = cost.getAsJsonArray("series").get(0).getAsJsonObject();
    assertThat(first.has("params")).as("per-cell points stay out of the JSON").isFalse();
    assertThat(first.get("resnet_accuracy").isJsonNull()).isTrue();
    assertThat(first.get("best_index").getAsInt()).isEqualTo(11);
    HtmlReport.Written w = HtmlReport.write(report, in.searches(), dir.resolve("report"), false, Progress.NONE);
    String html = Files.readString(w.file());
    assertThat(w.charts()).isEqualTo(charts).isGreaterThan(10);
    assertThat(count(html, "<img class=\"chart\"")).isEqualTo(charts);
    assertThat(count(html, "<table class=\"data")).isEqualTo(w.tables());
    assertThat(html).contains("<section id=\"provenance\">").contains(data.identity().sha256())
        .doesNotContain("http://").doesNotContain("https://");
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
