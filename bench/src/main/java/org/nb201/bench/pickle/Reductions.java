package org.nb201.bench.pickle;

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
      throw in.error("global '" + Texts.clip(module + "." + name) + "' is not allowed (allowed: "
          + allowed + ")");
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

  /** BUILD: state on a dtype or a data object; an empty state is a no-op on anything. */
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
    return d.decode(raw);
  }

  private Object encode(PyTuple args) throws PickleException {
    if (args.size() != 2 || !(args.get(0) instanceof String s)
        || !("latin1".equals(args.get(1)) || "latin-1".equals(args.get(1)))) {
      throw in.error("_codecs.encode is only allowed as (str, 'latin1')");
    }
    byte[] out = new byte[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      if (c > 0xff) {
        throw in.error("_codecs.encode: character beyond latin1");
      }
      out[i] = (byte) c;
    }
    return out;
  }
}
