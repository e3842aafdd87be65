package org.nb201.train.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.space.CostModel;
import org.nb201.space.Dataset;
import org.nb201.space.NetworkShape;
import org.nb201.space.Op;

/**
 * What defines the scores of a run: the proxies, the dataset (input shape, classes, images), the
 * network's C and N (default the benchmark's C16 N5), the seed that fixes every cell's initial
 * weights and the batch, the batch size (0 = each proxy's authors' default, {@link
 * Proxy#defaultBatch()}) and source, and the activations' memory order. Build with {@link
 * #builder()}; {@link Builder#build()} rejects combinations a proxy cannot use.
 */
public record ProxyConfig(List<Proxy> proxies, Dataset dataset, int channels, int cells, int seed, int batchSize,
    ProxyBatch.Source source, boolean channelsLast, boolean synflowDouble, int bnNasEpochs, int bnNasImages) {
  /** BN-NAS's default epochs of BN-only supernet training (ours; the paper trains far shorter than a supernet). */
  public static final int BN_NAS_EPOCHS = 10;

  public ProxyConfig {
    proxies = List.copyOf(proxies);
  }

  /** The network of this config. */
  public NetworkShape shape() {
    return NetworkShape.of(dataset).withCells(channels, cells);
  }

  /** The images proxy {@code p} reads: 0 (none), 1 (SynFlow's all-ones image) or the batch size. */
  public int batchOf(Proxy p) {
    return p.needsBatch() && batchSize > 0 ? batchSize : p.defaultBatch();
  }

  /** The largest batch any proxy of this config reads (0 when none reads images). */
  public int maxBatch() {
    int max = 0;
    for (Proxy p : proxies) {
      if (p.needsBatch()) {
        max = Math.max(max, batchOf(p));
      }
    }
    return max;
  }

  /** Whether some proxy reads images (a data set, or noise, must then be given). */
  public boolean needsImages() {
    return maxBatch() > 0;
  }

  /** Whether BN-NAS is among the proxies (a supernet is then trained once per run). */
  public boolean hasBnNas() {
    return proxies.contains(Proxy.BN_NAS);
  }

  /** Whether the dataset's training images must be loaded (a real batch, or BN-NAS's training). */
  public boolean needsTrainingData() {
    return needsImages() && source == ProxyBatch.Source.TRAIN || hasBnNas();
  }

  /** How BN-NAS's supernet is trained under this config (its seed is the config's). */
  public BnNas.Settings bnNasSettings() {
    return BnNas.Settings.of(bnNasEpochs, bnNasImages, seed);
  }

  /** What defines the scores, as an ordered map with stable snake_case keys (provenance). */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("proxies", proxies.stream().map(Proxy::key).toList());
    m.put("dataset", dataset.key());
    m.put("C", channels);
    m.put("N", cells);
    m.put("seed", seed);
    m.put("batch_size", batchSize);
    m.put("batch_source", source.key());
    m.put("memory_format", channelsLast ? "channels_last" : "contiguous");
    m.put("synflow_precision", synflowDouble ? "float64" : "float32-rescaled");
    if (hasBnNas()) {
      m.putAll(bnNasSettings().describe());
    }
    return m;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder: benchmark network C16 N5, seed 0, each proxy's default batch of training images,
   * channels-last, SynFlow in double precision.
   */
  public static final class Builder {
    private final List<Proxy> proxies = new ArrayList<>();
    private Dataset dataset;
    private int channels = NetworkShape.BENCH_CHANNELS;
    private int cells = NetworkShape.BENCH_CELLS;
    private int seed;
    private int batchSize;
    private ProxyBatch.Source source = ProxyBatch.Source.TRAIN;
    private boolean channelsLast = true;
    private boolean synflowDouble = true;
    private int bnNasEpochs = BN_NAS_EPOCHS;
    private int bnNasImages;

    private Builder() {}

    /** BN-NAS: epochs of BN-only supernet training and the training images used (0 = all). */
    public Builder optBnNas(int epochs, int images) {
      this.bnNasEpochs = epochs;
      this.bnNasImages = images;
      return this;
    }

    public Builder setProxies(List<Proxy> proxies) {
      this.proxies.clear();
      this.proxies.addAll(proxies);
      return this;
    }

    public Builder setDataset(Dataset dataset) {
      this.dataset = dataset;
      return this;
    }

    /** Stem width C and cells per stage N. */
    public Builder optShape(int channels, int cells) {
      this.channels = channels;
      this.cells = cells;
      return this;
    }

    /** Fixes every cell's initial weights (torch RNG) and the choice of batch images. */
    public Builder optSeed(int seed) {
      this.seed = seed;
      return this;
    }

    /** Images per batch for every proxy that reads a batch (0 = each proxy's default). */
    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder optSource(ProxyBatch.Source source) {
      this.source = source;
      return this;
    }

    public Builder optChannelsLast(boolean channelsLast) {
      this.channelsLast = channelsLast;
      return this;
    }

    /**
     * SynFlow in double precision as the authors (default true), or in float32 with exact
     * power-of-two rescaling ({@code SynflowScaling}: the same value to about 1e-6 relative, up to
     * twice as fast on one CPU thread here, measured 0.04-0.05 against 0.08-0.10 s per C16 N5 cell).
     */
    public Builder optSynflowDouble(boolean synflowDouble) {
      this.synflowDouble = synflowDouble;
      return this;
    }

    public ProxyConfig build() {
      if (proxies.isEmpty()) {
        throw new IllegalArgumentException("no proxies given; expected one or more of " + Proxy.keys());
      }
      if (proxies.stream().distinct().count() != proxies.size()) {
        throw new IllegalArgumentException("a proxy is listed twice in " + proxies);
      }
      if (dataset == null) {
        throw new IllegalArgumentException("a dataset is required (it fixes the input shape and classes)");
      }
      if (channels < 1 || cells < 0) {
        throw new IllegalArgumentException("C must be >= 1 and N >= 0, got C=" + channels + " N=" + cells);
      }
      if (seed < 0) {
        throw new IllegalArgumentException("--seed must be >= 0, got " + seed);
      }
      if (batchSize < 0) {
        throw new IllegalArgumentException("--batch-size must be >= 1 (or 0 for each proxy's default), got "
            + batchSize);
      }
      if (source == ProxyBatch.Source.NOISE) {
        for (Proxy p : proxies) {
          if (p.input() == Proxy.Input.LABELLED || p.input() == Proxy.Input.TRAINING) {
            throw new IllegalArgumentException("proxy " + p.key() + " needs labelled training images and cannot use"
                + " a noise batch; noise is for " + Proxy.NASWOT.key() + " (or proxies that read no images)");
          }
        }
      }
      boolean bnNas = proxies.contains(Proxy.BN_NAS);
      if (bnNas) {
        if (bnNasEpochs < 1 || bnNasImages < 0) {
          throw new IllegalArgumentException("--bn-nas-epochs must be >= 1 and --bn-nas-images >= 0 (0 = all), got "
              + bnNasEpochs + " and " + bnNasImages);
        }
        if (dataset == Dataset.CIFAR10) {
          throw new IllegalArgumentException("bn_nas trains a supernet on a search split, which cifar10 (all 50k"
              + " images for training) lacks; use cifar10-valid (the official CIFAR-10 search)");
        }
      }
      ProxyConfig c = new ProxyConfig(proxies, dataset, channels, cells, seed, batchSize, source, channelsLast,
          synflowDouble, bnNas ? bnNasEpochs : 0, bnNas ? bnNasImages : 0);
      CostModel.cost(Arch.uniform(Op.NONE), c.shape()); // the input must survive two reductions
      return c;
    }
  }
}
