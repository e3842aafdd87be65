package org.nb201.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * Gradient bookkeeping that DJL's PyTorch engine leaves to the caller: zeroing (backward passes
 * accumulate, as in PyTorch) and PyTorch's {@code clip_grad_norm_}.
 */
public final class Gradients {
  private Gradients() {}

  /** Zeroes the gradients of {@code arrays} (PyTorch's {@code zero_grad}). */
  public static void zero(List<NDArray> arrays) {
    for (NDArray a : arrays) {
      JniUtils.zeroGrad((PtNDArray) a);
    }
  }

  /**
   * PyTorch's {@code torch.nn.utils.clip_grad_norm_(arrays, maxNorm)}: the total norm is the 2-norm
   * of the per-array 2-norms (float32 on the engine); when {@code maxNorm / (total + 1e-6) < 1} every
   * gradient is multiplied by that factor. Returns the total norm before clipping. Temporary arrays
   * live in a sub-scope of {@code scratch}.
   */
  public static double clipNorm(List<NDArray> arrays, double maxNorm, NDManager scratch) {
    try (NDManager s = scratch.newSubManager()) {
      NDArray[] norms = new NDArray[arrays.size()];
      for (int i = 0; i < norms.length; i++) {
        try (NDArray g = arrays.get(i).getGradient()) {
          norms[i] = NdScope.own(s, g.norm());
        }
      }
      NDArray norm = NDArrays.stack(new NDList(norms)).norm();
      float total = norm.getDataType() == DataType.FLOAT64 ? (float) norm.getDouble() : norm.getFloat();
      float coef = (float) maxNorm / (total + 1e-6f);
      if (coef < 1) {
        for (NDArray a : arrays) {
          try (NDArray g = a.getGradient()) {
            g.muli(NdScope.scalar(s, coef, g.getDataType()));
          }
        }
      }
      return total;
    }
  }
}
