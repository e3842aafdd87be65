package org.nb201.pickle;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A Python tuple: an immutable list with value equality, usable as a map key (NATS keys results by
 * {@code (dataset, seed)}). Equal only to another tuple with equal elements ({@code byte[]} by
 * content). Hash and nesting facts are computed once at construction, so using a tuple as a key
 * costs no recursion into its elements.
 */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
  /** The empty tuple. */
  public static final PyTuple EMPTY = new PyTuple(new Object[0]);

  private final Object[] items;
  private final boolean hashable;
  private final int depth;
  private final long weight;
  private final int hash;

  private PyTuple(Object[] items) {
    this.items = items;
    boolean h = true;
    int d = 0;
    long w = 1;
    int code = 1;
    for (Object o : items) {
      if (o instanceof PyTuple t) {
        h &= t.hashable;
        d = Math.max(d, t.depth);
        w = Math.min(Long.MAX_VALUE / 2, w + t.weight);
      } else {
        h &= isHashableLeaf(o);
        w++;
      }
      code = 31 * code + (h ? elementHash(o) : 0);
    }
    this.hashable = h;
    this.depth = d + 1;
    this.weight = w;
    this.hash = code;
  }

  /** A tuple of these elements (copied). */
  public static PyTuple of(Object... items) {
    return items.length == 0 ? EMPTY : new PyTuple(items.clone());
  }

  /** Wraps an array the caller will never touch again. */
  static PyTuple wrap(Object[] items) {
    return items.length == 0 ? EMPTY : new PyTuple(items);
  }

  /** Whether a value of this type may be a dict key or set element (Python's hashable types). */
  static boolean isHashableLeaf(Object o) {
    return o == null || o instanceof String || o instanceof Long || o instanceof Double
        || o instanceof Boolean || o instanceof BigInteger || o instanceof byte[];
  }

  /** True when every element is hashable, recursively. */
  boolean isHashable() {
    return hashable;
  }

  /** Nesting depth counting tuples only (1 for a tuple of non-tuples). */
  int depth() {
    return depth;
  }

  /** Number of nodes when nested tuples are expanded: bounds the cost of equals. */
  long weight() {
    return weight;
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  @Override
  public Object[] toArray() {
    return items.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof PyTuple t) || t.items.length != items.length
        || (hashable && t.hashable && t.hash != hash)) {
      return false;
    }
    for (int i = 0; i < items.length; i++) {
      Object a = items[i];
      Object b = t.items[i];
      if (a != b && !(a instanceof byte[] x && b instanceof byte[] y ? Arrays.equals(x, y)
          : a != null && a.equals(b))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    if (hashable) {
      return hash;
    }
    int code = 1;
    for (Object o : items) {
      code = 31 * code + elementHash(o);
    }
    return code;
  }

  private static int elementHash(Object o) {
    return o instanceof byte[] b ? Arrays.hashCode(b) : o == null ? 0 : o.hashCode();
  }

  /** Python-like text, e.g. {@code ('cifar10', 777)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < items.length; i++) {
      sb.append(i == 0 ? "" : ", ");
      Object o = items[i];
      sb.append(o instanceof String s ? "'" + s + "'" : o instanceof byte[] b ? "b<" + b.length + ">" : o);
    }
    return sb.append(items.length == 1 ? ",)" : ")").toString();
  }
}
