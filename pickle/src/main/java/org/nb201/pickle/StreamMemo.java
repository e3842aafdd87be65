package org.nb201.pickle;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The memo of a streamed pickle. Entries live in chunks of {@value #CHUNK} slots so that the
 * dense indices CPython writes cost one reference each, with caps on live entries and chunks so
 * that sparse hostile indices cannot blow up memory. When a streamed value has been handed out,
 * {@link #release(long, long)} drops the entries created while it was read; immutable scalars
 * among them (strings, numbers, globals, dtypes: what a pickler shares between entries, such as
 * a literal dataset name) are kept, first come, up to {@value #MAX_KEPT}, so later entries can
 * still refer to them.
 */
final class StreamMemo {
  static final int CHUNK = 4096;
  static final int MAX_CHUNKS = 8192;
  static final long MAX_LIVE = 32L << 20;
  static final int MAX_KEPT = 1 << 18;
  private static final Object NONE = new Object();

  private final PickleInput in;
  private final Map<Long, Object[]> chunks = new HashMap<>();
  private final Map<Long, Object> kept = new HashMap<>();
  private long live;
  private long count;
  private long high;
  private long released;

  StreamMemo(PickleInput in) {
    this.in = in;
  }

  /** CPython's {@code len(memo)}: entries ever stored. */
  long count() {
    return count;
  }

  /** One past the highest index ever stored. */
  long high() {
    return high;
  }

  void put(long index, Object value) throws PickleException {
    if (index < 0 || index > 0xffffffffL) {
      throw in.error("memo index " + index + " is out of range");
    }
    Object[] chunk = chunks.get(index / CHUNK);
    if (chunk == null) {
      if (chunks.size() >= MAX_CHUNKS) {
        throw in.error("memo indices are too sparse (more than " + MAX_CHUNKS + " chunks of " + CHUNK + ")");
      }
      chunk = new Object[CHUNK];
      chunks.put(index / CHUNK, chunk);
    }
    int slot = (int) (index % CHUNK);
    if (chunk[slot] == null) {
      if (++live > MAX_LIVE) {
        throw in.error("memo holds more than " + MAX_LIVE + " live entries");
      }
      count++;
    }
    chunk[slot] = value == null ? NONE : value;
    high = Math.max(high, index + 1);
  }

  Object get(long index) throws PickleException {
    Object[] chunk = chunks.get(index / CHUNK);
    Object v = chunk == null || index < 0 ? null : chunk[(int) (index % CHUNK)];
    if (v == null) {
      v = kept.get(index);
    }
    if (v == null) {
      throw in.error(index < high && released > 0
          ? "memo entry " + index + " belonged to an already streamed value and was not kept; this file"
              + " shares objects between streamed entries, which streaming cannot follow"
          : "memo miss: index " + index + " was never stored");
    }
    return v == NONE ? null : v;
  }

  /** Drops the entries with index in {@code [from, to)}, keeping shareable scalars as described above. */
  void release(long from, long to) {
    if (to <= from) {
      return;
    }
    if (to - from > (long) chunks.size() * CHUNK) {
      for (Long c : chunks.keySet().toArray(new Long[0])) {
        releaseChunk(c, from, to);
      }
    } else {
      for (long c = from / CHUNK; c <= (to - 1) / CHUNK; c++) {
        releaseChunk(c, from, to);
      }
    }
    released++;
  }

  private void releaseChunk(long c, long from, long to) {
    Object[] chunk = chunks.get(c);
    if (chunk == null) {
      return;
    }
    long start = Math.max(from, c * CHUNK);
    long stop = Math.min(to, (c + 1) * CHUNK);
    for (long i = start; i < stop; i++) {
      int slot = (int) (i % CHUNK);
      Object v = chunk[slot];
      if (v != null) {
        if (kept.size() < MAX_KEPT && shareable(v)) {
          kept.put(i, v);
        }
        chunk[slot] = null;
        live--;
      }
    }
    if (start == c * CHUNK && stop == (c + 1) * CHUNK) {
      chunks.remove(c);
    }
  }

  private static boolean shareable(Object v) {
    return v == NONE || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
        || v instanceof BigInteger || v instanceof PyGlobal || v instanceof NumpyDtype
        || v instanceof byte[] b && b.length <= 64 || v instanceof PyTuple t && t.isHashable() && t.size() <= 8;
  }
}
