package org.nb201.bench;

/**
 * Where importers, trainers and collectors put benchmark data. Implemented by the store writer;
 * importers depend only on this interface.
 */
public interface StoreSink {
  /** Adds one trial; a second trial with the same key is an error. */
  void addTrial(Trial trial);

  /** Adds the costs of one architecture on one dataset. */
  void addCost(CostRecord cost);
}
