package org.nb201.bench;

/**
 * What one column of training-free scores was computed with: the proxy (its name in the authors'
 * code, e.g. {@code synflow}), the dataset whose input shape, classes and images it used, the
 * network's C and N, the seed that fixed the initial weights and the batch, the batch size (0 for
 * data-free proxies, 1 for SynFlow's all-ones image) and the batch source ({@code train} images,
 * Gaussian {@code noise}, or {@code none}). Scores of different sets are never mixed.
 */
public record ProxySet(String proxy, String dataset, int channels, int cells, int seed, int batch, String source) {
  public ProxySet {
    if (proxy == null || proxy.isBlank()) {
      throw new IllegalArgumentException("a proxy score needs the proxy's name");
    }
    if (dataset == null || dataset.isBlank()) {
      throw new IllegalArgumentException("a proxy score needs a dataset");
    }
    if (channels < 1 || channels > 65_535 || cells < 0 || cells > 65_535 || seed < 0 || batch < 0) {
      throw new IllegalArgumentException("bad proxy set " + proxy + " on " + dataset + ": C=" + channels + " N="
          + cells + " seed=" + seed + " batch=" + batch + "; expected C >= 1, N, seed and batch >= 0");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a proxy score needs its batch source (train, noise or none)");
    }
  }

  /** e.g. {@code synflow on cifar10 (C16 N5, seed 0, batch 1, none)}. */
  public String describe() {
    return proxy + " on " + dataset + " (C" + channels + " N" + cells + ", seed " + seed + ", batch " + batch + ", "
        + source + ")";
  }
}
