package org.nb201.train.search;

/**
 * The official cosine schedule with a floor (AutoDL-Projects
 * {@code xautodl/procedures/optimizers.py::CosineAnnealingLR.get_lr}, no warm-up), updated once per
 * epoch: {@code lr(e) = etaMin + (base - etaMin) * (1 + cos(pi * e / tMax)) / 2} for
 * {@code e < epochs}. With {@code tMax < epochs} (ENAS's config) it rises again after {@code tMax}.
 */
public record CosineAnnealing(double base, double etaMin, int tMax, int epochs) {
  public CosineAnnealing {
    if (!(base > 0) || etaMin < 0 || tMax < 1 || epochs < 1) {
      throw new IllegalArgumentException("cosine annealing needs base > 0, eta_min >= 0, T_max >= 1, epochs >= 1");
    }
  }

  /** The learning rate of epoch {@code epoch} (0-based). */
  public double lr(int epoch) {
    if (epoch < 0 || epoch >= epochs) {
      throw new IllegalArgumentException("epoch " + epoch + " outside 0.." + (epochs - 1));
    }
    return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
  }
}
