package org.nb201.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import org.nb201.search.EvalCost;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchSummary;

/** The JSON form of a search summary: metric keys as {@code dataset/split}, missing values as null. */
final class SearchJson {
  private SearchJson() {}

  static String summary(SearchConfig c, SearchSummary s, double wallSeconds) {
    JsonObject o = new JsonObject();
    o.addProperty("algorithm", c.algorithm());
    o.addProperty("runs", c.runs());
    o.addProperty("budget", c.budget());
    o.addProperty("seed", c.seed());
    return summary(withOptions(o, "seed", c.algorithm(), c.options().describe()), s, wallSeconds);
  }

  /** The summary under a header the caller filled (the algorithm and its settings). */
  static String summary(JsonObject o, SearchSummary s, double wallSeconds) {
    o.addProperty("mean_evaluated", s.meanEvaluated());
    o.addProperty("mean_simulated_time", s.meanUsedTime());
    JsonObject cov = new JsonObject();
    cov.addProperty("cells", s.coveredCells());
    cov.addProperty("partial", s.partialCoverage());
    o.add("coverage", cov);
    o.add("eval_cost", evalCost(s.evalCost()));
    o.add("metrics", metrics(s.metrics(), "no run's cell has"));
    o.addProperty("wall_seconds", wallSeconds);
    Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
    o.add("provenance", gson.toJsonTree(s.provenance().toMap()));
    return gson.toJson(o);
  }

  /**
   * The {@code metrics} object of a search's JSON: per {@code dataset/split} key the mean and std over the runs'
   * cells, how many have a value, the best cell in the store, and what is missing; {@code whose} starts the missing
   * message ("no run's cell has").
   */
  static JsonObject metrics(Map<String, SearchSummary.Stat> stats, String whose) {
    JsonObject metrics = new JsonObject();
    for (Map.Entry<String, SearchSummary.Stat> e : stats.entrySet()) {
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
            : whose + " hp 200 data for " + e.getKey());
      }
      metrics.add(e.getKey(), m);
    }
    return metrics;
  }

  /** {@code summary} with the algorithm's own settings (REINFORCE's lr, BOHB's eta, ...) after {@code key}. */
  private static JsonObject withOptions(JsonObject summary, String key, String algorithm, Map<String, Object> options) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, JsonElement> e : summary.entrySet()) {
      out.add(e.getKey(), e.getValue());
      if (e.getKey().equals(key)) {
        for (Map.Entry<String, Object> option : options.entrySet()) {
          if (summary.has(option.getKey())) {
            throw new IllegalStateException(algorithm + "'s option " + option.getKey() + " clashes with a summary key");
          }
          out.add(option.getKey(), option.getValue() instanceof Number n ? new JsonPrimitive(n)
              : new JsonPrimitive(String.valueOf(option.getValue())));
        }
      }
    }
    return out;
  }

  private static JsonElement num(double x) {
    return Double.isFinite(x) ? new JsonPrimitive(x) : JsonNull.INSTANCE;
  }

  /** How an evaluation was priced: {@code source} store, estimated or fixed, and what the estimate rests on. */
  private static JsonObject evalCost(EvalCost c) {
    JsonObject o = new JsonObject();
    o.addProperty("source", c.source().key());
    o.addProperty("estimated", c.estimated());
    o.add("fixed_seconds", num(c.fixedSeconds()));
    o.addProperty("epochs", c.epochs());
    o.addProperty("trials", c.trials());
    o.addProperty("estimated_trials", c.estimatedTrials());
    o.addProperty("min_timed_epochs", c.minTimedEpochs());
    o.addProperty("max_timed_epochs", c.maxTimedEpochs());
    o.addProperty("unpriced_cells", c.unpricedCells());
    return o;
  }
}
