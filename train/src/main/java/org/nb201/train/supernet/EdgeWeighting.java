package org.nb201.train.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * How a supernet forward pass weighs the ops of every edge (NASLib's {@code MixedOp} choice): a
 * softmax mixture (DARTS), a hard Gumbel sample with straight-through gradients (GDAS) or one given
 * path (RSPS, SETN, ENAS). One pass asks for its weights once; every cell uses them.
 */
public interface EdgeWeighting {
  /** The weights of one forward pass, made from {@code alpha} (6 x 5); arrays belong to {@code scope}. */
  EdgeWeights weights(NDArray alpha, NDManager scope);

  /** Whether the weights depend on alpha (and so alpha gets a gradient). */
  default boolean usesAlpha() {
    return true;
  }
}
