package org.nb201.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

/**
 * Batch norm for networks whose activations are channels-last (N, C, H, W arrays with C innermost
 * in memory; {@code TrainConfig.channelsLast}). libtorch 2.7.1's channels-last batch-norm kernels
 * loop over pixels with a vector of C values each, which is slow for narrow layers: on the C8N1
 * ResNet cell the three 8-channel norms took a fifth of the batch. For up to
 * {@link #NCHW_NORM_MAX_CHANNELS} channels the norm therefore runs on an (N, C, H, W)-ordered copy
 * and its output is copied back to channels-last (two copies cost less than the slow kernel; 12 %
 * per batch measured). Wider layers, and evaluation (BN then is a cheap per-channel affine map), use
 * the channels-last kernels directly. Values are the same either way: only the memory order changes.
 */
final class ChannelsLast {
  /** Widest layer whose norm runs in (N, C, H, W) order. */
  static final long NCHW_NORM_MAX_CHANNELS = 8;

  private ChannelsLast() {}

  /** {@code bn(x)}; {@code channelsLast} says whether the network's activations are channels-last. */
  static NDArray batchNorm(BatchNorm bn, ParameterStore ps, NDArray x, boolean training, boolean channelsLast) {
    Shape s = x.getShape();
    if (!training || !channelsLast || s.dimension() != 4 || s.get(1) > NCHW_NORM_MAX_CHANNELS) {
      return bn.forward(ps, new NDList(x), training).head();
    }
    NDArray nchw = contiguousCopy(x, s);
    NDArray y = bn.forward(ps, new NDList(nchw), training).head();
    nchw.close();
    NDArray out = channelsLastCopy(y, s);
    y.close();
    return out;
  }

  /** An (N, C, H, W)-ordered copy of channels-last {@code x} (a reshape that cannot be a view). */
  private static NDArray contiguousCopy(NDArray x, Shape s) {
    try (NDArray flat = x.reshape(s.get(0), -1)) {
      return flat.reshape(s);
    }
  }

  /** A channels-last copy of (N, C, H, W)-ordered {@code y}, seen as (N, C, H, W). */
  private static NDArray channelsLastCopy(NDArray y, Shape s) {
    try (NDArray nhwcView = y.transpose(0, 2, 3, 1);
        NDArray flat = nhwcView.reshape(s.get(0), -1);
        NDArray nhwc = flat.reshape(s.get(0), s.get(2), s.get(3), s.get(1))) {
      return nhwc.transpose(0, 3, 1, 2);
    }
  }
}
