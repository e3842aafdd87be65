package org.nb201.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.query.FinalView;

/**
 * What a search experiment on a store returned: every run's result, the paper-style summary (which
 * carries the provenance), the wall time of the runs, and the final-epoch view of each reported metric
 * by its key, in column order (what a run folder records about the found cells).
 */
public record SearchOutcome(List<RunResult> results, SearchSummary summary, double wallSeconds,
    Map<String, FinalView> metrics) {
  public SearchOutcome {
    results = List.copyOf(results);
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
