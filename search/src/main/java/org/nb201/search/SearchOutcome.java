package org.nb201.search;

import java.util.List;

/**
 * What a search experiment on a store returned: every run's result, the paper-style summary (which
 * carries the provenance) and the wall time of the runs.
 */
public record SearchOutcome(List<RunResult> results, SearchSummary summary, double wallSeconds) {
  public SearchOutcome {
    results = List.copyOf(results);
  }
}
