package org.nb201.pickle;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The final check on an unpickled value: no container contains itself (the memo makes cycles
 * possible) and nesting stays within the profile's depth, so that equals, hashCode and toString
 * on the result can neither loop nor overflow the Java stack. Each shared container is measured
 * once, so the cost is linear in the number of container edges, not in the expanded tree.
 */
final class StructureCheck {
  private final PickleInput in;
  private final int maxDepth;
  private final Map<Object, Integer> height = new IdentityHashMap<>();
  private final Map<Object, Boolean> onPath = new IdentityHashMap<>();

  private StructureCheck(PickleInput in, int maxDepth) {
    this.in = in;
    this.maxDepth = maxDepth;
  }

  static void check(PickleInput in, Object root, int maxDepth) throws PickleException {
    new StructureCheck(in, maxDepth).height(root, 0);
  }

  /** Height of the container tree below {@code o}; {@code level} is the depth {@code o} sits at. */
  private int height(Object o, int level) throws PickleException {
    if (o instanceof NumpyArray a && !a.isBuilt()) {
      throw in.error("a numpy array never received its state (_reconstruct without BUILD)");
    }
    if (!isContainer(o)) {
      return 0;
    }
    Integer known = height.get(o);
    if (known != null) {
      if (level + known > maxDepth) {
        throw tooDeep();
      }
      return known;
    }
    if (level >= maxDepth) {
      throw tooDeep();
    }
    if (onPath.put(o, Boolean.TRUE) != null) {
      throw in.error("the value contains itself (cyclic structures are not supported)");
    }
    int h = 0;
    if (o instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        h = Math.max(h, 1 + height(e.getKey(), level + 1));
        h = Math.max(h, 1 + height(e.getValue(), level + 1));
      }
    } else if (o instanceof Collection<?> c) {
      for (Object x : c) {
        h = Math.max(h, 1 + height(x, level + 1));
      }
    } else if (o instanceof PyObject p) {
      h = Math.max(1 + height(p.args(), level + 1), 1 + height(p.kwargs(), level + 1));
      h = Math.max(h, 1 + height(p.state(), level + 1));
    } else if (o instanceof PersistentId p) {
      h = 1 + height(p.id(), level + 1);
    }
    onPath.remove(o);
    height.put(o, h);
    return h;
  }

  private PickleException tooDeep() {
    return in.error("nesting deeper than " + maxDepth + " levels");
  }

  private static boolean isContainer(Object o) {
    return o instanceof Collection || o instanceof Map || o instanceof PyObject
        || o instanceof PersistentId;
  }
}
