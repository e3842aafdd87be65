package org.nb201.space;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The training settings of the benchmark (AutoDL-Projects {@code exps/NAS-Bench-201/main.py::evaluate_all_datasets};
 * see docs/datasets-and-splits.md#training-settings) plus nb201's own embedded default,
 * Fashion-MNIST. Each knows its official key, input shape and class count.
 */
public enum Dataset {
  /** CIFAR-10, trained on the 25k "train" half; x-valid = the other half, ori-test = test set. */
  CIFAR10_VALID("cifar10-valid", 10, 3, 32, true),
  /** CIFAR-10, trained on all 50k; ori-test = test set. */
  CIFAR10("cifar10", 10, 3, 32, true),
  /** CIFAR-100, trained on all 50k; x-valid / x-test = halves of the test set. */
  CIFAR100("cifar100", 100, 3, 32, true),
  /** ImageNet 16x16, classes 1..120; x-valid / x-test = halves of the validation set. */
  IMAGENET16_120("ImageNet16-120", 120, 3, 16, true),
  /** nb201's embedded default: Fashion-MNIST 28x28 grayscale (not part of the official benchmark). */
  FASHION_MNIST("fashion-mnist", 10, 1, 28, false);

  private final String key;
  private final int numClasses;
  private final int channels;
  private final int size;
  private final boolean official;

  Dataset(String key, int numClasses, int channels, int size, boolean official) {
    this.key = key;
    this.numClasses = numClasses;
    this.channels = channels;
    this.size = size;
    this.official = official;
  }

  /** The official key, e.g. {@code ImageNet16-120}. */
  public String key() {
    return key;
  }

  public int numClasses() {
    return numClasses;
  }

  /** Input channels (3 for the official datasets). */
  public int channels() {
    return channels;
  }

  /** Input height and width in pixels. */
  public int imageSize() {
    return size;
  }

  /** Whether this is one of the four NAS-Bench-201 datasets. */
  public boolean isOfficial() {
    return official;
  }

  /** The benchmark network's shape for this dataset (C = 16, N = 5). */
  public NetworkShape network() {
    return NetworkShape.of(this);
  }

  /** The four official datasets in the official order. */
  public static List<Dataset> official() {
    return List.of(CIFAR10_VALID, CIFAR10, CIFAR100, IMAGENET16_120);
  }

  /** The dataset with this key; an error listing the valid keys otherwise. */
  public static Dataset byKey(String key) {
    for (Dataset d : values()) {
      if (d.key.equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dataset '" + key + "'; expected one of " + keys());
  }

  /** All keys, for messages and help texts. */
  public static String keys() {
    return Arrays.stream(values()).map(Dataset::key).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return key;
  }
}
