package org.nb201.train.data;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of labelled images: {@code size} images of {@code channels x height x width}
 * uint8 pixels stored planar (CHW, the CIFAR row layout) one after the other, with labels
 * 0..numClasses-1.
 */
public final class ImageSet {
  private final byte[] pixels;
  private final int[] labels;
  private final int channels;
  private final int height;
  private final int width;
  private final int numClasses;

  public ImageSet(byte[] pixels, int[] labels, int channels, int height, int width, int numClasses) {
    long need = (long) labels.length * channels * height * width;
    if (pixels.length != need) {
      throw new IllegalArgumentException("pixel array has " + pixels.length + " bytes, expected " + need);
    }
    for (int l : labels) {
      if (l < 0 || l >= numClasses) {
        throw new IllegalArgumentException("label " + l + " outside 0.." + (numClasses - 1));
      }
    }
    this.pixels = pixels;
    this.labels = labels;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.numClasses = numClasses;
  }

  public int size() {
    return labels.length;
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

  /** Bytes per image. */
  public int imageBytes() {
    return channels * height * width;
  }

  /** The label of image {@code i}. */
  public int label(int i) {
    return labels[i];
  }

  /** Pixel {@code (c, y, x)} of image {@code i} as 0..255. */
  public int pixel(int i, int c, int y, int x) {
    return pixels[((i * channels + c) * height + y) * width + x] & 0xff;
  }

  /** Raw planar pixel array (shared, do not modify). */
  byte[] rawPixels() {
    return pixels;
  }

  /** The images at {@code indices}, in that order. */
  public ImageSet select(int[] indices) {
    int b = imageBytes();
    byte[] p = new byte[indices.length * b];
    int[] l = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= size()) {
        throw new IndexOutOfBoundsException("index " + i + " outside 0.." + (size() - 1));
      }
      System.arraycopy(pixels, i * b, p, k * b, b);
      l[k] = labels[i];
    }
    return new ImageSet(p, l, channels, height, width, numClasses);
  }

  /** The first {@code k} images (all when {@code k <= 0} or {@code k >= size}). */
  public ImageSet limit(int k) {
    if (k <= 0 || k >= size()) {
      return this;
    }
    return new ImageSet(Arrays.copyOf(pixels, k * imageBytes()), Arrays.copyOf(labels, k), channels, height, width,
        numClasses);
  }

  /** Concatenation of sets with the same image shape. */
  public static ImageSet concat(List<ImageSet> parts) {
    ImageSet first = parts.get(0);
    int n = parts.stream().mapToInt(ImageSet::size).sum();
    byte[] p = new byte[n * first.imageBytes()];
    int[] l = new int[n];
    int at = 0;
    for (ImageSet s : parts) {
      System.arraycopy(s.pixels, 0, p, at * first.imageBytes(), s.pixels.length);
      System.arraycopy(s.labels, 0, l, at, s.size());
      at += s.size();
    }
    return new ImageSet(p, l, first.channels, first.height, first.width, first.numClasses);
  }
}
