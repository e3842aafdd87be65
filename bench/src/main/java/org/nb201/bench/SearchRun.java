package org.nb201.bench;

import java.util.List;
import org.nb201.space.SearchSpace;

/**
 * One finished weight-sharing search as a store holds it ({@code searches} table, one row per
 * epoch): the search trial's content id ({@code search}), the method, the dataset setting, the seed,
 * the supernet's C and N, the epochs run, the full settings as compact JSON (every value that
 * defines the search; the id hashes exactly these), the chosen cell and one record per epoch.
 */
public record SearchRun(String search, String method, String dataset, int seed, int channels, int cells,
    String settings, int chosenIndex, List<Epoch> epochs) {

  /**
   * One epoch of a search: its genotype (the cell the method would choose now), wall seconds,
   * training images processed, the weight learning rate, and the per-image averages of the weight
   * steps (train loss, top-1 %), the architecture steps (NaN when the method has none) and the
   * validation pass (NaN when the method runs none).
   */
  public record Epoch(int epoch, int genotypeIndex, double seconds, long images, double lr, double trainLoss,
      double trainTop1, double archLoss, double archTop1, double validLoss, double validTop1) {
    public Epoch {
      SearchSpace.checkIndex(genotypeIndex);
      if (epoch < 0 || epoch > 65_535 || images < 0) {
        throw new IllegalArgumentException("bad search epoch " + epoch + " (images " + images + ")");
      }
    }
  }

  public SearchRun {
    epochs = List.copyOf(epochs);
    if (search == null || !search.matches("[0-9a-f]{16}")) {
      throw new IllegalArgumentException("a search needs its 16-hex-digit trial id, got " + search);
    }
    if (method == null || method.isBlank() || dataset == null || dataset.isBlank() || settings == null) {
      throw new IllegalArgumentException("search " + search + " needs a method, a dataset and its settings");
    }
    if (channels < 1 || channels > 65_535 || cells < 0 || cells > 65_535 || seed < 0) {
      throw new IllegalArgumentException("bad search " + search + ": C=" + channels + " N=" + cells + " seed="
          + seed + "; expected C >= 1, N and seed >= 0");
    }
    SearchSpace.checkIndex(chosenIndex);
    if (epochs.isEmpty()) {
      throw new IllegalArgumentException("search " + search + " has no epochs");
    }
    for (int e = 0; e < epochs.size(); e++) {
      if (epochs.get(e).epoch() != e) {
        throw new IllegalArgumentException("search " + search + ": epoch records must be 0.." + (epochs.size() - 1)
            + " in order, found " + epochs.get(e).epoch() + " at position " + e);
      }
    }
  }

  /** Wall seconds of all epochs. */
  public double seconds() {
    return epochs.stream().mapToDouble(Epoch::seconds).sum();
  }

  /** e.g. {@code darts-v1 on cifar10-valid (seed 1, C16 N5, 50 epochs)}. */
  public String describe() {
    return method + " on " + dataset + " (seed " + seed + ", C" + channels + " N" + cells + ", " + epochs.size()
        + " epochs)";
  }
}
