package org.nb201.space.provenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading back the plain maps and lists {@code toMap()} wrote, after a JSON round trip. */
final class Maps {
  private Maps() {}

  /** The text at {@code key}, or null. */
  static String text(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString();
  }

  /** The whole number at {@code key} (JSON readers may give a double), or {@code absent}. */
  static long number(Map<?, ?> m, String key, long absent) {
    Object v = m.get(key);
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s && !s.isBlank()) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        return absent;
      }
    }
    return absent;
  }

  /** The map at {@code key} with text keys, or empty. */
  static Map<String, Object> map(Map<?, ?> m, String key) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (m.get(key) instanceof Map<?, ?> inner) {
      inner.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }

  /** The list at {@code key}, or empty. */
  static List<Object> list(Map<?, ?> m, String key) {
    return m.get(key) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
  }
}
