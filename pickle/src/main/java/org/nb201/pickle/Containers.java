package org.nb201.pickle;

import java.util.Map;
import java.util.Set;

/** Insertion into dicts and sets with Python's rule that keys and elements must be hashable. */
final class Containers {
  /**
   * Largest tuple key, counted in nested elements: bounds the cost of comparing two keys, which
   * a pickle could otherwise make exponential by sharing sub-tuples through the memo.
   */
  static final long MAX_KEY_WEIGHT = 4096;

  private Containers() {
  }

  static void put(PickleInput in, Map<Object, Object> map, Object key, Object value)
      throws PickleException {
    checkHashable(in, key, "dict key");
    map.put(key, value);
  }

  static void add(PickleInput in, Set<Object> set, Object element) throws PickleException {
    checkHashable(in, element, "set element");
    set.add(element);
  }

  /** Strings, numbers, bools, None, bytes and tuples of those; frozensets are not supported as keys. */
  static void checkHashable(PickleInput in, Object key, String what) throws PickleException {
    if (PyTuple.isHashableLeaf(key)) {
      return;
    }
    if (key instanceof PyTuple t && t.isHashable()) {
      if (t.weight() > MAX_KEY_WEIGHT) {
        throw in.error(what + " tuple is too large (" + t.weight() + " nested elements, limit "
            + MAX_KEY_WEIGHT + ")");
      }
      return;
    }
    throw in.error(what + " of type " + Texts.typeName(key) + " is not hashable");
  }
}
