package org.nb201.pickle;

import java.util.Arrays;

/**
 * A small tensor from a {@code torch.save} file, decoded into a Java array: floating types into
 * {@link #floats()}, integer types into {@link #longs()} (the other is {@code null}), row-major in
 * {@link #shape()}. Only what the benchmark tables could hold is decoded (see {@link TorchFile}).
 *
 * @param storageType the torch storage class, e.g. {@code torch.FloatStorage}
 */
public record TorchTensor(String storageType, int[] shape, double[] floats, long[] longs) {
  /** Number of elements. */
  public int numel() {
    return floats != null ? floats.length : longs.length;
  }

  @Override
  public String toString() {
    return "tensor" + Arrays.toString(shape) + " " + storageType + " "
        + (floats != null ? Arrays.toString(floats) : Arrays.toString(longs));
  }
}
