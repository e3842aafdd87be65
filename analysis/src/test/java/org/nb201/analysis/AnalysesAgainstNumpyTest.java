package org.nb201.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.analysis.stats.CorrelationMatrix;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.store.TidyCsv;
import org.nb201.space.Arch;

/**
 * The analyses on a full-size synthetic benchmark (15,625 cells, the four datasets, ties, missing
 * trials and values) against values computed independently with numpy and scipy from the same data
 * ({@code src/test/python/analysis_reference.py}, which also generates the data; skipped when
 * Debian's python3-scipy is missing). The proxy table is checked draw for draw: the script draws
 * the random trials with CPython's {@code random.choice} as the official script does.
 */
class AnalysesAgainstNumpyTest {
  static final int REPEATS = 4;
  static final long SEED = 3;
  static final double TOL = 1e-9;

  @TempDir
  static Path dir;
  static JsonObject expected;
  static Nb201Api api;
  static StoreData data;

  @BeforeAll
  static void generateImportAndLoad() throws Exception {
    PythonReference.run("analysis_reference.py", dir.toString(), Integer.toString(REPEATS), Long.toString(SEED));
    expected = JsonParser.parseString(Files.readString(dir.resolve("expected.json"))).getAsJsonObject();
    Path store = dir.resolve("synthetic.duckdb");
    TidyCsv.createStore(dir.resolve("results.csv"), dir.resolve("costs.csv"), store, false);
    api = Nb201Api.open(store);
    data = StoreData.of(api, true);
  }

  @AfterAll
  static void close() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void rankMatricesOverAllAndTopCellsMatchNumpyAndScipy() {
    RankAgreement.Result r = RankAgreement.run(data);
    assertThat(r.labels()).containsExactly("C10-valid", "C10-test", "C100-valid", "C100-test", "IN16-valid",
        "IN16-test");
    assertThat(r.reference()).isEqualTo("C10-test");
    JsonObject e = expected.getAsJsonObject("ranks");
    List<String> subsets = List.of("all", "92", "93");
    assertThat(r.subsets()).extracting(RankAgreement.Subset::name)
        .containsExactly("all cells", "C10-test > 92 %", "C10-test > 93 %");
    for (int k = 0; k < 3; k++) {
      RankAgreement.Subset s = r.subsets().get(k);
      JsonObject m = e.getAsJsonObject(subsets.get(k));
      assertThat(s.cells()).isEqualTo(e.getAsJsonArray("cells").get(k).getAsInt());
      assertMatrix(s.pearson(), m.getAsJsonArray("pearson"));
      assertMatrix(s.spearman(), m.getAsJsonArray("spearman"));
      assertMatrix(s.kendall(), m.getAsJsonArray("kendall"));
    }
    JsonObject rel = expected.getAsJsonObject("relative");
    assertThat(r.relative().cells()).isEqualTo(rel.get("cells").getAsInt());
    int n = r.relative().cells();
    for (int k = 0; k < 5; k++) {
      assertThat(r.relative().order()[k]).isEqualTo(rel.getAsJsonArray("first").get(k).getAsInt());
      assertThat(r.relative().order()[n - 5 + k]).isEqualTo(rel.getAsJsonArray("last").get(k).getAsInt());
      for (int m = 0; m < 6; m++) {
        assertThat(r.relative().ranks()[m][k])
            .isEqualTo(rel.getAsJsonArray("ranks_first").get(m).getAsJsonArray().get(k).getAsInt());
      }
    }
  }

  @Test
  void costSummariesMatchIncludingTheResNetLevelComparison() {
    CostAnalysis.Result r = CostAnalysis.run(data);
    JsonArray e = expected.getAsJsonArray("cost");
    assertThat(r.series()).hasSize(e.size());
    for (int k = 0; k < e.size(); k++) {
      JsonObject x = e.get(k).getAsJsonObject();
      CostAnalysis.Series s = r.series().get(k);
      String what = s.dataset() + " " + s.split();
      assertThat(s.dataset() + "/" + s.split()).isEqualTo(x.get("dataset").getAsString() + "/"
          + x.get("split").getAsString());
      assertThat(s.cells()).as(what).isEqualTo(x.get("cells").getAsInt());
      assertThat(s.bestIndex()).as(what).isEqualTo(x.get("best_index").getAsInt());
      assertThat(s.bestAccuracy()).as(what).isEqualTo(x.get("best").getAsDouble());
      assertThat(s.cellsWithinResnetParams()).as(what).isEqualTo(x.get("within").getAsInt());
      assertThat(s.bestWithinResnetIndex()).as(what).isEqualTo(x.get("best_within_index").getAsInt());
      assertThat(s.bestWithinResnetAccuracy()).as(what).isEqualTo(x.get("best_within").getAsDouble());
      assertThat(s.spearmanParams()).as(what).isCloseTo(x.get("spearman_params").getAsDouble(), within(TOL));
      assertThat(s.spearmanFlops()).as(what).isCloseTo(x.get("spearman_flops").getAsDouble(), within(TOL));
      assertThat(s.resnetAccuracy()).as(what).isEqualTo(x.get("resnet").getAsDouble());
    }
    // the ResNet-level best agrees with the official find_best under the ResNet cell's params
    double resnetParams = r.series().get(4).resnetParams();
    assertThat(api.findBest("cifar10", "test", null, resnetParams, 200).index())
        .isEqualTo(r.series().get(4).bestWithinResnetIndex());
  }

