package org.nb201.pickle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The unpickler's value stack, MARK stack and memo, all bounds-checked. As in CPython, values
 * below the innermost MARK are out of reach until that MARK is consumed, so a mis-nested pickle
 * fails as a stack underflow instead of silently reaching into an outer container.
 */
final class PickleStack {
  /** Stands for a memoised Python None, so that an empty slot (null) means "never stored". */
  private static final Object NONE = new Object();

  private final PickleInput in;
  private final int maxStack;
  private final int maxMarks;
  private final int memoLimit;
  private Object[] items = new Object[64];
  private int size;
  private int[] marks = new int[16];
  private int markCount;
  private Object[] memo = new Object[64];
  private int memoCount;
  private final StreamMemo streamMemo;
  private PushListener listener;

  /** Told about every value before it is pushed (streaming uses it to find its target and completed entries). */
  interface PushListener {
    void beforePush(int index, Object value) throws PickleException;
  }

  PickleStack(PickleInput in, PickleProfile profile) {
    this.in = in;
    this.maxStack = profile.maxStack();
    this.maxMarks = profile.maxDepth();
    // The Python pickler numbers memo entries densely from 0, one opcode each, so an index beyond
    // the input size can only come from a hostile or corrupt pickle; the bound caps the memo array.
    this.memoLimit = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(in.length(), 256));
    this.streamMemo = in.isStream() ? new StreamMemo(in) : null;
  }

  void setListener(PushListener listener) {
    this.listener = listener;
  }

  /** The memo of a stream-mode stack, or {@code null} in array mode. */
  StreamMemo streamMemo() {
    return streamMemo;
  }

  void push(Object value) throws PickleException {
    if (listener != null) {
      listener.beforePush(size, value);
    }
    if (size >= maxStack) {
      throw in.error("stack holds more than " + maxStack + " values");
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, (int) Math.min(maxStack, 2L * size));
    }
    items[size++] = value;
  }

  private int base() {
    return markCount == 0 ? 0 : marks[markCount - 1];
  }

  Object pop() throws PickleException {
    if (size <= base()) {
      throw in.error("stack underflow");
    }
    Object v = items[--size];
    items[size] = null;
    return v;
  }

  Object peek() throws PickleException {
    if (size <= base()) {
      throw in.error("stack underflow");
    }
    return items[size - 1];
  }

  /** Number of values above the innermost MARK (or in all, without a MARK). */
  int available() {
    return size - base();
  }

  void mark() throws PickleException {
    if (markCount == maxMarks) {
      throw in.error("more than " + maxMarks + " nested MARKs");
    }
    if (markCount == marks.length) {
      marks = Arrays.copyOf(marks, markCount * 2);
    }
    marks[markCount++] = size;
  }

  boolean hasMark() {
    return markCount > 0;
  }

  int depth() {
    return size;
  }

  /** Removes the innermost MARK and returns the values above it, oldest first. */
  Object[] popToMark() throws PickleException {
    if (markCount == 0) {
      throw in.error("no MARK on the stack");
    }
    int from = marks[--markCount];
    Object[] out = Arrays.copyOfRange(items, from, size);
    Arrays.fill(items, from, size, null);
    size = from;
    return out;
  }

  void memoPut(long index, Object value) throws PickleException {
    if (streamMemo != null) {
      streamMemo.put(index, value);
      return;
    }
    if (index < 0 || index >= memoLimit) {
      throw in.error("memo index " + index + " is out of range (limit " + memoLimit + ")");
    }
    int i = (int) index;
    if (i >= memo.length) {
      memo = Arrays.copyOf(memo, (int) Math.min(memoLimit, Math.max(2L * memo.length, i + 1L)));
    }
    if (memo[i] == null) {
      memoCount++;
    }
    memo[i] = value == null ? NONE : value;
  }

  /** MEMOIZE stores at the current memo size, as CPython's {@code len(memo)}. */
  void memoize() throws PickleException {
    memoPut(streamMemo != null ? streamMemo.count() : memoCount, peek());
  }

  Object memoGet(long index) throws PickleException {
    if (streamMemo != null) {
      return streamMemo.get(index);
    }
    Object v = index >= 0 && index < memo.length ? memo[(int) index] : null;
    if (v == null) {
      throw in.error("memo miss: index " + index + " was never stored");
    }
    return v == NONE ? null : v;
  }

  /** Base of the innermost MARK (the position of the first value above it), or -1 without a MARK. */
  int innermostMark() {
    return markCount == 0 ? -1 : marks[markCount - 1];
  }

  /** Drops the values at positions {@code >= newSize}; only above the innermost MARK. */
  void truncate(int newSize) {
    Arrays.fill(items, newSize, size, null);
    size = newSize;
  }

  /** The value at stack position {@code i} (0 = bottom). */
  Object at(int i) {
    return items[i];
  }

  /**
   * The dict keys leading from the bottom value to the value at position {@code i} while dicts are
   * being filled (a value above a MARK whose owner is a dict, at an odd distance from the MARK, has
   * the value below it as key; without a MARK, SETITEM's {@code dict key value} layout); {@code null}
   * when position {@code i} is not inside a dict being filled.
   */
  List<Object> keyPath(int i) {
    ArrayDeque<Object> keys = new ArrayDeque<>();
    int m = markCount - 1;
    while (i > 0) {
      while (m >= 0 && marks[m] > i) {
        m--;
      }
      int parent;
      if (m >= 0 && marks[m] >= 1 && marks[m] <= i && (i - marks[m]) % 2 == 1
          && items[marks[m] - 1] instanceof Map) {
        parent = marks[m] - 1;
      } else if (i >= 2 && (m < 0 || marks[m] <= i - 2) && items[i - 2] instanceof Map) {
        parent = i - 2;
      } else {
        return null;
      }
      if (items[i - 1] == null) {
        return null;
      }
      keys.addFirst(items[i - 1]);
      i = parent;
    }
    return new ArrayList<>(keys);
  }
}
