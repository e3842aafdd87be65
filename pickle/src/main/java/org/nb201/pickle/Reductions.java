package org.nb201.pickle;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GLOBAL lookup and what REDUCE, NEWOBJ and BUILD mean for each allow-listed {@link GlobalKind}.
 * Every result is plain data; there is no reflection and no way to reach code from here.
 */
final class Reductions {
  private final PickleProfile profile;
  private final PickleInput in;

  Reductions(PickleProfile profile, PickleInput in) {
    this.profile = profile;
    this.in = in;
  }

  PyGlobal global(String module, String name) throws PickleException {
    if (profile.kindOf(module, name) == null) {
      String allowed = profile.allowedGlobals().isEmpty() ? "none"
          : String.join(", ", profile.allowedGlobals());
      String clipped = Texts.clip(module + "." + name);
      throw in.forbidden(clipped, "global '" + clipped + "' is not allowed (allowed: " + allowed + ")");
    }
    return new PyGlobal(module, name);
  }

  private GlobalKind kind(Object callable, String opName) throws PickleException {
    if (!(callable instanceof PyGlobal g)) {
      throw in.error(opName + " needs an allowed global to call, got " + Texts.typeName(callable));
    }
    return profile.kindOf(g.module(), g.name());
  }

  private PyTuple tuple(Object args, String opName) throws PickleException {
    if (!(args instanceof PyTuple t)) {
      throw in.error(opName + " arguments must be a tuple, got " + Texts.typeName(args));
    }
    return t;
  }

  Object reduce(Object callable, Object argsValue) throws PickleException {
    GlobalKind kind = kind(callable, "REDUCE");
    PyTuple args = tuple(argsValue, "REDUCE");
    return switch (kind) {
      case ORDERED_DICT -> orderedDict(args);
      case NUMPY_DTYPE -> dtype(args);
      case NUMPY_SCALAR -> scalar(args);
      case NUMPY_ARRAY -> array(args);
      case NUMPY_NDARRAY -> throw in.error("REDUCE is not allowed on " + callable
          + " (numpy arrays are rebuilt by _reconstruct)");
      case CODECS_ENCODE -> encode(args);
      case DATA_OBJECT -> new PyObject((PyGlobal) callable, args, Map.of());
    };
  }

  Object newObject(Object cls, Object argsValue, Object kwargsValue) throws PickleException {
    GlobalKind kind = kind(cls, "NEWOBJ");
    PyTuple args = tuple(argsValue, "NEWOBJ");
    if (kind != GlobalKind.DATA_OBJECT) {
      throw in.error("NEWOBJ is not allowed on " + cls);
    }
    if (kwargsValue != null && !(kwargsValue instanceof Map)) {
      throw in.error("NEWOBJ_EX keyword arguments must be a dict, got " + Texts.typeName(kwargsValue));
    }
    @SuppressWarnings("unchecked")
    Map<Object, Object> kwargs = kwargsValue == null ? Map.of() : (Map<Object, Object>) kwargsValue;
    return new PyObject((PyGlobal) cls, args, kwargs);
  }

  /** BUILD: state on a dtype, an array or a data object; an empty state is a no-op on anything. */
  void build(Object target, Object state) throws PickleException {
    if (state == null || state instanceof Map<?, ?> m && m.isEmpty()) {
      return;
    }
    if (target instanceof NumpyDtype d) {
      if (!(state instanceof PyTuple t) || t.size() < 2 || !(t.get(1) instanceof String order)
          || !d.setByteOrder(order)) {
        throw in.error("numpy.dtype state must be a tuple with a byte order, got "
            + Texts.describe(state));
      }
    } else if (target instanceof NumpyArray a && !a.isBuilt()) {
      buildArray(a, state);
    } else if (target instanceof PyObject o && o.state() == null) {
      o.setState(state);
    } else {
      throw in.error("BUILD is not allowed on " + Texts.typeName(target));
    }
  }

  private Object orderedDict(PyTuple args) throws PickleException {
    Map<Object, Object> map = new LinkedHashMap<>();
    if (args.isEmpty()) {
      return map;
    }
    if (args.size() == 1 && args.get(0) instanceof List<?> pairs) {
      for (Object p : pairs) {
        if (!(p instanceof List<?> kv) || kv.size() != 2) {
          throw in.error("OrderedDict items must be (key, value) pairs");
        }
        Containers.put(in, map, kv.get(0), kv.get(1));
      }
      return map;
    }
    throw in.error("OrderedDict arguments must be () or ([pairs],)");
  }

