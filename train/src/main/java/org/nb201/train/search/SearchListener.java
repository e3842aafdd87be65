package org.nb201.train.search;

/** Progress callbacks of a weight-sharing search; all methods default to doing nothing. */
public interface SearchListener {
  /** Epoch {@code epoch} starts with {@code batches} search steps. */
  default void epochStarted(int epoch, int batches) {}

  /** A search step finished; {@code loss} is its weight step's training loss. */
  default void stepDone(int epoch, int step, double loss) {}

  /** The epoch, its evaluation and its checkpoint are done. */
  default void epochDone(SearchEpoch epoch) {}

  /** A listener that ignores everything. */
  SearchListener NONE = new SearchListener() {};
}
