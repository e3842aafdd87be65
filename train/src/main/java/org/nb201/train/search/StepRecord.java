package org.nb201.train.search;

/**
 * What one search step reports: the weight step's loss and logits on the training batch and the
 * architecture step's on the validation batch ({@code null} when a method has none).
 */
public record StepRecord(Step weights, Step arch) {
  /** The mean loss of a batch, its logits (row-major) and labels. */
  public record Step(float loss, float[] logits, int[] labels) {}
}
