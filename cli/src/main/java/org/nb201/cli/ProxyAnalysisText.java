package org.nb201.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.store.StoreReader;
import org.nb201.search.proxy.ProxyAnalysis;
import org.nb201.search.proxy.RankCorrelation;

/** {@code nb201 analyze proxies}: how well the stored training-free scores rank the cells, as text or JSON. */
final class ProxyAnalysisText {
  private ProxyAnalysisText() {}

  static void run(Path store, List<String> vote, boolean json, PrintWriter out) {
    StoreCli.open(store).close();
    try (Nb201Api api = Nb201Api.open(store)) {
      ProxyAnalysis.Report r = ProxyAnalysis.analyze(api, vote != null ? vote : ProxyAnalysis.PAPER_VOTE);
      if (json) {
        out.println(json(r));
      } else {
        print(out, store, r);
      }
      out.flush();
    }
  }

  private static void print(PrintWriter out, Path store, ProxyAnalysis.Report r) {
    out.println("proxy sets in " + store.getFileName() + ": " + r.sets().size());
    for (StoreReader.ProxySetInfo s : r.sets()) {
      out.printf(Locale.ROOT, "  %-60s %6d cells, %6d with a number, %.1f s of scoring%n", s.set().describe(),
          s.scored(), s.withValue(), s.seconds());
    }
    if (r.metrics().isEmpty()) {
      out.println("the store holds no final accuracies to correlate with (only scores)");
      return;
    }
    out.printf(Locale.ROOT, "%-28s %-36s %6s %9s %9s%n", "metric", "proxy", "cells", "spearman", "kendall");
    for (ProxyAnalysis.Row row : r.rows()) {
      String name = row.proxy().startsWith("vote") ? row.proxy() : row.proxy() + " (seed " + row.set().seed() + ", b"
          + row.set().batch() + ")";
      out.printf(Locale.ROOT, "%-28s %-36s %6d %9s %9s%n", row.metric().key(), name, row.kendall().n(),
          fmt(row.spearman()), fmt(row.kendall()));
    }
  }

  private static String fmt(RankCorrelation.Result c) {
    return c == null ? "-" : Double.isNaN(c.value()) ? "n/a" : String.format(Locale.ROOT, "%.3f", c.value());
  }

  private static String json(ProxyAnalysis.Report r) {
    JsonArray rows = new JsonArray();
    for (ProxyAnalysis.Row row : r.rows()) {
      JsonObject o = new JsonObject();
      o.addProperty("proxy", row.proxy());
      o.addProperty("set", row.set().describe());
      o.addProperty("metric", row.metric().key());
      o.addProperty("cells", row.kendall().n());
      o.add("spearman", row.spearman() == null ? null : StoreCli.json(row.spearman().value()));
      o.add("kendall", StoreCli.json(row.kendall().value()));
      rows.add(o);
    }
    JsonObject o = new JsonObject();
    o.add("correlations", rows);
    return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o);
  }
}
