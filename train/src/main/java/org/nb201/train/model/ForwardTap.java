package org.nb201.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;

/**
 * An optional observer of a {@link TinyNetwork} forward pass, for scores that look inside the
 * network without training it (module {@code train.proxy}): the input of every ReLU and the output
 * of every convolution and linear layer. Set with {@link TinyNetwork#setTap}; {@link #NONE} (the
 * default) costs nothing. The calls follow the official network (AutoDL-Projects
 * {@code lib/models/cell_infers}): one ReLU per conv edge, even where nb201 computes a node's ReLU
 * once for all its conv edges, the two ReLUs of each reduction block and the last ReLU.
 */
public interface ForwardTap {
  /** The tap that observes nothing. */
  ForwardTap NONE = new ForwardTap() {};

  /** {@code x} is about to go through a ReLU; {@code x} must be left unchanged and open. */
  default void reluInput(NDArray x) {}

  /**
   * {@code y} is the output of {@code layer} (a {@code Conv2d} or the classifier {@code Linear});
   * the network continues with the array returned, which must hold the same values (the default
   * returns {@code y}). A tap may return {@code y} times a leaf array of ones to read the gradient
   * with respect to the output.
   */
  default NDArray layerOutput(Block layer, NDArray y) {
    return y;
  }

  /**
   * {@code x} is the output of the stem or of a block of the body (a cell or a reduction block),
   * which every path of the network crosses exactly once; the network continues with the array
   * returned (the default returns {@code x}). A tap may rescale it by a constant.
   */
  default NDArray blockOutput(NDArray x) {
    return x;
  }
}
