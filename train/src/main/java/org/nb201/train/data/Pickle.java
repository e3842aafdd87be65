package org.nb201.train.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal, safe reader for the Python pickles of the CIFAR and ImageNet16 batches: dicts, lists,
 * tuples, ints, floats, strings and bytes, plus exactly three globals that build numpy arrays
 * ({@code numpy.core.multiarray._reconstruct}, {@code numpy.ndarray}, {@code numpy.dtype}). Nothing
 * is ever executed; any other global or opcode is an error naming the file. Python 2 {@code str}
 * values are returned as latin-1 strings and dict keys are strings whether bytes or text.
 */
final class Pickle {
  /** A numpy array: shape, dtype string such as {@code u1} or {@code <i8}, raw C-order data. */
  record NdArray(int[] shape, String dtype, byte[] data) {
    int elementSize() {
      return Integer.parseInt(dtype.replaceAll("[^0-9]", ""));
    }
  }

  private record Global(String module, String name) {}

  private record DType(String kind, String[] order) {}

  private static final class NdBuilder {
    NdArray array;
  }

  private static final Object MARK = new Object();

  private final Path file;
  private final byte[] buf;
  private int pos;
  private final ArrayList<Object> stack = new ArrayList<>();
  private final ArrayList<Integer> marks = new ArrayList<>();
  private final Map<Integer, Object> memo = new HashMap<>();

  private Pickle(Path file, byte[] buf) {
    this.file = file;
    this.buf = buf;
  }

  /** The object pickled in {@code bytes}, read from {@code file} (for messages). */
  static Object load(Path file, byte[] bytes) throws DataException {
    Pickle p = new Pickle(file, bytes);
    try {
      return p.run();
    } catch (IndexOutOfBoundsException e) {
      throw new DataException(file, "truncated or corrupt pickle (ends inside the data at byte " + p.pos + ")");
    } catch (ClassCastException | NumberFormatException e) {
      throw new DataException(file, "unexpected pickle structure at byte " + p.pos + " (" + e.getMessage() + ")");
    }
  }

  private DataException bad(String what) {
    return new DataException(file, what + " at byte " + pos + "; not a CIFAR/ImageNet16 batch pickle");
  }

  private Object run() throws DataException {
    while (true) {
      if (pos >= buf.length) {
        throw new DataException(file, "truncated pickle: no STOP opcode before the end of the file (" + buf.length
            + " bytes)");
      }
      int op = buf[pos++] & 0xff;
      switch (op) {
        case 0x80 -> pos++; // PROTO
        case 0x95 -> pos += 8; // FRAME
        case '.' -> {
          return pop();
        }
        case '(' -> {
          marks.add(stack.size());
          stack.add(MARK);
        }
        case '0' -> pop();
        case '1' -> popMark();
        case '2' -> stack.add(stack.get(stack.size() - 1));
        case 'N' -> stack.add(null);
        case 0x88 -> stack.add(Boolean.TRUE);
        case 0x89 -> stack.add(Boolean.FALSE);
        case 'J' -> stack.add(u4() | 0L);
        case 'K' -> stack.add((long) (buf[pos++] & 0xff));
        case 'M' -> stack.add((long) u2());
        case 0x8a -> stack.add(longN(buf[pos++] & 0xff));
        case 0x8b -> stack.add(longN(u4()));
        case 'I' -> {
          String s = line();
          stack.add(s.equals("01") ? Boolean.TRUE : s.equals("00") ? Boolean.FALSE : Long.parseLong(s));
        }
        case 'G' -> {
          stack.add(ByteBuffer.wrap(buf, pos, 8).order(ByteOrder.BIG_ENDIAN).getDouble());
          pos += 8;
        }
        case 'T' -> stack.add(new String(bytes(u4()), StandardCharsets.ISO_8859_1));
        case 'U' -> stack.add(new String(bytes(buf[pos++] & 0xff), StandardCharsets.ISO_8859_1));
        case 'X' -> stack.add(new String(bytes(u4()), StandardCharsets.UTF_8));
        case 0x8c -> stack.add(new String(bytes(buf[pos++] & 0xff), StandardCharsets.UTF_8));
        case 0x8d -> stack.add(new String(bytes(u8()), StandardCharsets.UTF_8));
        case 'B' -> stack.add(bytes(u4()));
        case 'C' -> stack.add(bytes(buf[pos++] & 0xff));
        case 0x8e, 0x96 -> stack.add(bytes(u8()));
        case ']' -> stack.add(new ArrayList<>());
        case 'l' -> stack.add(new ArrayList<>(popMark()));
        case 'a' -> {
          Object v = unwrap(pop());
          list(peek()).add(v);
        }
        case 'e' -> {
          List<Object> items = popMark();
          list(peek()).addAll(items);
        }
        case ')' -> stack.add(List.of());
        case 't' -> stack.add(tuple(popMark()));
        case 0x85 -> stack.add(tuple(List.of(pop())));
        case 0x86 -> {
          Object b = pop();
          stack.add(tuple(List.of(pop(), b)));
        }
        case 0x87 -> {
          Object c = pop();
          Object b = pop();
          stack.add(tuple(List.of(pop(), b, c)));
        }
        case '}' -> stack.add(new LinkedHashMap<String, Object>());
        case 'd' -> {
          Map<String, Object> m = new LinkedHashMap<>();
          putAll(m, popMark());
          stack.add(m);
        }
        case 's' -> {
          Object v = pop();
          Object k = pop();
          putAll(dict(peek()), List.of(k, v));
        }
        case 'u' -> {
          List<Object> kv = popMark();
          putAll(dict(peek()), kv);
        }
        case 'h' -> stack.add(memoGet(buf[pos++] & 0xff));
        case 'j' -> stack.add(memoGet(u4()));
        case 'g' -> stack.add(memoGet(Integer.parseInt(line())));
        case 'q' -> memo.put(buf[pos++] & 0xff, peek());
        case 'r' -> memo.put(u4(), peek());
        case 'p' -> memo.put(Integer.parseInt(line()), peek());
        case 0x94 -> memo.put(memo.size(), peek());
        case 'c' -> stack.add(global(line(), line()));
        case 0x93 -> {
          String name = (String) pop();
          stack.add(global((String) pop(), name));
        }
        case 'R' -> {
          List<?> args = (List<?>) pop();
          stack.add(reduce((Global) pop(), args));
        }
        case 'b' -> {
          Object state = pop();
          build(peek(), state);
        }
        default -> throw bad(String.format("unsupported pickle opcode 0x%02x", op));
      }
    }
  }

