package org.nb201.train.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.nb201.train.model.ForwardTap;

/**
 * Keeps SynFlow in float32 range without changing its value. With absolute weights, no batch norm
 * and a positive input every ReLU is the identity, so every block of the network (stem, cell,
 * reduction block) is linear in its input and every path crosses each block once: dividing a
 * block's output by a constant c divides R (bar the classifier bias, which SynFlow does not score)
 * and every dR/dw by c. Dividing by c = 2^e is exact in binary floating point, so the float32
 * score times 2^(sum of e) equals the score of the unscaled network up to float32 rounding
 * (about 1e-6 relative; the authors' double precision exists because unscaled C16 N5 values reach
 * 1e49, beyond float32). An option ({@code ProxyConfig.Builder#optSynflowDouble(false)}): float32
 * kernels are up to twice as fast on one CPU thread here and much faster on accelerators.
 */
final class SynflowScaling implements ForwardTap {
  private final NDManager manager;
  private int exponent;

  SynflowScaling(NDManager manager) {
    this.manager = manager;
  }

  /** The total power of two the outputs were divided by. */
  int exponent() {
    return exponent;
  }

  @Override
  public NDArray blockOutput(NDArray x) {
    float max;
    try (NDArray d = x.stopGradient(); NDArray m = d.max()) {
      max = m.getFloat();
    }
    if (!(max > 0) || Float.isInfinite(max)) {
      return x; // an all-zero block (all-none cells): nothing to scale
    }
    int e = Math.getExponent(max);
    if (e == 0) {
      return x;
    }
    exponent += e;
    NDArray c = manager.create(Math.scalb(1f, -e));
    return x.mul(c);
  }
}
