package org.nb201.train;

import ai.djl.ndarray.NDArray;

/**
 * The official loss (plain cross-entropy, PyTorch {@code CrossEntropyLoss}: the batch mean of
 * {@code -log softmax(logits)[label]}), written with array operations only: no {@code Number}
 * overload, which DJL frees before backward reads it.
 */
public final class CrossEntropy {
  private static final int[] CLASS_AXIS = {1};

  private CrossEntropy() {}

  /** The mean loss of {@code logits} (N, K) against one-hot {@code targets} (N, K), a 0-d array. */
  public static NDArray loss(NDArray logits, NDArray targets) {
    try (NDArray logp = logits.logSoftmax(1);
        NDArray picked = logp.mul(targets);
        NDArray perImage = picked.sum(CLASS_AXIS);
        NDArray mean = perImage.mean()) {
      return mean.neg();
    }
  }
}
