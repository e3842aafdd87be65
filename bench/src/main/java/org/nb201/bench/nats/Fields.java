package org.nb201.bench.nats;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nb201.bench.pickle.PyTuple;

/**
 * Typed access to unpickled values of one file; every mismatch is a {@link NatsFormatException}
 * naming the file and the path inside it (e.g. {@code hp '200' (cifar10, 777) train_acc1es}).
 */
final class Fields {
  /** Far beyond the official 200; bounds the per-epoch arrays a hostile file could make us allocate. */
  static final int MAX_EPOCH = 99_999;

  private final Path file;

  Fields(Path file) {
    this.file = file;
  }

  NatsFormatException error(String where, String problem) {
    return new NatsFormatException(file, where + ": " + problem);
  }

  Map<?, ?> dict(Object value, String where) throws NatsFormatException {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw error(where, "expected a dict, got " + describe(value));
  }

  /** A dict, or an empty one for None. */
  Map<?, ?> dictOrEmpty(Object value, String where) throws NatsFormatException {
    return value == null ? Map.of() : dict(value, where);
  }

  Object get(Map<?, ?> map, String key, String where) throws NatsFormatException {
    if (!map.containsKey(key)) {
      throw error(where, "missing key '" + key + "'");
    }
    return map.get(key);
  }

  String string(Object value, String where) throws NatsFormatException {
    if (value instanceof String s) {
      return s;
    }
    throw error(where, "expected a string, got " + describe(value));
  }

  long integer(Object value, String where) throws NatsFormatException {
    if (value instanceof Long l) {
      return l;
    }
    throw error(where, "expected an int, got " + describe(value));
  }

  /** A number as double; None is NaN (unknown). */
  double number(Object value, String where) throws NatsFormatException {
    if (value == null) {
      return Double.NaN;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw error(where, "expected a number, got " + describe(value));
  }

  List<?> listOrEmpty(Object value, String where) throws NatsFormatException {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return l;
    }
    throw error(where, "expected a list, got " + describe(value));
  }

  int epoch(Object key, String where) throws NatsFormatException {
    if (key instanceof Long l && l >= 0 && l <= MAX_EPOCH) {
      return (int) (long) l;
    }
    throw error(where, "expected an epoch 0.." + MAX_EPOCH + ", got " + describe(key));
  }

  /** Text from a file, made safe for a one-line message: control characters escaped, long text cut. */
  static String clip(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 120; i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return sb.length() >= 120 ? sb + "..." : sb.toString();
  }

  /** Type and, for scalars, value; never a container's toString (it may be huge). */
  static String describe(Object v) {
    if (v == null) {
      return "None";
    } else if (v instanceof String s) {
      return "str '" + clip(s) + "'";
    } else if (v instanceof Number || v instanceof Boolean) {
      return v.getClass().getSimpleName() + " " + v;
    } else if (v instanceof Map<?, ?> m) {
      return "dict of " + m.size() + " entries";
    } else if (v instanceof List<?> l) {
      return (v instanceof PyTuple ? "tuple of " : "list of ") + l.size();
    }
    return v.getClass().getSimpleName();
  }
}
