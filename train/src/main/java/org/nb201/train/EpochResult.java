package org.nb201.train;

import java.util.List;
import org.nb201.space.Split;

/**
 * The record of one training epoch (as AutoDL-Projects {@code exps/NAS-Bench-201/functions.py::procedure} keeps it;
 * see docs/network-and-protocol.md#metrics): learning rate, the running averages over the
 * augmented training batches (loss, top-1, top-5 in %), the epoch's training time, and the
 * evaluation of every set made after it, in the official order.
 */
public record EpochResult(int epoch, double lr, double trainLoss, double trainTop1, double trainTop5, double trainTime,
    List<EvalResult> evals) {
  public EpochResult {
    evals = List.copyOf(evals);
  }

  /** The evaluation of {@code split}, or null. */
  public EvalResult eval(Split split) {
    for (EvalResult e : evals) {
      if (e.split() == split) {
        return e;
      }
    }
    return null;
  }
}
