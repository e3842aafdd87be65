package org.nb201.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.analysis.PythonReference;

/**
 * Every statistic against numpy / scipy on vectors with ties, duplicates, quantised accuracies,
 * constant and tiny inputs and missing values ({@code src/test/python/stats_reference.py}, run at
 * test time; skipped when Debian's python3-scipy is missing).
 */
class StatsAgainstScipyTest {
  @TempDir
  static Path dir;
  static JsonObject ref;

  @BeforeAll
  static void computeReference() throws Exception {
    Path out = dir.resolve("reference.json");
    PythonReference.run("stats_reference.py", out.toString());
    ref = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
  }

  @Test
  void pearsonSpearmanKendallAndRanksMatchScipyOnEveryCase() {
    JsonObject pairs = ref.getAsJsonObject("pairs");
    assertThat(pairs.keySet()).hasSize(9);
    for (Map.Entry<String, JsonElement> e : pairs.entrySet()) {
      JsonObject c = e.getValue().getAsJsonObject();
      double[] x = vector(c.getAsJsonArray("x"));
      double[] y = vector(c.getAsJsonArray("y"));
      String name = e.getKey();
      assertClose(name + " pearson", Correlation.pearson(x, y), c.get("pearson"), 1e-12);
      assertClose(name + " spearman", Correlation.spearman(x, y), c.get("spearman"), 1e-12);
      assertClose(name + " kendall", Correlation.kendallTauB(x, y), c.get("kendall"), 1e-12);
      assertThat(Ranks.average(x)).as(name + " ranks").containsExactly(vector(c.getAsJsonArray("ranks_x")));
      int[] desc = c.getAsJsonArray("descending_x").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
      assertThat(Ranks.descending(x)).as(name + " descending ranks").containsExactly(desc);
      if (x.length > 0) {
        assertClose(name + " std ddof 0", Moments.std(x, 0), c.get("std0_x"), 1e-12);
      }
      if (x.length > 1) {
        assertClose(name + " std ddof 1", Moments.std(x, 1), c.get("std1_x"), 1e-12);
      }
    }
  }

  @Test
  void pairwiseCompleteMatricesMatchOverAllAndOverASubset() {
    JsonObject m = ref.getAsJsonObject("matrix");
    JsonArray cols = m.getAsJsonArray("columns");
    double[][] columns = new double[cols.size()][];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = vector(cols.get(i).getAsJsonArray());
    }
    JsonArray keepJson = m.getAsJsonArray("keep");
    boolean[] keep = new boolean[keepJson.size()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = keepJson.get(i).getAsBoolean();
    }
    List<String> labels = List.of("a", "b", "c", "d");
    for (String subset : List.of("all", "kept")) {
      JsonObject expected = m.getAsJsonObject(subset);
      for (Correlation.Method method : Correlation.Method.values()) {
        CorrelationMatrix cm = CorrelationMatrix.of(method, labels, columns, subset.equals("all") ? null : keep);
        JsonArray rows = expected.getAsJsonArray(method.name().toLowerCase(java.util.Locale.ROOT));
        JsonArray cells = expected.getAsJsonArray("cells");
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 4; j++) {
            String what = subset + " " + method + " [" + i + "][" + j + "]";
            assertClose(what, cm.values()[i][j], rows.get(i).getAsJsonArray().get(j), 1e-12);
            assertThat(cm.cells()[i][j]).as(what + " cells").isEqualTo(cells.get(i).getAsJsonArray().get(j).getAsInt());
          }
        }
      }
    }
  }

  private static void assertClose(String what, double actual, JsonElement expected, double tol) {
    if (expected.isJsonNull()) {
      assertThat(actual).as(what + " (scipy: nan)").isNaN();
    } else {
      assertThat(actual).as(what).isCloseTo(expected.getAsDouble(), within(tol));
    }
  }

  private static double[] vector(JsonArray a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).isJsonNull() ? Double.NaN : a.get(i).getAsDouble();
    }
    return v;
  }
}
