package org.nb201.train.proxy;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nb201.space.Dataset;
import org.nb201.train.data.Batcher;
import org.nb201.train.data.ImageSet;
import org.nb201.train.data.Normalization;

/**
 * The images every cell of a run is scored on, so that scores compare cells and not batches:
 * {@code size} training images drawn without replacement with {@code seed} (the first {@code size}
 * of a seeded shuffle, so a smaller batch is a prefix of a larger one), normalised with the
 * dataset's statistics and not augmented; or, for {@link Source#NOISE}, standard Gaussian values
 * in the normalised space (no labels). The authors' scripts draw a fresh shuffled, augmented batch
 * per cell instead; one fixed batch removes that noise from the comparison.
 */
public final class ProxyBatch {
  /** Where the images come from. */
  public enum Source {
    /** Real training images with their labels. */
    TRAIN,
    /** N(0, 1) values in the normalised input space, no labels (NASWOT's noise variant). */
    NOISE;

    /** {@code train} or {@code noise}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Source parse(String s) {
      return switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "train", "images" -> TRAIN;
        case "noise", "gaussian" -> NOISE;
        default -> throw new IllegalArgumentException("unknown batch source '" + s + "'; expected train or noise");
      };
    }
  }

  private final Source source;
  private final int channels;
  private final int height;
  private final int width;
  private final int numClasses;
  private final float[] nchw;
  private final int[] labels;

  private ProxyBatch(Source source, int channels, int height, int width, int numClasses, float[] nchw, int[] labels) {
    this.source = source;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.numClasses = numClasses;
    this.nchw = nchw;
    this.labels = labels;
  }

  /** {@code size} images of {@code train} chosen with {@code seed}, normalised for {@code dataset}. */
  public static ProxyBatch of(ImageSet train, Dataset dataset, int size, long seed) {
    if (size < 1 || size > train.size()) {
      throw new IllegalArgumentException("batch size " + size + " out of range: the " + dataset.key()
          + " training set has " + train.size() + " images");
    }
    int n = train.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) { // the first `size` steps of a Fisher-Yates shuffle
      int j = i + rng.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    Batcher b = new Batcher(train, Normalization.of(dataset), 0, false);
    float[] x = new float[size * b.imageFloats()];
    b.fill(order, 0, size, x, null);
    int[] labels = b.labels(order, 0, size);
    return new ProxyBatch(Source.TRAIN, train.channels(), train.height(), train.width(), train.numClasses(), x,
        labels);
  }

  /** {@code size} images of standard Gaussian noise shaped like {@code dataset}'s, from {@code seed}. */
  public static ProxyBatch noise(Dataset dataset, int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + size);
    }
    int c = dataset.channels();
    int s = dataset.imageSize();
    float[] x = new float[size * c * s * s];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextGaussian();
    }
    return new ProxyBatch(Source.NOISE, c, s, s, dataset.numClasses(), x, null);
  }

  /** An explicit batch (N, C, H, W) with labels ({@code null} for none), for tests and tools. */
  public static ProxyBatch of(float[] nchw, int[] labels, int channels, int height, int width, int numClasses) {
    int per = channels * height * width;
    if (per == 0 || nchw.length % per != 0 || labels != null && labels.length != nchw.length / per) {
      throw new IllegalArgumentException("batch of " + nchw.length + " floats does not hold images of "
          + channels + "x" + height + "x" + width + (labels == null ? "" : " for " + labels.length + " labels"));
    }
    return new ProxyBatch(labels == null ? Source.NOISE : Source.TRAIN, channels, height, width, numClasses,
        nchw.clone(), labels == null ? null : labels.clone());
  }

  public Source source() {
    return source;
  }

  /** Images in the batch. */
  public int size() {
    return nchw.length / imageFloats();
  }

  public int imageFloats() {
    return channels * height * width;
  }

  public int channels() {
    return channels;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int numClasses() {
    return numClasses;
  }

  /** Whether the batch has labels (real images). */
  public boolean labelled() {
    return labels != null;
  }

  /** The first {@code n} images as (N, C, H, W) floats (a copy). */
  public float[] images(int n) {
    checkSize(n);
    return Arrays.copyOf(nchw, n * imageFloats());
  }

  /** The first {@code n} images as (N, H, W, C) floats, the channels-last order. */
  public float[] imagesChannelsLast(int n) {
    checkSize(n);
    int plane = height * width;
    float[] out = new float[n * imageFloats()];
    for (int i = 0; i < n; i++) {
      int base = i * imageFloats();
      for (int ch = 0; ch < channels; ch++) {
        for (int p = 0; p < plane; p++) {
          out[base + p * channels + ch] = nchw[base + ch * plane + p];
        }
      }
    }
    return out;
  }

  /** The labels of the first {@code n} images. */
  public int[] labels(int n) {
    checkSize(n);
    if (labels == null) {
      throw new IllegalStateException("a " + source.key() + " batch has no labels");
    }
    return Arrays.copyOf(labels, n);
  }

  private void checkSize(int n) {
    if (n < 1 || n > size()) {
      throw new IllegalArgumentException("batch of " + n + " images requested; this batch holds " + size());
    }
  }
}
