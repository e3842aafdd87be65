package org.nb201.pickle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Streaming of one dict inside a pickle: finds the dict at a key path (e.g. {@code arch2infos})
 * when it is pushed, and instead of inserting the pairs a SETITEM or SETITEMS gives it, checks
 * each value and hands it to the sink, then drops the memo entries created since the previous
 * batch. So memory holds at most one SETITEMS batch of entries (CPython writes up to 1000 per batch),
 * never the whole dict; for int-keyed dicts of dicts (the official {@code arch2infos}), one entry.
 */
final class StreamTarget implements PickleStack.PushListener {
  private final List<?> path;
  private final PickleStream.EntrySink sink;
  private PickleStack stack;
  private PickleInput in;
  private int maxDepth;
  private Map<?, ?> target;
  private long memoMark;
  private long emitted;

  StreamTarget(List<?> path, PickleStream.EntrySink sink) {
    this.path = List.copyOf(path);
    this.sink = sink;
  }

  void attach(PickleStack stack, PickleInput in, PickleProfile profile) {
    this.stack = stack;
    this.in = in;
    this.maxDepth = profile.maxDepth();
    stack.setListener(this);
  }

  @Override
  public void beforePush(int index, Object value) throws PickleException {
    if (target == null) {
      if (value instanceof Map<?, ?> m && path.equals(stack.keyPath(index))) {
        target = m;
        memoMark = stack.streamMemo() == null ? 0 : stack.streamMemo().high();
      }
      return;
    }
    // Within a SETITEMS batch of the target, an int key pushed right after an (int key, dict value)
    // pair means that value is complete: the official files key the target by int and each value
    // by str ('12', 'less', ...), so the value's own items can never push an int there. Emitting it
    // now keeps one entry in memory instead of a batch of 1000. Were a value to receive an item after
    // all, the SETITEM would find the pair gone and fail as a stack underflow, never misread.
    int base = stack.innermostMark();
    if (value instanceof Long && base >= 1 && index == base + 2 && stack.at(base - 1) == target
        && stack.at(base) instanceof Long && stack.at(base + 1) instanceof Map) {
      Object[] pair = {stack.at(base), stack.at(base + 1)};
      stack.truncate(base);
      emit(pair);
    }
  }

  List<?> path() {
    return path;
  }

  boolean isTarget(Map<?, ?> dict) {
    return dict == target;
  }

  /** Entries handed to the sink so far. */
  long emitted() {
    return emitted;
  }

  void emit(Object[] kvs) throws PickleException {
    if (kvs.length % 2 != 0) {
      throw in.error("odd number of items (" + kvs.length + ") for key/value pairs");
    }
    for (int i = 0; i < kvs.length; i += 2) {
      Containers.checkHashable(in, kvs[i], "dict key");
      StructureCheck.check(in, kvs[i + 1], maxDepth);
      accept(kvs[i], kvs[i + 1]);
      kvs[i + 1] = null;
    }
    StreamMemo memo = stack.streamMemo();
    if (memo != null) {
      memo.release(memoMark, memo.high());
      memoMark = memo.high();
    }
  }

  void accept(Object key, Object value) {
    try {
      sink.accept(key, value);
      emitted++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
