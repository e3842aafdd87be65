package org.nb201.bench.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/** Turns DuckDB's multi-line exceptions into one-line {@link StoreException}s that name the file. */
final class StoreErrors {
  private StoreErrors() {}

  /** A store error for a failure while opening or reading {@code file}. */
  static StoreException reading(Path file, SQLException e) {
    String detail = firstLine(e);
    String lower = detail.toLowerCase(Locale.ROOT);
    if (lower.contains("corrupt") || lower.contains("checksum") || lower.contains("could not read enough")) {
      return new StoreException("store " + file + " is corrupt or truncated (" + detail
          + "); re-create it from its sources", e);
    }
    if (lower.contains("could not set lock") || lower.contains("conflicting lock")) {
      return new StoreException("store " + file + " is locked by another process (" + detail
          + "); close the program that writes it and retry", e);
    }
    if (lower.contains("different configuration")) {
      return new StoreException("store " + file + " is already open for writing in this program; close that"
          + " connection first (" + detail + ")", e);
    }
    if (lower.contains("not a valid duckdb") || lower.contains("magic")) {
      return new StoreException(file + " is not a DuckDB database (" + detail
          + "); expected a store written by nb201", e);
    }
    if (lower.contains("version")) {
      return new StoreException("store " + file + " was written by an incompatible DuckDB (" + detail
          + "); expected a file this DuckDB (2.x) reads", e);
    }
    return new StoreException("store " + file + " is corrupt or truncated (" + detail
        + "); re-create it from its sources", e);
  }

  /** A store error for a failure while writing {@code file}. */
  static StoreException writing(Path file, SQLException e) {
    return new StoreException("cannot write store " + file + ": " + firstLine(e), e);
  }

  /** The first meaningful line of a DuckDB message, without the error-class prefix repetition. */
  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    for (String line : m.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("{") && !t.startsWith("LINE ")) {
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
      }
    }
    return m.strip();
  }
}
