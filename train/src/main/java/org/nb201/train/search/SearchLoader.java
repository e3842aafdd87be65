package org.nb201.train.search;

import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;
import org.nb201.train.Batch;
import org.nb201.train.BatchStream;
import org.nb201.train.data.Normalization;
import org.nb201.train.data.SearchData;
import org.nb201.train.data.TrainingData;

/**
 * The official search loader (AutoDL-Projects {@code xautodl/datasets/SearchDatasetWrap.py::SearchDataset}
 * in a shuffled {@code DataLoader}): an epoch is a shuffled pass over the training images; each
 * training image is paired with a validation image drawn uniformly <em>with replacement</em>
 * ({@code random.choice}), and both get the training augmentation. The validation set is also
 * available for evaluation with the test transform (no augmentation). Random draws per batch, in
 * this order: the training images' augmentation, the validation indices, their augmentation.
 */
public final class SearchLoader {
  private final BatchStream train;
  private final BatchStream valid;
  private final BatchStream validEval;
  private final SearchData data;
  private final boolean channelsLast;

  /** A loader over {@code data} with batches of {@code batchSize} images (last partial batch kept). */
  public SearchLoader(SearchData data, int batchSize, boolean channelsLast) {
    if (batchSize > data.train().size()) {
      throw new IllegalArgumentException("batch size " + batchSize + " is larger than the " + data.train().size()
          + " training images");
    }
    if (data.valid().size() < 1) {
      throw new IllegalArgumentException("the search needs validation images, got none");
    }
    Normalization norm = Normalization.of(data.dataset());
    int pad = TrainingData.cropPadding(data.dataset());
    train = new BatchStream(data.train(), norm, pad, channelsLast, batchSize);
    valid = new BatchStream(data.valid(), norm, pad, channelsLast, batchSize);
    validEval = new BatchStream(data.valid(), norm, 0, channelsLast, batchSize);
    this.data = data;
    this.channelsLast = channelsLast;
  }

  /** A training batch and its paired validation batch (same size). */
  public record Pair(Batch train, Batch valid) {}

  /** Batches per epoch. */
  public int batches() {
    return train.batches();
  }

  /** Training images per epoch. */
  public int trainImages() {
    return train.size();
  }

  /** The shuffled training order of one epoch. */
  public int[] epochOrder(RandomGenerator rng) {
    return BatchStream.shuffled(train.size(), rng);
  }

  /** Batch {@code b} of the epoch with training order {@code order}, in scope {@code m}. */
  public Pair load(NDManager m, int[] order, int b, RandomGenerator rng) {
    int from = b * train.batchSize();
    int to = Math.min(order.length, from + train.batchSize());
    Batch t = train.load(m, order, from, to, rng);
    int[] paired = new int[to - from];
    for (int i = 0; i < paired.length; i++) {
      paired[i] = rng.nextInt(valid.size());
    }
    Batch v = valid.load(m, paired, 0, paired.length, rng);
    return new Pair(t, v);
  }

  /** The validation set with the test transform, for evaluation passes. */
  public BatchStream validEval() {
    return validEval;
  }

  /**
   * The validation set in batches of {@code batchSize} (at most the set's size), with the training
   * augmentation when {@code augment} (ENAS's controller batches) or the test transform (the
   * official {@code valid_loader} of a selection).
   */
  public BatchStream validStream(int batchSize, boolean augment) {
    int pad = augment ? TrainingData.cropPadding(data.dataset()) : 0;
    return new BatchStream(data.valid(), Normalization.of(data.dataset()), pad, channelsLast,
        Math.min(batchSize, data.valid().size()));
  }
}
