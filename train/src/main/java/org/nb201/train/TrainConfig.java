package org.nb201.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.space.CostModel;
import org.nb201.space.Dataset;
import org.nb201.space.NetworkShape;

/**
 * Everything that defines one training trial: cell, dataset setting and data location, macro shape
 * (C, N), the protocol's hyper-parameters (AutoDL-Projects {@code configs/nas-benchmark/CIFAR.config},
 * {@code LESS.config}; paper §2.3 / Table 1; see docs/network-and-protocol.md#training-protocol), seed, limits
 * for quick runs, device, threads and
 * the activations' memory format (channels-last by default: faster convolutions, smaller tensors
 * to keep for backward; the values agree with (N, C, H, W) to float rounding).
 * Build with {@link #builder()}; validation happens in {@link Builder#build()}.
 */
public record TrainConfig(
    Arch arch,
    Dataset dataset,
    Path dataDir,
    Path splitDir,
    int epochs,
    int seed,
    int channels,
    int cells,
    int batchSize,
    double learningRate,
    double momentum,
    double weightDecay,
    boolean nesterov,
    int trainLimit,
    int evalLimit,
    Device device,
    int threads,
    boolean verifyData,
    boolean channelsLast) {

  /** Where to train. */
  public enum Device {
    CPU, GPU;

    /** {@code cpu} or {@code gpu}. */
    public static Device parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "cpu" -> CPU;
        case "gpu", "cuda" -> GPU;
        default -> throw new IllegalArgumentException("unknown device '" + s + "'; expected cpu or gpu");
      };
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The network shape for this configuration. */
  public NetworkShape shape() {
    return new NetworkShape(channels, cells, dataset.channels(), dataset.imageSize(), dataset.imageSize(),
        dataset.numClasses());
  }

  /** {@code channels_last} or {@code contiguous}, PyTorch's names. */
  public String memoryFormat() {
    return channelsLast ? "channels_last" : "contiguous";
  }

  /** The official hp key: the number of epochs as a string ({@code "12"}, {@code "200"}). */
  public String hp() {
    return Integer.toString(epochs);
  }

  /** What defines the trial, as an ordered map with stable snake_case keys (for JSON output and provenance). */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("arch", arch.toString());
    m.put("dataset", dataset.key());
    m.put("epochs", epochs);
    m.put("seed", seed);
    m.put("C", channels);
    m.put("N", cells);
    m.put("batch_size", batchSize);
    m.put("lr", learningRate);
    m.put("momentum", momentum);
    m.put("nesterov", nesterov);
    m.put("weight_decay", weightDecay);
    m.put("train_limit", trainLimit);
    m.put("eval_limit", evalLimit);
    m.put("memory_format", memoryFormat());
    m.put("data_dir", dataDir.toString());
    return m;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.arch = arch;
    b.dataset = dataset;
    b.dataDir = dataDir;
    b.splitDir = splitDir;
    b.epochs = epochs;
    b.seed = seed;
    b.channels = channels;
    b.cells = cells;
    b.batchSize = batchSize;
    b.learningRate = learningRate;
    b.momentum = momentum;
    b.weightDecay = weightDecay;
    b.nesterov = nesterov;
    b.trainLimit = trainLimit;
    b.evalLimit = evalLimit;
    b.device = device;
    b.threads = threads;
    b.verifyData = verifyData;
    b.channelsLast = channelsLast;
    return b;
  }

  /** Builder with the official defaults: 12 epochs, seed 777, C16 N5, batch 256, lr 0.1, Nesterov 0.9, wd 5e-4. */
  public static final class Builder {
    private Arch arch;
    private Dataset dataset;
    private Path dataDir;
    private Path splitDir;
    private int epochs = 12;
    private int seed = 777;
    private int channels = NetworkShape.BENCH_CHANNELS;
    private int cells = NetworkShape.BENCH_CELLS;
    private int batchSize = 256;
    private double learningRate = 0.1;
    private double momentum = 0.9;
    private double weightDecay = 5e-4;
    private boolean nesterov = true;
    private int trainLimit;
    private int evalLimit;
    private Device device = Device.CPU;
    private int threads;
    private boolean channelsLast = true;
    private boolean verifyData = true;

    private Builder() {}

    public Builder setArch(Arch arch) {
      this.arch = arch;
      return this;
    }

    public Builder setDataset(Dataset dataset) {
      this.dataset = dataset;
      return this;
    }

    public Builder setDataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Directory with the official split files (default: the data directory, then its splits/). */
    public Builder optSplitDir(Path splitDir) {
      this.splitDir = splitDir;
      return this;
    }

    public Builder optEpochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder optSeed(int seed) {
      this.seed = seed;
      return this;
    }

    /** Stem width C and cells per stage N. */
    public Builder optShape(int channels, int cells) {
      this.channels = channels;
      this.cells = cells;
      return this;
    }

    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder optLearningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    public Builder optMomentum(double momentum, boolean nesterov) {
      this.momentum = momentum;
      this.nesterov = nesterov;
      return this;
    }

    public Builder optWeightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /** Train on the first {@code k} training images only (0 = all). */
    public Builder optTrainLimit(int k) {
      this.trainLimit = k;
      return this;
    }

    /** Evaluate on the first {@code k} images of each evaluation set only (0 = all). */
    public Builder optEvalLimit(int k) {
      this.evalLimit = k;
      return this;
    }

    public Builder optDevice(Device device) {
      this.device = device;
      return this;
    }

    /** Intra-op threads (0 = the engine's setting). */
    public Builder optThreads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Activations in channels-last memory order (default true) or PyTorch's default (N, C, H, W)
     * order. Channels-last runs the convolutions without layout conversions.
     */
    public Builder optChannelsLast(boolean channelsLast) {
      this.channelsLast = channelsLast;
      return this;
    }

    /** Whether to check known MD5s of the data files (default true). */
    public Builder optVerifyData(boolean verify) {
      this.verifyData = verify;
      return this;
    }

    public TrainConfig build() {
      if (arch == null || dataset == null || dataDir == null) {
        throw new IllegalArgumentException("a training config needs an arch, a dataset and a data directory");
      }
      check(epochs >= 1, "--hp (epochs) must be >= 1, got " + epochs);
      TrainLimits.checkOptions(channels, cells, batchSize, threads, "--threads");
      check(learningRate > 0, "learning rate must be > 0, got " + learningRate);
      check(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
      check(!nesterov || momentum > 0, "Nesterov needs momentum > 0");
      check(weightDecay >= 0, "weight decay must be >= 0, got " + weightDecay);
      check(trainLimit >= 0 && evalLimit >= 0, "limits must be >= 0");
      TrainConfig c = new TrainConfig(arch, dataset, dataDir, splitDir, epochs, seed, channels, cells, batchSize,
          learningRate, momentum, weightDecay, nesterov, trainLimit, evalLimit, device, threads, verifyData,
          channelsLast);
      CostModel.cost(arch, c.shape()); // the input must survive two reductions
      TrainLimits.checkMemory(c, 1, TrainLimits.machineMemory());
      return c;
    }

    private static void check(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
