package org.nb201.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.random.RandomGenerator;
import org.nb201.train.data.Batcher;
import org.nb201.train.data.ImageSet;
import org.nb201.train.data.Normalization;

/**
 * Batches of one image set on the engine: a shuffled or in-order pass, the official training
 * augmentation when {@code pad > 0}, and every batch's arrays in its own memory scope, so memory
 * stays flat however long the pass. Host buffers are reused from batch to batch (each with a
 * direct staging buffer the engine may read when an array is created). Not thread-safe.
 */
public final class BatchStream {
  private final Batcher batcher;
  private final int batchSize;
  private final float[] images;
  private final float[] targets;
  private final ByteBuffer imageStage;
  private final ByteBuffer targetStage;

  /** What to do with one batch; the batch's arrays are closed when it returns. */
  @FunctionalInterface
  public interface BatchConsumer {
    void accept(int index, Batch batch);
  }

  /**
   * A stream over {@code set}, normalised with {@code norm}; {@code pad} is the crop padding of the
   * training augmentation (0 = none); {@code channelsLast} lays images out (N, H, W, C) in memory.
   */
  public BatchStream(ImageSet set, Normalization norm, int pad, boolean channelsLast, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    this.batcher = new Batcher(set, norm, pad, channelsLast);
    this.batchSize = batchSize;
    images = new float[batchSize * set.imageBytes()];
    targets = new float[batchSize * set.numClasses()];
    imageStage = ByteBuffer.allocateDirect(images.length * 4).order(ByteOrder.nativeOrder());
    targetStage = ByteBuffer.allocateDirect(targets.length * 4).order(ByteOrder.nativeOrder());
  }

  public ImageSet set() {
    return batcher.set();
  }

  /** Images in the set. */
  public int size() {
    return batcher.set().size();
  }

  public int batchSize() {
    return batchSize;
  }

  /** Batches in one pass; the last partial batch is kept. */
  public int batches() {
    return (size() + batchSize - 1) / batchSize;
  }

  /** A Fisher-Yates permutation of {@code 0..n-1} drawn from {@code rng} (from the last position down). */
  public static int[] shuffled(int n, RandomGenerator rng) {
    int[] order = inOrder(n);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** {@code 0..n-1}. */
  public static int[] inOrder(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /**
   * Images {@code order[from..to)} as a batch in {@code m}; {@code rng} draws the augmentation and
   * may be null without it.
   */
  public Batch load(NDManager m, int[] order, int from, int to, RandomGenerator rng) {
    if (to - from > batchSize || to <= from) {
      throw new IllegalArgumentException("batch " + from + ".." + to + " does not fit batch size " + batchSize);
    }
    int n = to - from;
    batcher.fill(order, from, to, images, rng);
    batcher.oneHot(order, from, to, targets);
    ImageSet set = batcher.set();
    Shape s = new Shape(n, set.channels(), set.height(), set.width());
    NDArray x;
    if (!batcher.channelsLast()) {
      x = create(m, images, imageStage, s);
    } else {
      // (N, H, W, C) data seen as (N, C, H, W): a channels-last view, which the convolutions
      // and everything after them keep
      try (NDArray nhwc = create(m, images, imageStage, new Shape(n, s.get(2), s.get(3), s.get(1)))) {
        x = nhwc.transpose(0, 3, 1, 2);
      }
    }
    NDArray y = create(m, targets, targetStage, new Shape(n, set.numClasses()));
    return new Batch(x, y, batcher.labels(order, from, to));
  }

  /** Runs {@code consumer} on every batch of {@code order}, each in a sub-scope of {@code parent}. */
  public void forEach(NDManager parent, int[] order, RandomGenerator rng, BatchConsumer consumer) {
    int batches = (order.length + batchSize - 1) / batchSize;
    for (int b = 0; b < batches; b++) {
      int from = b * batchSize;
      int to = Math.min(order.length, from + batchSize);
      try (NDManager bm = parent.newSubManager()) {
        consumer.accept(b, load(bm, order, from, to, rng));
      }
    }
  }

  private static NDArray create(NDManager m, float[] src, ByteBuffer stage, Shape shape) {
    int count = (int) shape.size();
    ByteBuffer b = stage.duplicate().order(ByteOrder.nativeOrder());
    b.clear();
    b.asFloatBuffer().put(src, 0, count);
    b.limit(count * 4);
    return m.create(b.slice().order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32);
  }
}
