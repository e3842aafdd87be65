package org.nb201.pickle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the inert {@code torch._utils._rebuild_tensor_v2} records and storage persistent ids of a
 * torch pickle into {@link TorchTensor}s, reading each storage's raw little-endian bytes through a
 * {@link Loader}. Strided views are gathered element by element; element counts are capped so that
 * a hostile file cannot make it allocate more than {@link #MAX_ELEMENTS} values.
 */
final class TorchStorages {
  /** Largest tensor decoded: the benchmark tables hold none, so anything bigger is weights or hostile. */
  static final int MAX_ELEMENTS = 1 << 22;

  /** Raw bytes of the storage with this key, holding {@code bytes} bytes. */
  interface Loader {
    byte[] load(String key, long bytes) throws TorchFormatException;
  }

  private final Loader loader;
  private final Map<Object, Object> done = new IdentityHashMap<>();

  TorchStorages(Loader loader) {
    this.loader = loader;
  }

  /** {@code value} with every tensor record replaced (containers are updated in place). */
  @SuppressWarnings("unchecked")
  Object resolve(Object value) throws TorchFormatException {
    if (value instanceof PyObject p && isRebuild(p)) {
      Object t = done.get(p);
      if (t == null) {
        t = tensor(p);
        done.put(p, t);
      }
      return t;
    }
    if (value instanceof PersistentId) {
      throw fail("a bare storage outside a tensor is not supported");
    }
    if (value instanceof Map<?, ?> m && done.put(value, value) == null) {
      for (Map.Entry<Object, Object> e : ((Map<Object, Object>) m).entrySet()) {
        e.setValue(resolve(e.getValue()));
      }
    } else if (value instanceof ArrayList<?> l && done.put(value, value) == null) {
      List<Object> list = (List<Object>) l;
      for (int i = 0; i < list.size(); i++) {
        list.set(i, resolve(list.get(i)));
      }
    } else if (value instanceof PyTuple t) {
      Object[] items = t.toArray();
      boolean changed = false;
      for (int i = 0; i < items.length; i++) {
        Object r = resolve(items[i]);
        changed |= r != items[i];
        items[i] = r;
      }
      return changed ? PyTuple.wrap(items) : t;
    } else if (value instanceof PyObject p) {
      throw fail("object " + p.type() + " is not a tensor; only tensors and plain data are supported");
    }
    return value;
  }

  static boolean isRebuild(PyObject p) {
    return p.type().qualifiedName().equals("torch._utils._rebuild_tensor_v2");
  }

  private TorchTensor tensor(PyObject p) throws TorchFormatException {
    PyTuple a = p.args();
    if (a.size() < 4 || !(a.get(0) instanceof PersistentId id) || !(a.get(1) instanceof Long offset)
        || !(a.get(2) instanceof PyTuple size) || !(a.get(3) instanceof PyTuple stride)
        || size.size() != stride.size()) {
      throw fail("_rebuild_tensor_v2 arguments must be (storage, offset, size, stride, ...)");
    }
    if (!(id.id() instanceof PyTuple pid) || pid.size() < 5 || !"storage".equals(pid.get(0))
        || !(pid.get(1) instanceof PyGlobal type) || !(pid.get(2) instanceof String key)
        || !(pid.get(4) instanceof Long numel)) {
      throw fail("storage id must be ('storage', type, key, location, numel)");
    }
    int elem = elementSize(type);
    if (numel < 0 || numel > MAX_ELEMENTS) {
      throw fail("storage '" + Texts.clip(key) + "' of " + numel + " elements exceeds the cap of " + MAX_ELEMENTS);
    }
    int[] shape = new int[size.size()];
    long count = 1;
    long last = offset;
    for (int i = 0; i < shape.length; i++) {
      if (!(size.get(i) instanceof Long n) || n < 0 || !(stride.get(i) instanceof Long s) || s < 0) {
        throw fail("tensor size and stride must be non-negative ints");
      }
      shape[i] = (int) Math.min(n, Integer.MAX_VALUE);
      count = Math.min((long) MAX_ELEMENTS + 1, count * Math.max(n, 0));
      last += (n - 1) * s;
    }
    if (count > MAX_ELEMENTS) {
      throw fail("tensor of more than " + MAX_ELEMENTS + " elements is not supported");
    }
    if (count > 0 && (offset < 0 || last >= numel)) {
      throw fail("tensor view reaches beyond its storage of " + numel + " elements");
    }
    ByteBuffer raw = ByteBuffer.wrap(loader.load(key, numel * elem)).order(ByteOrder.LITTLE_ENDIAN);
    boolean floating = type.name().equals("FloatStorage") || type.name().equals("DoubleStorage");
    double[] f = floating ? new double[(int) count] : null;
    long[] l = floating ? null : new long[(int) count];
    int[] idx = new int[shape.length];
    for (int k = 0; k < count; k++) {
      long at = offset;
      for (int d = 0; d < shape.length; d++) {
        at += idx[d] * (Long) stride.get(d);
      }
      int pos = (int) (at * elem);
      switch (type.name()) {
        case "FloatStorage" -> f[k] = raw.getFloat(pos);
        case "DoubleStorage" -> f[k] = raw.getDouble(pos);
        case "IntStorage" -> l[k] = raw.getInt(pos);
        default -> l[k] = raw.getLong(pos);
      }
      for (int d = shape.length - 1; d >= 0 && ++idx[d] == shape[d]; d--) {
        idx[d] = 0;
      }
    }
    return new TorchTensor(type.qualifiedName(), shape, f, l);
  }

  /** Storage key to storage type of every storage id in {@code value}. */
  static Map<String, PyGlobal> storageTypes(Object value) {
    Map<String, PyGlobal> out = new HashMap<>();
    collect(value, out, new IdentityHashMap<>());
    return out;
  }

  private static void collect(Object v, Map<String, PyGlobal> out, Map<Object, Object> seen) {
    if (v instanceof PersistentId id && id.id() instanceof PyTuple t && t.size() >= 3
        && t.get(1) instanceof PyGlobal g && t.get(2) instanceof String key) {
      out.put(key, g);
    } else if (v instanceof Map<?, ?> m && seen.put(v, v) == null) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        collect(e.getValue(), out, seen);
      }
    } else if (v instanceof Collection<?> c && seen.put(v, v) == null) {
      for (Object x : c) {
        collect(x, out, seen);
      }
    } else if (v instanceof PyObject p && seen.put(v, v) == null) {
      collect(p.args(), out, seen);
      collect(p.state(), out, seen);
    }
  }

  static int elementSize(PyGlobal type) throws TorchFormatException {
    return switch (type.qualifiedName()) {
      case "torch.FloatStorage", "torch.IntStorage" -> 4;
      case "torch.DoubleStorage", "torch.LongStorage" -> 8;
      default -> throw fail("storage type " + type + " is not supported (float, double, int, long only)");
    };
  }

  private static TorchFormatException fail(String reason) {
    return new TorchFormatException(reason);
  }
}
