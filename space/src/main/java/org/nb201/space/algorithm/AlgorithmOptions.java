package org.nb201.space.algorithm;

import java.util.Map;

/**
 * The settings of one algorithm, validated when built. Each algorithm owns an immutable record of them with a
 * builder whose defaults are the official values; the record is what a run is configured with and what its
 * result records.
 */
public interface AlgorithmOptions {
  /** The registered name of the algorithm these options configure ({@code rea}). */
  String algorithm();

  /** Every setting by key, in a fixed order, for the recorded config (values are numbers or strings). */
  Map<String, Object> describe();
}
