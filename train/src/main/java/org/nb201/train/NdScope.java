package org.nb201.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Two memory-scope habits of this module. PyTorch-engine results belong to the manager of their
 * first operand, so a result computed from a parameter lands in the model's long-lived manager and
 * leaks unless moved ({@link #own}); and {@code Number} overloads build a scalar array that DJL
 * frees before a backward pass reads it, so scalars are 0-d arrays in a scope that outlives the
 * pass ({@link #scalar}).
 */
public final class NdScope {
  private NdScope() {}

  /** {@code a}, now owned by {@code m}. */
  public static NDArray own(NDManager m, NDArray a) {
    a.attach(m);
    return a;
  }

  /** A 0-d array of {@code value} in {@code type}, owned by {@code m}. */
  public static NDArray scalar(NDManager m, double value, DataType type) {
    NDArray d = m.create(value);
    if (type == DataType.FLOAT64) {
      return d;
    }
    NDArray t = d.toType(type, false);
    d.close();
    return t;
  }
}