  private Object reduce(Global g, List<?> args) throws DataException {
    if (g.name.equals("dtype")) {
      return new DType((String) args.get(0), new String[] {"|"});
    }
    if (g.name.equals("_reconstruct")) {
      return new NdBuilder();
    }
    throw bad("cannot call " + g.module + "." + g.name);
  }

  private void build(Object target, Object state) throws DataException {
    List<?> s = (List<?>) state;
    if (target instanceof DType d) {
      d.order[0] = (String) s.get(1);
    } else if (target instanceof NdBuilder b) {
      List<?> dims = (List<?>) s.get(1);
      int[] shape = new int[dims.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = Math.toIntExact((Long) dims.get(i));
      }
      DType d = (DType) s.get(2);
      if (Boolean.TRUE.equals(s.get(3))) {
        throw bad("Fortran-order numpy array");
      }
      Object raw = s.get(4);
      byte[] data;
      if (raw instanceof byte[] bytes) {
        data = bytes;
      } else if (raw instanceof String str) {
        data = str.getBytes(StandardCharsets.ISO_8859_1);
      } else {
        throw bad("numpy object array");
      }
      String order = d.order[0].equals("|") ? "" : d.order[0];
      b.array = new NdArray(shape, order + d.kind, data);
    } else {
      throw bad("BUILD on an unsupported object");
    }
  }

  private Object global(String module, String name) throws DataException {
    boolean numpy = module.equals("numpy") || module.equals("numpy.core.multiarray")
        || module.equals("numpy._core.multiarray");
    if (numpy && (name.equals("_reconstruct") || name.equals("ndarray") || name.equals("dtype"))) {
      return new Global(module, name);
    }
    throw bad("forbidden global " + module + "." + name);
  }

  private void putAll(Map<String, Object> m, List<Object> kv) {
    for (int i = 0; i + 1 < kv.size(); i += 2) {
      Object k = kv.get(i);
      String key = k instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(k);
      m.put(key, unwrap(kv.get(i + 1)));
    }
  }

  private static Object unwrap(Object o) {
    return o instanceof NdBuilder b ? b.array : o;
  }

  private static List<Object> tuple(List<Object> items) {
    List<Object> out = new ArrayList<>(items.size());
    for (Object o : items) {
      out.add(unwrap(o));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object o) throws DataException {
    if (!(o instanceof ArrayList)) {
      throw bad("APPEND to a non-list");
    }
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> dict(Object o) throws DataException {
    if (!(o instanceof Map)) {
      throw bad("SETITEM on a non-dict");
    }
    return (Map<String, Object>) o;
  }

  private Object memoGet(int i) throws DataException {
    if (!memo.containsKey(i)) {
      throw bad("memo key " + i + " missing");
    }
    return memo.get(i);
  }

  private Object pop() {
    return stack.remove(stack.size() - 1);
  }

  private Object peek() {
    return stack.get(stack.size() - 1);
  }

  private List<Object> popMark() throws DataException {
    if (marks.isEmpty()) {
      throw bad("MARK missing");
    }
    int at = marks.remove(marks.size() - 1);
    List<Object> items = new ArrayList<>(stack.subList(at + 1, stack.size()));
    stack.subList(at, stack.size()).clear();
    for (int i = 0; i < items.size(); i++) {
      items.set(i, unwrap(items.get(i)));
    }
    return items;
  }

  private int u2() {
    int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  private int u4() {
    int v = ByteBuffer.wrap(buf, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    pos += 4;
    return v;
  }

  private int u8() throws DataException {
    long v = ByteBuffer.wrap(buf, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    pos += 8;
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw bad("object of " + v + " bytes");
    }
    return (int) v;
  }

  private long longN(int n) throws DataException {
    if (n > 8) {
      throw bad("integer of " + n + " bytes");
    }
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (buf[pos + i] & 0xff);
    }
    if (n > 0 && n < 8 && (buf[pos + n - 1] & 0x80) != 0) {
      v -= 1L << (8 * n);
    }
    pos += n;
    return v;
  }

  private byte[] bytes(int n) {
    if (n < 0 || pos + n > buf.length) {
      throw new IndexOutOfBoundsException();
    }
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  private String line() {
    int start = pos;
    while (buf[pos] != '\n') {
      pos++;
    }
    String s = new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
    pos++;
    return s;
  }
}
