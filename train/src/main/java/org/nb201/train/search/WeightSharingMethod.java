package org.nb201.train.search;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.train.Batch;
import org.nb201.train.supernet.EdgeWeighting;

/**
 * One weight-sharing NAS method as a few steps over the shared supernet and search loop (NASLib's
 * optimiser interface, {@code optimizers/core/metaclasses.py}): prepare an epoch, take a step on a
 * training batch and its paired validation batch, name the cell of the moment and the final one.
 * A method holds its {@link SearchContext}; the loop ({@link SupernetSearch}) owns data, epochs,
 * records and checkpoints.
 */
public interface WeightSharingMethod {
  /** Prepares epoch {@code epoch} (0-based), after the context's learning rate is set. */
  default void newEpoch(int epoch) {}

  /** One search step; the batches' arrays belong to the step's memory scope. */
  StepRecord step(Batch train, Batch valid);

  /** Work after an epoch's steps (e.g. a controller's training); nothing by default. */
  default void endEpoch() {}

  /** How the supernet is weighed when the validation set is evaluated. */
  EdgeWeighting evalWeighting();

  /** The cell the method would answer now (recorded every epoch). */
  Arch currentArch();

  /** The method's answer at the end of the search. */
  default Arch finalArch() {
    return currentArch();
  }

  /** Per-epoch values worth recording besides losses (e.g. GDAS's temperature). */
  default Map<String, Object> epochInfo() {
    return new LinkedHashMap<>();
  }

  /** State beyond weights, alpha and optimisers that a checkpoint must hold (none by default). */
  default Map<String, NDArray> state() {
    return Map.of();
  }

  /** Restores {@link #state()}. */
  default void restore(Map<String, NDArray> state) {}
}
