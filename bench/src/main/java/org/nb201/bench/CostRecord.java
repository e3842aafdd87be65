package org.nb201.bench;

import org.nb201.space.SearchSpace;

/**
 * Costs of one architecture on one dataset: FLOPs and parameters in millions and latency in
 * seconds per batch of 256 ({@code NaN} = unknown).
 */
public record CostRecord(int index, String dataset, double flops, double params, double latency) {
  public CostRecord {
    SearchSpace.checkIndex(index);
    if (dataset == null || dataset.isEmpty()) {
      throw new IllegalArgumentException("dataset must be given");
    }
  }
}