  @Test
  void perOpStatisticsAndIsomorphismCountsMatch() {
    OpsAnalysis.Result r = OpsAnalysis.run(data);
    assertThat(r.metric()).isEqualTo("C10-test");
    JsonObject e = expected.getAsJsonObject("ops");
    for (int edge = 0; edge < 6; edge++) {
      for (int op = 0; op < 5; op++) {
        JsonArray x = e.getAsJsonArray("edges").get(edge).getAsJsonArray().get(op).getAsJsonArray();
        OpsAnalysis.Group g = r.edges().get(edge).ops().get(op);
        assertThat(g.cells()).isEqualTo(x.get(0).getAsInt());
        assertThat(g.mean()).isCloseTo(x.get(1).getAsDouble(), within(TOL));
      }
    }
    for (int k = 0; k <= 6; k++) {
      JsonArray x = e.getAsJsonArray("convs").get(k).getAsJsonArray();
      OpsAnalysis.Group g = r.byConvs().get(k);
      assertThat(g.cells()).isEqualTo(x.get(0).getAsInt());
      assertThat(g.mean()).isCloseTo(x.get(1).getAsDouble(), within(TOL));
      assertThat(g.std()).isCloseTo(x.get(2).getAsDouble(), within(TOL));
      assertThat(g.median()).isEqualTo(x.get(3).getAsDouble());
      assertThat(g.max()).isEqualTo(x.get(4).getAsDouble());
    }
    // every cell has C10-test: all classes of each mode are covered
    assertThat(r.classes()).extracting(OpsAnalysis.Classes::spaceClasses).containsExactly(15_625, 12_751, 6_466);
    assertThat(r.classes()).extracting(OpsAnalysis.Classes::coveredClasses).containsExactly(15_625, 12_751, 6_466);
    assertThat(r.validInSpace()).isEqualTo(15_284);
    assertThat(r.validCells() + r.invalidCells()).isEqualTo(Arch.COUNT);
  }

  @Test
  void rankingOverTrainingAndTheProxyTableMatchDrawForDraw() {
    TrainingAnalysis.Result r = TrainingAnalysis.run(data, new TrainingAnalysis.Options(REPEATS, SEED));
    TrainingAnalysis.OverTraining o = r.overTraining();
    JsonArray e = expected.getAsJsonArray("over_training");
    assertThat(o.epochs()).hasSize(e.size());
    for (int k = 0; k < e.size(); k++) {
      JsonArray x = e.get(k).getAsJsonArray();
      assertThat(o.epochs()[k]).isEqualTo(x.get(0).getAsInt());
      assertThat(o.spearmanFinal()[k]).isCloseTo(x.get(1).getAsDouble(), within(TOL));
      assertThat(o.kendallFinal()[k]).isCloseTo(x.get(2).getAsDouble(), within(TOL));
      assertThat(o.spearmanReference()[k]).isCloseTo(x.get(3).getAsDouble(), within(TOL));
    }
    JsonArray p = expected.getAsJsonArray("proxies");
    assertThat(r.proxies().proxies()).hasSize(p.size());
    for (int k = 0; k < p.size(); k++) {
      JsonObject x = p.get(k).getAsJsonObject();
      TrainingAnalysis.Proxy y = r.proxies().proxies().get(k);
      assertThat(y.hp()).isEqualTo(x.get("hp").getAsInt());
      assertThat(y.epoch()).isEqualTo(x.get("epoch").getAsInt());
      for (int m = 0; m < 6; m++) {
        assertThat(y.mean()[m]).as(y.label() + " mean " + m).isCloseTo(x.getAsJsonArray("mean").get(m).getAsDouble(),
            within(TOL));
        assertThat(y.std()[m]).as(y.label() + " std " + m).isCloseTo(x.getAsJsonArray("std").get(m).getAsDouble(),
            within(TOL));
      }
    }
  }

  @Test
  void coverageNamesTheCellsWithoutCifar100AndTheMissingSeedValues() {
    MissingAnalysis.Result r = MissingAnalysis.run(data);
    long c100 = r.trialSets().stream().filter(t -> t.dataset().equals("cifar100")).findFirst().orElseThrow().archs();
    assertThat(c100).isLessThan(Arch.COUNT).isGreaterThan(15_000);
    assertThat(r.notes()).anyMatch(n -> n.startsWith("cifar100 hp 200: " + (Arch.COUNT - c100) + " of 15625 cells"))
        .anyMatch(n -> n.startsWith("cifar100 hp 200 x-test: ") && n.contains("lack the final accuracy of some trial"));
    assertThat(r.store().sha256()).hasSize(64);
  }

  private static void assertMatrix(CorrelationMatrix m, JsonArray e) {
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        JsonElement x = e.get(i).getAsJsonArray().get(j);
        String what = m.method() + " [" + m.labels().get(i) + "][" + m.labels().get(j) + "]";
        if (x.isJsonNull()) {
          assertThat(m.values()[i][j]).as(what).isNaN();
        } else {
          assertThat(m.values()[i][j]).as(what).isCloseTo(x.getAsDouble(), within(TOL));
        }
      }
    }
  }
}
