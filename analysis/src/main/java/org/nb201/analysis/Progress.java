package org.nb201.analysis;

/** Told what long work is doing: step {@code done} of {@code total} is {@code what}. */
@FunctionalInterface
public interface Progress {
  /** Says nothing. */
  Progress NONE = (done, total, what) -> {};

  void update(int done, int total, String what);
}
