package org.nb201.train.search;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nb201.space.Dataset;
import org.nb201.space.NetworkShape;
import org.nb201.train.TrainConfig;

/**
 * The settings every weight-sharing search shares: data, supernet shape and BN switch, the weight
 * optimiser (SGD Nesterov 0.9, wd 5e-4, lr 0.025 cosine to 0.001 per epoch, gradient clip 5: the
 * official {@code configs/nas-benchmark/algos/*.config} and scripts), the architecture optimiser
 * (Adam lr 3e-4, betas (0.5, 0.999), wd 1e-3), seed and engine. A method's options hold these plus
 * its own; every value has a snake_case key ({@link #describe()}), and a builder takes any key as
 * text ({@link Builder#set(String, String)}), so a command line or a run file maps onto it.
 *
 * @param dataset the search setting ({@code cifar10-valid}, {@code cifar100}, {@code ImageNet16-120},
 *     {@code fashion-mnist})
 * @param trainLimit the first K training images only (0 = all)
 * @param validLimit the first K validation images only (0 = all)
 * @param bnTrack whether the cells' batch norms keep running statistics (official scripts' BN
 *     argument; default false: batch statistics in evaluation too)
 * @param clipArchGradient whether the weight step's gradient clipping also counts alpha's gradient,
 *     as the official {@code clip_grad_norm_(network.parameters(), 5)} does (alpha is among the
 *     network's parameters and holds the architecture step's gradient plus the weight step's)
 * @param evaluateEachEpoch whether every epoch ends with a pass over the validation set with the
 *     test transform (the official DARTS scripts' {@code valid_func}; GDAS has none)
 */
