package org.nb201.train.proxy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nb201.space.Arch;
import org.nb201.space.NetworkShape;
import org.nb201.space.Op;
import org.nb201.train.Batch;
import org.nb201.train.CrossEntropy;
import org.nb201.train.Gradients;
import org.nb201.train.NesterovSgd;
import org.nb201.train.data.SearchData;
import org.nb201.train.model.CellNorm;
import org.nb201.train.model.ReLUConvBN;
import org.nb201.train.search.CosineAnnealing;
import org.nb201.train.search.SearchLoader;
import org.nb201.train.supernet.SearchCell;
import org.nb201.train.supernet.SinglePath;
import org.nb201.train.supernet.Supernet;

/**
 * The BN-NAS indicator (Chen et al., "BN-NAS: Neural Architecture Search with Batch Normalization",
 * ICCV 2021, Sections 3.2-3.3): a supernet whose conv ops have affine batch norms is trained with
 * only its batch-norm parameters learning (every conv and linear weight frozen at its PyTorch-default
 * initialisation), one uniformly sampled path per step (SPOS's single-path uniform sampling, each
 * of the 15,625 cells equally likely); the indicator of a cell is then the sum over all cells of
 * the network and their six edges of the mean |gamma| of the chosen op's last batch norm, ops
 * without one ({@code none}, {@code skip_connect}, {@code avg_pool_3x3}) scoring 0 as the paper's
 * identity op. In NAS-Bench-201 an op's only (so last) batch norm is that of its ReLU-conv-BN.
 *
 * <p>Choices where the paper leaves one, for this space: the supernet is nb201's ({@link Supernet},
 * the macro skeleton of the benchmark network) with {@code CellNorm(affine = true,
 * trackRunningStats = false)} in the cells (batch statistics, the official search setting BN=0);
 * the trained parameters are every batch norm's gamma and beta (cells, stem, reduction blocks, last
 * BN), the classifier stays frozen too; the data are the search loader's training images
 * ({@link SearchLoader}, the official augmentation); the optimiser is the NAS-Bench-201 searches'
 * SGD (Nesterov, momentum 0.9, weight decay 5e-4 on the trained parameters, cosine from 0.025 to
 * 0.001 over the epochs, batch 64). The seed fixes the initial weights (engine seed), the epoch
 * orders, the augmentation and the sampled paths.
 */
