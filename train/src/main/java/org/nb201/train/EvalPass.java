package org.nb201.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.UnaryOperator;
import org.nb201.space.Split;

/**
 * One evaluation of a network on a whole set, in order, without augmentation: per-image averages
 * of cross-entropy, top-1 and top-5 (the official AverageMeters), its wall time, and the
 * forward+loss time of every batch of the first batch's size (for latency).
 */
public final class EvalPass {
  private EvalPass() {}

  /**
   * Evaluates {@code logits} (images to logits, in evaluation mode) on every batch of
   * {@code stream}, each batch in a sub-scope of {@code parent}; appends the batch times to
   * {@code batchTimes} when it is not null.
   */
  public static EvalResult run(Split name, BatchStream stream, NDManager parent, UnaryOperator<NDArray> logits,
      List<Double> batchTimes) {
    long t0 = System.nanoTime();
    Metrics m = new Metrics();
    int[] firstSize = {-1};
    stream.forEach(parent, BatchStream.inOrder(stream.size()), null, (b, batch) -> {
      long s = System.nanoTime();
      NDArray out = logits.apply(batch.images());
      float loss = CrossEntropy.loss(out, batch.targets()).getFloat();
      double dt = (System.nanoTime() - s) / 1e9;
      if (firstSize[0] < 0) {
        firstSize[0] = batch.size();
      }
      if (batchTimes != null && batch.size() == firstSize[0]) {
        batchTimes.add(dt);
      }
      m.add(loss, out.toFloatArray(), batch.labels());
    });
    double time = (System.nanoTime() - t0) / 1e9;
    return new EvalResult(name, m.loss(), m.top1(), m.top5(), time, stream.size());
  }
}
