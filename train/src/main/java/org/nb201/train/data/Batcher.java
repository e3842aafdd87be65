package org.nb201.train.data;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Turns images of an {@link ImageSet} into normalised float batches, (N, C, H, W) or channels-last
 * (N, H, W, C). With
 * augmentation it applies the official training transform (AutoDL-Projects
 * {@code xautodl/datasets/get_dataset_with_transform.py::get_datasets}; see
 * docs/network-and-protocol.md#training-protocol): random horizontal flip
 * (p = 0.5) <em>then</em> a random crop of the original size from the image zero-padded by
 * {@code pad} pixels on every side (padding is black before normalisation).
 */
public final class Batcher {
  private final ImageSet set;
  private final float[][] table;
  private final int pad;
  private final boolean channelsLast;

  /** A batcher for {@code set} writing (N, C, H, W); {@code pad} is the crop padding (0 = no augmentation). */
  public Batcher(ImageSet set, Normalization norm, int pad) {
    this(set, norm, pad, false);
  }

  /**
   * A batcher for {@code set}; {@code pad} is the crop padding (0 = no augmentation);
   * {@code channelsLast} writes every image as (H, W, C) instead of (C, H, W).
   */
  public Batcher(ImageSet set, Normalization norm, int pad, boolean channelsLast) {
    if (norm.mean().length != set.channels()) {
      throw new IllegalArgumentException("normalisation has " + norm.mean().length + " channels, images "
          + set.channels());
    }
    this.set = set;
    this.table = norm.table();
    this.pad = pad;
    this.channelsLast = channelsLast;
  }

  /** Whether images are written (H, W, C). */
  public boolean channelsLast() {
    return channelsLast;
  }

  public ImageSet set() {
    return set;
  }

  /** Floats per image. */
  public int imageFloats() {
    return set.imageBytes();
  }

  /**
   * Writes images {@code order[from..to)} into {@code out} (length at least (to-from)*imageFloats);
   * {@code rng} draws flips and crops when augmenting, and is not used otherwise.
   */
  public void fill(int[] order, int from, int to, float[] out, RandomGenerator rng) {
    int c = set.channels();
    int h = set.height();
    int w = set.width();
    byte[] px = set.rawPixels();
    int plane = h * w;
    // element (ch, pixel) of an image sits at ch * chStep + pixel * pxStep of its block
    int chStep = channelsLast ? 1 : plane;
    int pxStep = channelsLast ? c : 1;
    int image = c * plane;
    for (int k = from; k < to; k++) {
      int base = order[k] * image;
      int o = (k - from) * image;
      boolean flip = false;
      int dy = 0;
      int dx = 0;
      if (pad > 0) {
        flip = rng.nextDouble() < 0.5;
        dy = rng.nextInt(2 * pad + 1) - pad;
        dx = rng.nextInt(2 * pad + 1) - pad;
      }
      for (int ch = 0; ch < c; ch++) {
        float[] t = table[ch];
        float zero = t[0];
        int src = base + ch * plane;
        int dst = o + ch * chStep;
        for (int y = 0; y < h; y++) {
          int sy = y + dy;
          int rowOut = dst + y * w * pxStep;
          if (sy < 0 || sy >= h) {
            for (int x = 0; x < w; x++) {
              out[rowOut + x * pxStep] = zero;
            }
            continue;
          }
          int row = src + sy * w;
          for (int x = 0; x < w; x++) {
            int fx = x + dx;
            out[rowOut + x * pxStep] = fx < 0 || fx >= w ? zero : t[px[row + (flip ? w - 1 - fx : fx)] & 0xff];
          }
        }
      }
    }
  }

  /** One-hot float labels of images {@code order[from..to)} into {@code out}. */
  public void oneHot(int[] order, int from, int to, float[] out) {
    int k = set.numClasses();
    Arrays.fill(out, 0, (to - from) * k, 0f);
    for (int i = from; i < to; i++) {
      out[(i - from) * k + set.label(order[i])] = 1f;
    }
  }

  /** Labels of images {@code order[from..to)}. */
  public int[] labels(int[] order, int from, int to) {
    int[] out = new int[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = set.label(order[i]);
    }
    return out;
  }
}
