package org.nb201.train.data;

import org.nb201.space.Dataset;

/**
 * Per-dataset input statistics (AutoDL-Projects {@code xautodl/datasets/get_dataset_with_transform.py::get_datasets};
 * see docs/network-and-protocol.md#training-protocol): ToTensor (/255) then Normalize with these mean/std per
 * channel. Fashion-MNIST uses mean 0.2860, std 0.3530, the statistics of its 60k training images.
 */
public record Normalization(double[] mean, double[] std) {
  /** The official statistics of {@code dataset}. */
  public static Normalization of(Dataset dataset) {
    return switch (dataset) {
      case CIFAR10_VALID, CIFAR10 -> x255(new double[] {125.3, 123.0, 113.9}, new double[] {63.0, 62.1, 66.7});
      case CIFAR100 -> x255(new double[] {129.3, 124.1, 112.4}, new double[] {68.2, 65.4, 70.4});
      case IMAGENET16_120 -> x255(new double[] {122.68, 116.66, 104.01}, new double[] {63.22, 61.26, 65.09});
      case FASHION_MNIST -> new Normalization(new double[] {0.2860}, new double[] {0.3530});
    };
  }

  private static Normalization x255(double[] mean, double[] std) {
    double[] m = new double[3];
    double[] s = new double[3];
    for (int c = 0; c < 3; c++) {
      m[c] = mean[c] / 255;
      s[c] = std[c] / 255;
    }
    return new Normalization(m, s);
  }

  /** A lookup table {@code [channel][pixel 0..255]} of normalised float values. */
  float[][] table() {
    float[][] t = new float[mean.length][256];
    for (int c = 0; c < mean.length; c++) {
      for (int v = 0; v < 256; v++) {
        t[c][v] = (float) ((v / 255.0 - mean[c]) / std[c]);
      }
    }
    return t;
  }
}
