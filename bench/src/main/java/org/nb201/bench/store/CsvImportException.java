package org.nb201.bench.store;

import java.util.List;

/**
 * A tidy CSV file has bad rows. Every problem is one line of the form {@code file:line: what is
 * wrong, what is expected}; nothing was written when this is thrown.
 */
public final class CsvImportException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;
  private final int total;

  CsvImportException(List<String> problems, int total) {
    super(problems.get(0) + (total > 1 ? " (and " + (total - 1) + " more problems)" : ""));
    this.problems = List.copyOf(problems);
    this.total = total;
  }

  /** The problems found, each one line with file and line number; at most {@link CsvProblems#MAX_LISTED}. */
  public List<String> problems() {
    return problems;
  }

  /** The total number of problems, also those not listed. */
  public int total() {
    return total;
  }
}
