package org.nb201.train.model;

/**
 * How the ops inside searched cells normalise: {@code affine} batch norms (learned scale and shift)
 * with bias-free convolutions, or non-affine norms after convolutions with a bias (the official
 * {@code bias = not affine} of AutoDL-Projects {@code xautodl/models/cell_operations.py::ReLUConvBN});
 * {@code trackRunningStats}: running statistics for evaluation, or batch statistics in evaluation
 * too (PyTorch's {@code track_running_stats=False}).
 *
 * @param affine whether the norm has a learned scale and shift (and the convolution no bias)
 * @param trackRunningStats whether evaluation uses running statistics
 */
public record CellNorm(boolean affine, boolean trackRunningStats) {
  /** The benchmark networks' cells: affine, running statistics. */
  public static final CellNorm BENCHMARK = new CellNorm(true, true);

  /** The supernets' cells: not affine, running statistics only when {@code trackRunningStats}. */
  public static CellNorm search(boolean trackRunningStats) {
    return new CellNorm(false, trackRunningStats);
  }

  /** Whether the norm uses batch statistics in a pass with {@code training}. */
  boolean batchStatistics(boolean training) {
    return training || !trackRunningStats;
  }
}
