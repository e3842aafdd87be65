package org.nb201.pickle;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Message helpers: Python type names and one-line, length-capped renderings of hostile text. */
final class Texts {
  private static final int MAX_CLIP = 120;

  private Texts() {
  }

  /** Escapes everything outside printable ASCII and cuts the text to a readable length. */
  static String clip(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < MAX_CLIP; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
      }
    }
    return sb.length() >= MAX_CLIP ? sb.append("...").toString() : sb.toString();
  }

  /**
   * A short, safe rendering for messages: strings quoted and clipped, numbers as they are,
   * anything else by type only (a container's toString could be huge or, before the final
   * structure check, endless).
   */
  static String describe(Object o) {
    if (o instanceof String s) {
      return "'" + clip(s) + "'";
    } else if (o instanceof Number || o instanceof Boolean) {
      return clip(o.toString());
    }
    return typeName(o);
  }

  /** The Python type name of a reader value, for messages. */
  static String typeName(Object o) {
    if (o == null) {
      return "NoneType";
    } else if (o instanceof String) {
      return "str";
    } else if (o instanceof Long || o instanceof BigInteger) {
      return "int";
    } else if (o instanceof Double) {
      return "float";
    } else if (o instanceof Boolean) {
      return "bool";
    } else if (o instanceof byte[]) {
      return "bytes";
    } else if (o instanceof PyTuple) {
      return "tuple";
    } else if (o instanceof List) {
      return "list";
    } else if (o instanceof Map) {
      return "dict";
    } else if (o instanceof Set) {
      return o instanceof HashSet ? "set" : "frozenset";
    } else if (o instanceof PyGlobal g) {
      return "global " + g;
    } else if (o instanceof PyObject p) {
      return p.type() + " object";
    } else if (o instanceof NumpyArray) {
      return "numpy.ndarray";
    } else if (o instanceof NumpyDtype) {
      return "numpy.dtype";
    } else if (o instanceof PersistentId) {
      return "persistent id";
    }
    return o.getClass().getSimpleName();
  }
}