  private Object dtype(PyTuple args) throws PickleException {
    Object spec = args.isEmpty() ? null : args.get(0);
    NumpyDtype d = spec instanceof String s ? NumpyDtype.parse(s) : null;
    if (d == null) {
      throw in.error("unsupported numpy dtype " + Texts.describe(spec)
          + " (supported: f4, f8, i1-i8, u1-u8, b1)");
    }
    return d;
  }

  private Object scalar(PyTuple args) throws PickleException {
    if (args.size() != 2 || !(args.get(0) instanceof NumpyDtype d) || !(args.get(1) instanceof byte[] raw)) {
      throw in.error("numpy scalar arguments must be (dtype, bytes)");
    }
    if (raw.length != d.itemSize()) {
      throw in.error("numpy scalar of " + d + " needs " + d.itemSize() + " bytes, got " + raw.length);
    }
    return d.decode(raw, 0);
  }

  private Object array(PyTuple args) throws PickleException {
    if (args.size() != 3 || !(args.get(0) instanceof PyGlobal g)
        || profile.kindOf(g.module(), g.name()) != GlobalKind.NUMPY_NDARRAY) {
      throw in.error("_reconstruct arguments must be (numpy.ndarray, shape, typecode), got "
          + (args.isEmpty() ? "()" : Texts.typeName(args.get(0)) + " first"));
    }
    return new NumpyArray();
  }

  /**
   * The state numpy's {@code ndarray.__reduce__} writes: {@code (version, shape, dtype, is_fortran,
   * data)}, the data being bytes or, from Python 2, a str holding the bytes as latin-1 characters.
   */
  private void buildArray(NumpyArray a, Object state) throws PickleException {
    if (!(state instanceof PyTuple t) || t.size() != 5 || !(t.get(0) instanceof Long)
        || !(t.get(1) instanceof PyTuple dims) || !(t.get(2) instanceof NumpyDtype dtype)
        || !(t.get(3) instanceof Boolean fortran)) {
      throw in.error("numpy array state must be (version, shape, dtype, is_fortran, data), got "
          + Texts.describe(state));
    }
    if (fortran) {
      throw in.error("Fortran-order numpy arrays are not supported (expected C order)");
    }
    if (dims.size() > NumpyArray.MAX_DIMS) {
      throw in.error("numpy array of " + dims.size() + " dimensions (at most " + NumpyArray.MAX_DIMS + ")");
    }
    int[] shape = new int[dims.size()];
    long cap = Integer.MAX_VALUE;
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (!(dims.get(i) instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
        throw in.error("numpy array dimensions must be ints in 0..2^31-1, got " + Texts.describe(dims.get(i)));
      }
      shape[i] = (int) (long) n;
      count = n == 0 ? 0 : count > cap / n ? cap + 1 : count * n;
    }
    if (count > cap) {
      throw in.error("numpy array shape " + Arrays.toString(shape) + " has more than " + cap + " elements");
    }
    Object raw = t.get(4);
    byte[] data = raw instanceof byte[] b ? b : raw instanceof String s ? latin1Bytes(s, "numpy array data") : null;
    if (data == null) {
      throw in.error("numpy array data must be bytes, got " + Texts.typeName(raw));
    }
    if (count * dtype.itemSize() != data.length) {
      throw in.error("numpy array data holds " + data.length + " bytes; shape " + Arrays.toString(shape)
          + " of " + dtype + " needs " + count * dtype.itemSize());
    }
    a.build(shape, dtype, data);
  }

  private Object encode(PyTuple args) throws PickleException {
    if (args.size() != 2 || !(args.get(0) instanceof String s)
        || !("latin1".equals(args.get(1)) || "latin-1".equals(args.get(1)))) {
      throw in.error("_codecs.encode is only allowed as (str, 'latin1')");
    }
    return latin1Bytes(s, "_codecs.encode");
  }

  private byte[] latin1Bytes(String s, String what) throws PickleException {
    byte[] out = new byte[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      if (c > 0xff) {
        throw in.error(what + ": character beyond latin1");
      }
      out[i] = (byte) c;
    }
    return out;
  }
}
