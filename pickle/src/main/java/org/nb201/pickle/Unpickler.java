package org.nb201.pickle;

import static org.nb201.pickle.Opcodes.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The opcode loop: one pass over the bytes, one bounded stack, no recursion. Every opcode checks
 * its operands' types and counts before using them, so anything malformed ends in a
 * {@link PickleException} and never in another exception.
 */
final class Unpickler {
  private final PickleProfile profile;
  private final PickleInput in;
  private final PickleStack stack;
  private final Reductions reductions;
  private final StreamTarget target;

  Unpickler(byte[] data, int offset, PickleProfile profile) {
    this(new PickleInput(data, offset, profile.maxLength()), profile, null);
  }

  /** Reads the next pickle of {@code in}; when {@code target} is given, its entries are streamed out. */
  Unpickler(PickleInput in, PickleProfile profile, StreamTarget target) {
    this.profile = profile;
    this.in = in;
    in.setMaxLength(profile.maxLength());
    in.resetOpcode();
    this.stack = new PickleStack(in, profile);
    this.reductions = new Reductions(profile, in);
    this.target = target;
    if (target != null) {
      target.attach(stack, in, profile);
    }
  }

  PickleReader.Parsed run() throws PickleException {
    while (true) {
      int op = in.nextOpcode();
      switch (op) {
        case PROTO -> {
          int version = in.u8();
          if (version > 5) {
            throw in.error("unsupported pickle protocol " + version);
          }
        }
        case FRAME -> in.checkFrame(in.i64());
        case STOP -> {
          return stop();
        }
        case MARK -> stack.mark();
        case POP -> {
          if (stack.available() > 0 || !stack.hasMark()) {
            stack.pop();
          } else {
            stack.popToMark();
          }
        }
        case POP_MARK -> stack.popToMark();
        case DUP -> stack.push(stack.peek());
        case NONE -> stack.push(null);
        case NEWTRUE -> stack.push(Boolean.TRUE);
        case NEWFALSE -> stack.push(Boolean.FALSE);
        case BININT -> stack.push((long) in.i32());
        case BININT1 -> stack.push((long) in.u8());
        case BININT2 -> stack.push((long) in.u16());
        case LONG1 -> stack.push(littleEndianInt(in.bytes(in.length(in.u8(), "LONG1"))));
        case LONG4 -> stack.push(littleEndianInt(in.bytes(in.length(in.i32(), "LONG4"))));
        case BINFLOAT -> stack.push(in.f64BigEndian());
        case SHORT_BINUNICODE -> stack.push(in.utf8(in.length(in.u8(), "string")));
        case BINUNICODE -> stack.push(in.utf8(in.length(in.u32(), "string")));
        case BINUNICODE8 -> stack.push(in.utf8(in.length(in.i64(), "string")));
        case SHORT_BINBYTES -> stack.push(in.bytes(in.length(in.u8(), "bytes")));
        case BINBYTES -> stack.push(in.bytes(in.length(in.u32(), "bytes")));
        case BINBYTES8, BYTEARRAY8 -> stack.push(in.bytes(in.length(in.i64(), "bytes")));
        case SHORT_BINSTRING -> stack.push(in.latin1(in.length(in.u8(), "string")));
        case BINSTRING -> stack.push(in.latin1(in.length(in.i32(), "string")));
        case EMPTY_LIST -> stack.push(new ArrayList<>());
        case EMPTY_DICT -> stack.push(new LinkedHashMap<>());
        case EMPTY_SET -> stack.push(new LinkedHashSet<>());
        case EMPTY_TUPLE -> stack.push(PyTuple.EMPTY);
        case APPEND -> {
          Object v = stack.pop();
          list(stack.peek()).add(v);
        }
        case APPENDS -> {
          Object[] vs = stack.popToMark();
          list(stack.peek()).addAll(Arrays.asList(vs));
        }
        case LIST -> stack.push(new ArrayList<>(Arrays.asList(stack.popToMark())));
        case TUPLE -> stack.push(tuple(stack.popToMark()));
        case TUPLE1, TUPLE2, TUPLE3 -> stack.push(tuple(popN(op - TUPLE1 + 1)));
        case DICT -> {
          Map<Object, Object> m = new LinkedHashMap<>();
          putPairs(m, stack.popToMark());
          stack.push(m);
        }
        case SETITEM -> {
          Object v = stack.pop();
          Object k = stack.pop();
          Map<Object, Object> d = dict(stack.peek());
          if (target != null && target.isTarget(d)) {
            target.emit(new Object[] {k, v});
          } else {
            Containers.put(in, d, k, v);
          }
        }
        case SETITEMS -> {
          Object[] kvs = stack.popToMark();
          Map<Object, Object> d = dict(stack.peek());
          if (target != null && target.isTarget(d)) {
            target.emit(kvs);
          } else {
            putPairs(d, kvs);
          }
        }
        case ADDITEMS -> {
          Object[] vs = stack.popToMark();
          Set<Object> set = set(stack.peek());
          for (Object v : vs) {
            Containers.add(in, set, v);
          }
        }
        case FROZENSET -> {
          Set<Object> set = new LinkedHashSet<>();
          for (Object v : stack.popToMark()) {
            Containers.add(in, set, v);
          }
          stack.push(Collections.unmodifiableSet(set));
        }
        case BINPUT -> stack.memoPut(in.u8(), stack.peek());
        case LONG_BINPUT -> stack.memoPut(in.u32(), stack.peek());
        case MEMOIZE -> stack.memoize();
        case BINGET -> stack.push(stack.memoGet(in.u8()));
        case LONG_BINGET -> stack.push(stack.memoGet(in.u32()));
        case GLOBAL -> stack.push(reductions.global(in.line("module"), in.line("name")));
        case STACK_GLOBAL -> {
          Object name = stack.pop();
          Object module = stack.pop();
          if (!(module instanceof String m) || !(name instanceof String n)) {
            throw in.error("STACK_GLOBAL needs two strings, got " + Texts.typeName(module) + " and "
                + Texts.typeName(name));
          }
          stack.push(reductions.global(m, n));
        }
        case REDUCE -> {
          Object args = stack.pop();
          stack.push(reductions.reduce(stack.pop(), args));
        }
        case NEWOBJ -> {
          Object args = stack.pop();
          stack.push(reductions.newObject(stack.pop(), args, null));
        }
        case NEWOBJ_EX -> {
          Object kwargs = stack.pop();
          Object args = stack.pop();
          stack.push(reductions.newObject(stack.pop(), args, kwargs));
        }
        case BUILD -> {
          Object state = stack.pop();
          reductions.build(stack.peek(), state);
        }
        case BINPERSID -> stack.push(persistentId(stack.pop()));
        case PERSID -> stack.push(persistentId(in.line("persistent id")));
        default -> TextOpcodes.run(op, in, stack);
      }
    }
  }

