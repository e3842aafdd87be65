package org.nb201.bench.store;

import java.util.ArrayList;
import java.util.List;

/** Collects line-numbered problems while a CSV file is checked, keeping the first {@link #MAX_LISTED}. */
final class CsvProblems {
  /** How many problems an exception lists; the rest are only counted. */
  static final int MAX_LISTED = 100;

  private final List<String> listed = new ArrayList<>();
  private int total;

  void add(String file, long line, String message) {
    total++;
    if (listed.size() < MAX_LISTED) {
      listed.add(file + ":" + line + ": " + message);
    }
  }

  boolean isEmpty() {
    return total == 0;
  }

  void throwIfAny() throws CsvImportException {
    if (total > 0) {
      throw new CsvImportException(listed, total);
    }
  }
}
