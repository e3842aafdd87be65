package org.nb201.bench.store;

import java.util.List;
import java.util.regex.Pattern;
import org.nb201.space.ArchParser;
import org.nb201.space.Decimals;
import org.nb201.space.SearchSpace;

/**
 * Parses the typed fields shared by the tidy CSV formats, reporting each bad value as a
 * line-numbered problem. Methods return a sentinel ({@link #BAD}, {@code null}) after reporting.
 */
final class CsvFields {
  static final int BAD = Integer.MIN_VALUE;
  /** No upper limit for {@link #number}. */
  static final double ANY = Double.MAX_VALUE;

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private final String file;
  private final CsvProblems problems;
  private long line;
  private String lastArch;
  private int lastArchIndex = BAD;

  CsvFields(String file, CsvProblems problems) {
    this.file = file;
    this.problems = problems;
  }

  void at(long line) {
    this.line = line;
  }

  void problem(String message) {
    problems.add(file, line, message);
  }

  /** Checks the header row; returns whether the optional trailing {@code top5} column is present. */
  boolean header(List<String> fields, String required, String optional) {
    String got = String.join(",", fields);
    if (got.equals(required)) {
      return false;
    }
    if (optional != null && got.equals(required + "," + optional)) {
      return true;
    }
    problem("header is '" + got + "', expected '" + required + "'"
        + (optional == null ? "" : " optionally followed by '," + optional + "'"));
    return false;
  }

  /** The architecture index from the {@code index} and/or {@code arch} columns, which must agree. */
  int archIndex(String indexText, String archText) {
    int fromIndex = BAD;
    if (!indexText.isEmpty()) {
      fromIndex = integer("index", indexText, 0, SearchSpace.official().size() - 1);
      if (fromIndex == BAD) {
        return BAD;
      }
    }
    if (archText.isEmpty()) {
      if (fromIndex == BAD) {
        problem("index and arch are both empty; give at least one");
      }
      return fromIndex;
    }
    int fromArch = lastArchIndex;
    if (!archText.equals(lastArch)) {
      try {
        fromArch = SearchSpace.official().indexOf(ArchParser.parseOfficial(archText));
      } catch (IllegalArgumentException e) {
        problem("arch '" + archText + "' is not an official architecture string: " + e.getMessage());
        return BAD;
      }
      lastArch = archText;
      lastArchIndex = fromArch;
    }
    if (fromIndex != BAD && fromIndex != fromArch) {
      problem("index " + fromIndex + " and arch '" + archText + "' disagree: that arch has index " + fromArch);
      return BAD;
    }
    return fromArch;
  }

  /** A dataset key of the store format, or {@code null}. */
  String dataset(String text) {
    if (StoreFormat.datasetCode(text) < 0) {
      problem("unknown dataset '" + text + "'; expected one of " + String.join(", ", StoreFormat.DATASETS));
      return null;
    }
    return text;
  }

  /** An integer in [min, max] written in ASCII digits, or {@link #BAD}. */
  int integer(String column, String text, int min, int max) {
    int v;
    try {
      if (!INTEGER.matcher(text).matches()) {
        throw new NumberFormatException();
      }
      v = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      problem(column + " '" + text + "' is not an integer; expected " + min + ".." + max);
      return BAD;
    }
    if (v < min || v > max) {
      problem(column + " " + v + " out of range, expected " + min + ".." + max);
      return BAD;
    }
    return v;
  }

  /**
   * A plain decimal number in [min, max] ({@link Decimals}: no {@code NaN}, infinity, hexadecimal
   * or overflowing values), {@code NaN} when empty (unknown), or {@code null} after reporting.
   */
  Double number(String column, String text, double min, double max) {
    if (text.isEmpty()) {
      return Double.NaN;
    }
    double v;
    try {
      v = Decimals.parse(text);
    } catch (NumberFormatException e) {
      problem(column + " " + e.getMessage() + "; expected " + range(min, max) + " or empty for unknown");
      return null;
    }
    if (v < min || v > max) {
      problem(column + " " + text + " out of range, expected " + range(min, max));
      return null;
    }
    return v;
  }

  private static String range(double min, double max) {
    return max == ANY ? "a number >= " + plain(min) : "a number in " + plain(min) + ".." + plain(max);
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