public record SearchSettings(Dataset dataset, Path dataDir, Path splitDir, boolean verifyData, int epochs,
    int channels, int cells, int batchSize, int trainLimit, int validLimit, boolean bnTrack, int seed, int threads,
    TrainConfig.Device device, boolean channelsLast, double lr, double lrMin, double momentum, boolean nesterov,
    double weightDecay, double gradClip, boolean clipArchGradient, double archLr, double archBeta1,
    double archBeta2, double archEps, double archWeightDecay, boolean evaluateEachEpoch) {

  /** The supernet's macro shape. */
  public NetworkShape shape() {
    return new NetworkShape(channels, cells, dataset.channels(), dataset.imageSize(), dataset.imageSize(),
        dataset.numClasses());
  }

  /** The weight learning rate of epoch {@code epoch}: cosine from {@link #lr} to {@link #lrMin}. */
  public double lrOf(int epoch) {
    return new CosineAnnealing(lr, lrMin, epochs, epochs).lr(epoch);
  }

  /** Every setting with its key, in a stable order (paths as given). */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", dataset.key());
    m.put("data_dir", dataDir.toString());
    if (splitDir != null) {
      m.put("split_dir", splitDir.toString());
    }
    m.put("verify_data", verifyData);
    m.put("epochs", epochs);
    m.put("C", channels);
    m.put("N", cells);
    m.put("batch_size", batchSize);
    m.put("train_limit", trainLimit);
    m.put("valid_limit", validLimit);
    m.put("bn_track", bnTrack ? 1 : 0);
    m.put("seed", seed);
    m.put("threads", threads);
    m.put("device", device.toString());
    m.put("memory_format", channelsLast ? "channels_last" : "contiguous");
    m.put("lr", lr);
    m.put("lr_min", lrMin);
    m.put("momentum", momentum);
    m.put("nesterov", nesterov);
    m.put("weight_decay", weightDecay);
    m.put("grad_clip", gradClip);
    m.put("clip_arch_gradient", clipArchGradient);
    m.put("arch_lr", archLr);
    m.put("arch_beta1", archBeta1);
    m.put("arch_beta2", archBeta2);
    m.put("arch_eps", archEps);
    m.put("arch_weight_decay", archWeightDecay);
    m.put("evaluate_each_epoch", evaluateEachEpoch);
    return m;
  }

  /**
   * The shared builder of every method's options (DJL's {@code OptimizerBuilder} pattern); a
   * method's builder sets its official defaults and builds its options record.
   */
  public abstract static class Builder<B extends Builder<B>> {
    private Dataset dataset;
    private Path dataDir;
    private Path splitDir;
    private boolean verifyData = true;
    private int epochs;
    private int channels = NetworkShape.BENCH_CHANNELS;
    private int cells = NetworkShape.BENCH_CELLS;
    private int batchSize = 64;
    private int trainLimit;
    private int validLimit;
    private boolean bnTrack;
    private int seed = 1;
    private int threads;
    private TrainConfig.Device device = TrainConfig.Device.CPU;
    private boolean channelsLast = true;
    private double lr = 0.025;
    private double lrMin = 0.001;
    private double momentum = 0.9;
    private boolean nesterov = true;
    private double weightDecay = 5e-4;
    private double gradClip = 5;
    private boolean clipArchGradient = true;
    private double archLr = 3e-4;
    private double archBeta1 = 0.5;
    private double archBeta2 = 0.999;
    private double archEps = 1e-8;
    private double archWeightDecay = 1e-3;
    private boolean evaluateEachEpoch;

    /** A builder with the method's official epoch count and evaluation habit. */
    protected Builder(int epochs, boolean evaluateEachEpoch) {
      this.epochs = epochs;
      this.evaluateEachEpoch = evaluateEachEpoch;
    }

    /** This builder. */
    protected abstract B self();

    /** The method's options. */
    public abstract MethodOptions build();

    public B setDataset(Dataset dataset) {
      this.dataset = dataset;
      return self();
    }

    public B setDataDir(Path dataDir) {
      this.dataDir = dataDir;
      return self();
    }

    /** Directory with the official split files (default: the data directory, then its splits/). */
    public B optSplitDir(Path splitDir) {
      this.splitDir = splitDir;
      return self();
    }

    /** Whether to check known MD5s of the data files (default true). */
    public B optVerifyData(boolean verify) {
      this.verifyData = verify;
      return self();
    }

    public B optEpochs(int epochs) {
      this.epochs = epochs;
      return self();
    }

    /** Stem width C and cells per stage N (default 16, 5). */
    public B optShape(int channels, int cells) {
      this.channels = channels;
      this.cells = cells;
      return self();
    }

    /** Images per batch, for training, validation pairing and evaluation (default 64). */
    public B optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return self();
    }

    /** The first {@code k} training images only (0 = all). */
    public B optTrainLimit(int k) {
      this.trainLimit = k;
      return self();
    }

    /** The first {@code k} validation images only (0 = all). */
    public B optValidLimit(int k) {
      this.validLimit = k;
      return self();
    }

    /** Whether the cells' batch norms keep running statistics (default false). */
    public B optBnTrack(boolean track) {
      this.bnTrack = track;
      return self();
    }

    public B optSeed(int seed) {
      this.seed = seed;
      return self();
    }

    /** Intra-op threads (0 = the engine's setting). */
    public B optThreads(int threads) {
      this.threads = threads;
      return self();
    }

    public B optDevice(TrainConfig.Device device) {
      this.device = device;
      return self();
    }

    /** Channels-last activations (default) or PyTorch's default (N, C, H, W) order. */
    public B optChannelsLast(boolean channelsLast) {
      this.channelsLast = channelsLast;
      return self();
    }

    /** Weight learning rate at the first epoch and the cosine schedule's floor (default 0.025, 0.001). */
    public B optLearningRate(double lr, double lrMin) {
      this.lr = lr;
      this.lrMin = lrMin;
      return self();
    }

    /** Weight optimiser momentum and Nesterov (default 0.9, true). */
    public B optMomentum(double momentum, boolean nesterov) {
      this.momentum = momentum;
      this.nesterov = nesterov;
      return self();
    }

    /** Weight decay of the network weights (default 5e-4). */
    public B optWeightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return self();
    }

    /** Gradient-norm bound of the weight step (default 5; 0 = no clipping). */
    public B optGradClip(double gradClip) {
      this.gradClip = gradClip;
      return self();
    }

    /** Whether clipping counts alpha's gradient too (default true, the official behaviour). */
    public B optClipArchGradient(boolean clipArchGradient) {
      this.clipArchGradient = clipArchGradient;
      return self();
    }

    /** The architecture optimiser: Adam lr, betas, eps and weight decay (default 3e-4, 0.5, 0.999, 1e-8, 1e-3). */
    public B optArchOptimizer(double lr, double beta1, double beta2, double eps, double weightDecay) {
      this.archLr = lr;
      this.archBeta1 = beta1;
      this.archBeta2 = beta2;
      this.archEps = eps;
      this.archWeightDecay = weightDecay;
      return self();
    }

    /** Whether every epoch ends with an evaluation of the validation set. */
    public B optEvaluateEachEpoch(boolean evaluate) {
      this.evaluateEachEpoch = evaluate;
      return self();
    }

    /**
     * Sets the setting named {@code key} (a {@link #describe()} key, or a method's own) from text,
     * as given on a command line or read from a run file.
     *
     * @throws IllegalArgumentException naming the key and what it expects
     */
    public B set(String key, String value) {
      switch (key) {
        case "dataset" -> dataset = Dataset.byKey(value);
        case "data_dir" -> dataDir = Path.of(value);
        case "split_dir" -> splitDir = Path.of(value);
        case "verify_data" -> verifyData = bool(key, value);
        case "epochs" -> epochs = integer(key, value);
        case "C" -> channels = integer(key, value);
        case "N" -> cells = integer(key, value);
        case "batch_size" -> batchSize = integer(key, value);
        case "train_limit" -> trainLimit = integer(key, value);
        case "valid_limit" -> validLimit = integer(key, value);
        case "bn_track" -> bnTrack = bool(key, value);
        case "seed" -> seed = integer(key, value);
        case "threads" -> threads = integer(key, value);
        case "device" -> device = TrainConfig.Device.parse(value);
        case "memory_format" -> channelsLast = switch (value) {
          case "channels_last", "channels-last" -> true;
          case "contiguous" -> false;
          default -> throw new IllegalArgumentException("memory_format: expected channels-last or contiguous, got '"
              + value + "'");
        };
        case "lr" -> lr = number(key, value);
        case "lr_min" -> lrMin = number(key, value);
        case "momentum" -> momentum = number(key, value);
        case "nesterov" -> nesterov = bool(key, value);
        case "weight_decay" -> weightDecay = number(key, value);
        case "grad_clip" -> gradClip = number(key, value);
        case "clip_arch_gradient" -> clipArchGradient = bool(key, value);
        case "arch_lr" -> archLr = number(key, value);
        case "arch_beta1" -> archBeta1 = number(key, value);
        case "arch_beta2" -> archBeta2 = number(key, value);
        case "arch_eps" -> archEps = number(key, value);
        case "arch_weight_decay" -> archWeightDecay = number(key, value);
        case "evaluate_each_epoch" -> evaluateEachEpoch = bool(key, value);
        default -> setOwn(key, value);
      }
      return self();
    }

    /** Sets every entry of {@code settings} (a {@link MethodOptions#describe()} map) except {@code method}. */
    public B setAll(Map<String, ?> settings) {
      for (Map.Entry<String, ?> e : settings.entrySet()) {
        if (!e.getKey().equals("method") && e.getValue() != null) {
          Object v = e.getValue();
          // JSON readers give every number as a double: 50.0 means 50 for integer keys
          String text = v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && integerKey(e.getKey())
              ? Long.toString(d.longValue()) : String.valueOf(v);
          set(e.getKey(), text);
        }
      }
      return self();
    }

    /** Sets a method's own setting; unknown keys are an error. */
    protected void setOwn(String key, String value) {
      throw new IllegalArgumentException("unknown search setting '" + key + "'");
    }

    /** Whether {@code key} holds an integer. */
    protected boolean integerKey(String key) {
      return switch (key) {
        case "epochs", "C", "N", "batch_size", "train_limit", "valid_limit", "bn_track", "seed", "threads" -> true;
        default -> false;
      };
    }

    /** The shared settings, validated. */
    protected SearchSettings buildSettings() {
      if (dataset == null || dataDir == null) {
        throw new IllegalArgumentException("a search needs a dataset and a data directory");
      }
      check(epochs >= 1, "epochs must be >= 1, got " + epochs);
      check(channels >= 1 && cells >= 0, "C must be >= 1 and N >= 0, got C=" + channels + " N=" + cells);
      check(batchSize >= 1, "batch size must be >= 1, got " + batchSize);
      check(trainLimit >= 0 && validLimit >= 0, "limits must be >= 0, got train " + trainLimit + ", valid "
          + validLimit);
      check(threads >= 0, "threads must be >= 0, got " + threads);
      check(lr > 0 && lrMin >= 0 && lrMin <= lr, "learning rates need 0 <= lr_min <= lr and lr > 0, got lr=" + lr
          + " lr_min=" + lrMin);
      check(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
      check(!nesterov || momentum > 0, "Nesterov needs momentum > 0");
      check(weightDecay >= 0 && archWeightDecay >= 0, "weight decays must be >= 0");
      check(gradClip >= 0, "grad_clip must be >= 0 (0 = off), got " + gradClip);
      check(archLr > 0 && archBeta1 >= 0 && archBeta1 < 1 && archBeta2 >= 0 && archBeta2 < 1 && archEps > 0,
          "the architecture optimiser needs arch_lr > 0, betas in [0, 1) and arch_eps > 0");
      SearchSettings s = new SearchSettings(dataset, dataDir, splitDir, verifyData, epochs, channels, cells,
          batchSize, trainLimit, validLimit, bnTrack, seed, threads, device, channelsLast, lr, lrMin, momentum,
          nesterov, weightDecay, gradClip, clipArchGradient, archLr, archBeta1, archBeta2, archEps,
          archWeightDecay, evaluateEachEpoch);
      org.nb201.space.CostModel.cost(org.nb201.space.Arch.ofCode(0), s.shape()); // the input survives two reductions
      return s;
    }

    /** Fails with {@code message} unless {@code ok}. */
    protected static void check(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }

    /** {@code value} as a number, or an error naming {@code key}. */
    protected static double number(String key, String value) {
      try {
        return Double.parseDouble(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + ": expected a number, got '" + value + "'");
      }
    }

    /** {@code value} as an integer, or an error naming {@code key}. */
    protected static int integer(String key, String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + ": expected an integer, got '" + value + "'");
      }
    }

    /** {@code 1}/{@code 0}/{@code true}/{@code false} as a boolean, or an error naming {@code key}. */
    protected static boolean bool(String key, String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "1", "true" -> true;
        case "0", "false" -> false;
        default -> throw new IllegalArgumentException(key + ": expected 0 or 1, got '" + value + "'");
      };
    }
  }
}
