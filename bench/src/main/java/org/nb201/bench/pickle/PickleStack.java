package org.nb201.bench.pickle;

import java.util.Arrays;

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

  PickleStack(PickleInput in, PickleProfile profile) {
    this.in = in;
    this.maxStack = profile.maxStack();
    this.maxMarks = profile.maxDepth();
    // The Python pickler numbers memo entries densely from 0, one opcode each, so an index beyond
    // the input size can only come from a hostile or corrupt pickle; the bound caps the memo array.
    this.memoLimit = Math.max(in.length(), 256);
  }

  void push(Object value) throws PickleException {
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
    memoPut(memoCount, peek());
  }

  Object memoGet(long index) throws PickleException {
    Object v = index >= 0 && index < memo.length ? memo[(int) index] : null;
    if (v == null) {
      throw in.error("memo miss: index " + index + " was never stored");
    }
    return v == NONE ? null : v;
  }
}