  private PickleReader.Parsed stop() throws PickleException {
    if (stack.hasMark() || stack.depth() != 1) {
      throw in.error("STOP with " + stack.depth() + " values on the stack"
          + (stack.hasMark() ? " and an open MARK" : "") + " (expected exactly one)");
    }
    Object result = stack.pop();
    StructureCheck.check(in, result, profile.maxDepth());
    return new PickleReader.Parsed(result, (int) Math.min(Integer.MAX_VALUE, in.position()));
  }

  private Object[] popN(int n) throws PickleException {
    if (stack.available() < n) {
      throw in.error("stack underflow");
    }
    Object[] out = new Object[n];
    for (int i = n - 1; i >= 0; i--) {
      out[i] = stack.pop();
    }
    return out;
  }

  private PyTuple tuple(Object[] items) throws PickleException {
    PyTuple t = PyTuple.wrap(items);
    if (t.depth() > profile.maxDepth()) {
      throw in.error("tuples nested deeper than " + profile.maxDepth() + " levels");
    }
    return t;
  }

  private void putPairs(Map<Object, Object> map, Object[] kvs) throws PickleException {
    if (kvs.length % 2 != 0) {
      throw in.error("odd number of items (" + kvs.length + ") for key/value pairs");
    }
    for (int i = 0; i < kvs.length; i += 2) {
      Containers.put(in, map, kvs[i], kvs[i + 1]);
    }
  }

  private Object persistentId(Object id) throws PickleException {
    if (!profile.allowsPersistentIds()) {
      throw in.error("persistent ids are not allowed in this format");
    }
    return new PersistentId(id);
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object target) throws PickleException {
    if (target instanceof ArrayList) {
      return (List<Object>) target;
    }
    throw in.error("cannot append to " + Texts.typeName(target));
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> dict(Object target) throws PickleException {
    if (target instanceof LinkedHashMap) {
      return (Map<Object, Object>) target;
    }
    throw in.error("cannot set items on " + Texts.typeName(target));
  }

  @SuppressWarnings("unchecked")
  private Set<Object> set(Object target) throws PickleException {
    if (target instanceof LinkedHashSet) {
      return (Set<Object>) target;
    }
    throw in.error("cannot add items to " + Texts.typeName(target));
  }

  /** LONG1/LONG4 payload: two's complement, little-endian; Long when it fits. */
  static Object littleEndianInt(byte[] le) {
    if (le.length == 0) {
      return 0L;
    }
    if (le.length <= 8) {
      long v = 0;
      for (int i = le.length - 1; i >= 0; i--) {
        v = (v << 8) | (le[i] & 0xff);
      }
      int shift = 64 - 8 * le.length;
      return (v << shift) >> shift;
    }
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    return normalize(new BigInteger(be));
  }

  static Object normalize(BigInteger v) {
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }
}
