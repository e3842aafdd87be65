package org.nb201.train;

/** Progress callbacks of a {@link Trainer}; all methods default to doing nothing. */
public interface TrainListener {
  /** Training of {@code epoch} starts with {@code batches} batches. */
  default void epochStarted(int epoch, int batches) {}

  /** A training batch finished with mean loss {@code loss}. */
  default void batchDone(int epoch, int batch, double loss) {}

  /** The epoch and its evaluations finished. */
  default void epochDone(EpochResult result) {}

  /** A listener that ignores everything. */
  TrainListener NONE = new TrainListener() {};
}
