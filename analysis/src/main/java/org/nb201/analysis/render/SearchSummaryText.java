package org.nb201.analysis.render;

import java.util.Locale;
import java.util.Map;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchSummary;
import org.nb201.space.Arch;

/** The paper-style table of one search experiment, as {@code nb201 search} prints it. */
public final class SearchSummaryText {
  private SearchSummaryText() {}

  /** The header lines and one row per reported metric: mean, std, runs with a value, best in the store. */
  public static String render(SearchConfig c, SearchSummary s, double wallSeconds, String storeName) {
    return render(String.format(Locale.ROOT, "nb201 search %s: %d runs, budget %.0f simulated s, seed %d, store %s",
        c.algorithm(), c.runs(), c.budget(), c.seed(), storeName), s, wallSeconds);
  }

  /** As {@link #render(SearchConfig, SearchSummary, double, String)} under the caller's header line. */
  public static String render(String header, SearchSummary s, double wallSeconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(header).append(System.lineSeparator());
    if (s.partialCoverage()) {
      sb.append(String.format(Locale.ROOT, "note: the store covers %d of %d cells; the algorithms search within"
          + " them%n", s.coveredCells(), Arch.COUNT));
    }
    for (String note : new String[] {s.evalCost().describe(), s.evalCost().describeUnpriced()}) {
      if (note != null) {
        sb.append("note: ").append(note).append(System.lineSeparator());
      }
    }
    sb.append(String.format(Locale.ROOT, "evaluated cells per run: %.1f   simulated time per run: %.1f s   search wall"
        + " time: %.3f s%n", s.meanEvaluated(), s.meanUsedTime(), wallSeconds));
    sb.append(String.format(Locale.ROOT, "%-24s %8s %7s %6s   %s%n", "accuracy (%)", "mean", "std", "runs",
        "best in store"));
    for (Map.Entry<String, SearchSummary.Stat> e : s.metrics().entrySet()) {
      SearchSummary.Stat st = e.getValue();
      if (st.present() == 0) {
        sb.append(String.format(Locale.ROOT, "%-24s %8s %7s %6d   %s%n", e.getKey(), "missing", "", 0,
            Double.isNaN(st.bestPossible()) ? "(no data for it in the store)" : best(st)));
      } else {
        sb.append(String.format(Locale.ROOT, "%-24s %8.2f %7.2f %6d   %s%n", e.getKey(), st.mean(), st.std(),
            st.present(), best(st)));
      }
    }
    return sb.toString();
  }

  private static String best(SearchSummary.Stat st) {
    return String.format(Locale.ROOT, "%.2f (index %d)", st.bestPossible(), st.bestIndex());
  }
}