public final class BnNas implements AutoCloseable {
  /** How the BN-only supernet is trained. */
  public record Settings(int epochs, int images, int batchSize, double lr, double lrMin, double momentum,
      double weightDecay, int seed) {
    public Settings {
      if (epochs < 1 || images < 0 || batchSize < 1 || !(lr > 0) || lrMin < 0 || seed < 0) {
        throw new IllegalArgumentException("bad BN-NAS settings: epochs " + epochs + ", images " + images
            + ", batch " + batchSize + ", lr " + lr + ", seed " + seed + "; expected epochs >= 1, images >= 0"
            + " (0 = all), batch >= 1, lr > 0, seed >= 0");
      }
    }

    /** The defaults above with {@code epochs} epochs over at most {@code images} training images (0 = all). */
    public static Settings of(int epochs, int images, int seed) {
      return new Settings(epochs, images, 64, 0.025, 0.001, 0.9, 5e-4, seed);
    }

    /** The settings with stable snake_case keys (provenance). */
    public Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bn_nas_epochs", epochs);
      m.put("bn_nas_images", images);
      m.put("bn_nas_batch_size", batchSize);
      m.put("bn_nas_lr", lr);
      m.put("bn_nas_lr_min", lrMin);
      return m;
    }
  }

  private final Supernet supernet;
  private final NDManager manager;
  private final Settings settings;
  private final double[][][] meanGamma; // [cell][edge][op]
  private final long images;
  private final double seconds;
  private final double lastLoss;

  private BnNas(Supernet supernet, NDManager manager, Settings settings, long images, double seconds,
      double lastLoss) {
    this.supernet = supernet;
    this.manager = manager;
    this.settings = settings;
    this.images = images;
    this.seconds = seconds;
    this.lastLoss = lastLoss;
    List<SearchCell> cells = supernet.cells();
    meanGamma = new double[cells.size()][Arch.EDGES][Op.values().length];
    for (int c = 0; c < cells.size(); c++) {
      for (int e = 0; e < Arch.EDGES; e++) {
        for (Op op : List.of(Op.NOR_CONV_1X1, Op.NOR_CONV_3X3)) {
          meanGamma[c][e][op.ordinal()] = meanAbs(gamma(cells.get(c).conv(e, op)));
        }
      }
    }
  }

  /**
   * Builds the supernet of {@code shape} in a sub-manager of {@code root} (seeded with the settings'
   * seed) and trains its batch norms on {@code data}'s training images.
   */
  public static BnNas train(SearchData data, NetworkShape shape, boolean channelsLast, Settings s, Engine engine,
      NDManager root) {
    long t0 = System.nanoTime();
    SearchData d = s.images() > 0 ? data.limit(s.images(), 0) : data;
    NDManager m = root.newSubManager();
    try {
      engine.setRandomSeed(s.seed());
      Supernet net = new Supernet(shape, channelsLast, new CellNorm(true, false));
      net.initialize(m);
      net.alpha().setRequiresGradient(false);
      List<Parameter> bn = new ArrayList<>();
      for (Parameter p : net.getParameters().values()) {
        boolean trained = isBatchNorm(p);
        if (p.requiresGradient()) {
          p.getArray().setRequiresGradient(trained);
        }
        if (trained) {
          bn.add(p);
        }
      }
      List<NDArray> trainedArrays = bn.stream().map(Parameter::getArray).toList();
      SearchLoader loader = new SearchLoader(d, Math.min(s.batchSize(), d.train().size()), channelsLast);
      SplittableRandom rng = new SplittableRandom(s.seed());
      CosineAnnealing lr = new CosineAnnealing(s.lr(), s.lrMin(), s.epochs(), s.epochs());
      ParameterStore ps = new ParameterStore(m, false);
      long seen = 0;
      double loss = Double.NaN;
      try (NesterovSgd sgd = new NesterovSgd(bn, m, s.momentum(), s.weightDecay(), true)) {
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
          int[] order = loader.epochOrder(rng);
          for (int b = 0; b < loader.batches(); b++) {
            Arch path = uniform(rng);
            Gradients.zero(trainedArrays);
            try (NDManager step = m.newSubManager()) {
              SearchLoader.Pair pair = loader.load(step, order, b, rng);
              loss = step(engine, net, ps, pair.train(), path, step);
              seen += pair.train().size();
            }
            sgd.step(lr.lr(epoch));
          }
        }
      }
      return new BnNas(net, m, s, seen, (System.nanoTime() - t0) / 1e9, loss);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  private static double step(Engine engine, Supernet net, ParameterStore ps, Batch batch, Arch path,
      NDManager scope) {
    try (GradientCollector gc = engine.newGradientCollector()) {
      NDArray x = batch.images();
      NDArray y = batch.targets();
      NDArray out = net.forward(ps, x, true, new SinglePath(path));
      NDArray loss = CrossEntropy.loss(out, y);
      gc.backward(loss);
      return loss.toType(DataType.FLOAT32, false).getFloat();
    }
  }

  /** A cell drawn uniformly from the 15,625: each edge's op uniform over the five. */
  static Arch uniform(SplittableRandom rng) {
    Op[] ops = new Op[Arch.EDGES];
    for (int e = 0; e < Arch.EDGES; e++) {
      ops[e] = Op.ofIndex(rng.nextInt(Op.values().length));
    }
    return Arch.of(ops);
  }

  /** Whether {@code p} is a batch norm's scale or shift (the only parameters BN-NAS trains). */
  public static boolean isBatchNorm(Parameter p) {
    return p.getType() == Parameter.Type.GAMMA || p.getType() == Parameter.Type.BETA;
  }

  /** The gamma of a conv op's batch norm. */
  public static NDArray gamma(ReLUConvBN op) {
    for (Parameter p : op.getParameters().values()) {
      if (p.getType() == Parameter.Type.GAMMA) {
        return p.getArray();
      }
    }
    throw new IllegalStateException("the op's batch norm is not affine: BN-NAS needs affine batch norms");
  }

  private static double meanAbs(NDArray a) {
    float[] v = a.toType(DataType.FLOAT32, false).toFloatArray();
    double s = 0;
    for (float x : v) {
      s += Math.abs(x);
    }
    return s / v.length;
  }

  /** The indicator of {@code arch}: sum over cells and edges of the mean |gamma| of the chosen op's BN (0: none). */
  public double indicator(Arch arch) {
    double s = 0;
    for (double[][] cell : meanGamma) {
      for (int e = 0; e < Arch.EDGES; e++) {
        s += cell[e][arch.op(e).ordinal()];
      }
    }
    return s;
  }

  /** The trained supernet (its cells' conv ops have affine batch norms). */
  public Supernet supernet() {
    return supernet;
  }

  public Settings settings() {
    return settings;
  }

  /** Training images processed (epochs x images per epoch). */
  public long images() {
    return images;
  }

  /** Wall seconds of building and training the supernet. */
  public double seconds() {
    return seconds;
  }

  /** The loss of the last training step. */
  public double lastLoss() {
    return lastLoss;
  }

  /** What the training was, for provenance: the settings, images seen and seconds. */
  public Map<String, Object> describe() {
    Map<String, Object> m = settings.describe();
    m.put("bn_nas_images_seen", images);
    m.put("bn_nas_train_seconds", Math.round(seconds * 1000) / 1000.0);
    return m;
  }

  @Override
  public void close() {
    manager.close();
  }
}
