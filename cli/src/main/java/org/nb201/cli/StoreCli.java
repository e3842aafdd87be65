package org.nb201.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import org.nb201.bench.query.MissingDataException;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreException;

/** What the store commands share: opening a store with one-line errors, and number formatting. */
final class StoreCli {
  private StoreCli() {}

  /** Opens a store read-only; a bad file is a user mistake (one line, exit 2). */
  static Store open(Path file) {
    try {
      return Store.open(file);
    } catch (StoreException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** Absent data is reported like a user mistake: the message names what is missing. */
  static UserException missing(MissingDataException e) {
    return new UserException(e.getMessage(), e);
  }

  /** A value as text: Java's shortest round-trip form (like Python's repr), {@code None} when unknown. */
  static String text(double v) {
    return Double.isNaN(v) ? "None" : Double.toString(v);
  }

  /** A value as JSON: a number, or null when unknown (the official None). */
  static JsonElement json(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? JsonNull.INSTANCE : new JsonPrimitive(v);
  }
}
