package org.nb201.train;

/**
 * The official learning-rate schedule (AutoDL-Projects {@code xautodl/procedures/optimizers.py::get_optim_scheduler},
 * {@code CosineAnnealingLR.get_lr}; see docs/network-and-protocol.md#learning-rate-schedule): cosine annealing
 * from {@code base} to 0 over
 * {@code epochs}, updated once per epoch: lr(e) = 0.5 * base * (1 + cos(pi * e / T)).
 */
public record CosineSchedule(double base, int epochs) {
  public CosineSchedule {
    if (epochs < 1 || !(base > 0)) {
      throw new IllegalArgumentException("cosine schedule needs epochs >= 1 and base > 0, got " + epochs + ", " + base);
    }
  }

  /** The learning rate of epoch {@code epoch} (0-based). */
  public double lr(int epoch) {
    if (epoch < 0 || epoch >= epochs) {
      throw new IllegalArgumentException("epoch " + epoch + " outside 0.." + (epochs - 1));
    }
    return 0.5 * base * (1 + Math.cos(Math.PI * epoch / epochs));
  }
}
