package org.nb201.train;

import ai.djl.ndarray.NDArray;

/**
 * One batch on the engine: normalised images (N, C, H, W), possibly channels-last in memory,
 * one-hot float targets (N, classes) and the labels for accuracy counting. The arrays belong to
 * the memory scope the batch was loaded into ({@link BatchStream#load}).
 */
public record Batch(NDArray images, NDArray targets, int[] labels) {
  /** Number of images. */
  public int size() {
    return labels.length;
  }
}
