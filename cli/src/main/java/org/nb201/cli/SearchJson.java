package org.nb201.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.nb201.bench.store.Provenance;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchSummary;

/** The JSON form of a search summary: metric keys as {@code dataset/split}, missing values as null. */
final class SearchJson {
  private SearchJson() {}

  static String summary(SearchConfig c, SearchSummary s, Path store, double wallSeconds) {
    JsonObject o = new JsonObject();
    o.addProperty("algorithm", c.algorithm().key());
    o.addProperty("runs", c.runs());
    o.addProperty("budget", c.budget());
    o.addProperty("seed", c.seed());
    if (c.algorithm() == org.nb201.search.Algorithm.REINFORCE) {
      o.addProperty("lr", c.learningRate());
    }
    return summary(o, s, store, wallSeconds, c.threads());
  }

  /** The summary under a header the caller filled (algorithm and its settings). */
  static String summary(JsonObject o, SearchSummary s, Path store, double wallSeconds, int threads) {
    o.addProperty("mean_evaluated", s.meanEvaluated());
    o.addProperty("mean_simulated_time", s.meanUsedTime());
    JsonObject cov = new JsonObject();
    cov.addProperty("cells", s.coveredCells());
    cov.addProperty("partial", s.partialCoverage());
    o.add("coverage", cov);
    JsonObject metrics = new JsonObject();
    for (Map.Entry<String, SearchSummary.Stat> e : s.metrics().entrySet()) {
      SearchSummary.Stat st = e.getValue();
      JsonObject m = new JsonObject();
      m.add("mean", num(st.mean()));
      m.add("std", num(st.std()));
      m.addProperty("runs_with_value", st.present());
      m.add("best_in_store", num(st.bestPossible()));
      if (st.bestIndex() >= 0) {
        m.addProperty("best_index", st.bestIndex());
      }
      if (st.present() == 0) {
        m.addProperty("missing", Double.isNaN(st.bestPossible()) ? "no hp 200 data for " + e.getKey() + " in the store"
            : "no run's cell has hp 200 data for " + e.getKey());
      }
      metrics.add(e.getKey(), m);
    }
    o.add("metrics", metrics);
    o.addProperty("wall_seconds", wallSeconds);
    JsonObject prov = new JsonObject();
    prov.addProperty("tool_version", Provenance.currentToolVersion());
    prov.addProperty("store", store.toAbsolutePath().toString());
    prov.addProperty("threads", threads);
    prov.addProperty("machine", Provenance.thisMachine());
    o.add("provenance", prov);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(o);
  }

  private static com.google.gson.JsonElement num(double x) {
    return Double.isFinite(x) ? new com.google.gson.JsonPrimitive(x) : com.google.gson.JsonNull.INSTANCE;
  }
}
