package org.nb201.train.search;

import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;
import org.nb201.train.Batch;
import org.nb201.train.BatchStream;

/**
 * Validation batches as the official code draws them one at a time ({@code loader_iter =
 * iter(xloader)}, then {@code next(loader_iter)}, starting a new iterator when one is exhausted):
 * a shuffled pass over the validation set, the last partial batch kept, and a new shuffle when the
 * pass ends. {@link #restart()} starts a new pass, as each official call of a selection or of
 * {@code train_controller} does.
 */
final class ValidBatches {
  private final BatchStream stream;
  private final RandomGenerator rng;
  private int[] order;
  private int next;

  ValidBatches(BatchStream stream, RandomGenerator rng) {
    this.stream = stream;
    this.rng = rng;
  }

  /** Images per full batch. */
  int batchSize() {
    return stream.batchSize();
  }

  /** The next call starts a new shuffled pass. */
  void restart() {
    order = null;
  }

  /** The next batch of the pass, in scope {@code m}. */
  Batch next(NDManager m) {
    if (order == null || next == stream.batches()) {
      order = BatchStream.shuffled(stream.size(), rng);
      next = 0;
    }
    int from = next * stream.batchSize();
    int to = Math.min(order.length, from + stream.batchSize());
    next++;
    return stream.load(m, order, from, to, rng);
  }
}
