package org.nb201.train.proxy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.space.Cost;
import org.nb201.space.CostModel;
import org.nb201.space.NetworkShape;
import org.nb201.train.data.SearchData;
import org.nb201.train.model.ForwardTap;
import org.nb201.train.model.TinyNetwork;

/**
 * Computes the training-free scores ({@link Proxy}) of cells, one cell at a time, on the exact
 * benchmark network at its PyTorch-default initialisation. Before each cell the engine's random
 * seed is set to the config's seed, so a cell's initial weights (and so its scores) are the same
 * in every run; all cells read the same batch ({@link ProxyBatch}). Every proxy starts from the
 * same initial weights (the authors score a fresh copy of the network per measure): no proxy
 * changes a weight, gradients are zeroed in between, and SynFlow, which rebuilds the weights as
 * their absolute values in double precision, runs last. Choices where the authors' code leaves
 * one: the sums run over every conv and linear weight (stem, cell edges, reduction blocks with
 * their shortcut, classifier; never biases or batch norms), as {@code p_utils.get_layer_metric_array}
 * does; batch norm uses batch statistics (train mode, the authors' {@code get_prunable_copy(bn=True)
 * .train()}) for every data proxy and is removed for SynFlow. Not thread-safe: DJL allows one
 * gradient collector per process.
 */
public final class ZeroCost {
  /** Batch norm epsilon of the network as libtorch receives it (DJL passes the float 1e-5f). */
  private static final double BN_EPS = 1e-5f;
  /** jacob_cov's eigenvalue offset ({@code measures/jacob_cov.py::eval_score}, k = 1e-5). */
  private static final double JACOB_K = 1e-5;
  private static final int[] CLASS_AXIS = {1};

  private final ProxyConfig config;
  private final ProxyBatch batch;
  private final Engine engine;
  private final NDManager root;
  private final NetworkShape shape;
  private final SearchData searchData;
  private BnNas bnNas;

  /**
   * A scorer for {@code config}; {@code batch} must hold at least {@link ProxyConfig#maxBatch()}
   * images of the dataset's shape (it may be {@code null} when no proxy reads images).
   */
  public ZeroCost(ProxyConfig config, ProxyBatch batch, Engine engine, NDManager root) {
    this(config, batch, null, engine, root);
  }

  /**
   * As {@link #ZeroCost(ProxyConfig, ProxyBatch, Engine, NDManager)}, with the search data BN-NAS
   * trains its supernet on (required when the config has {@code bn_nas}; trained on first use).
   */
  public ZeroCost(ProxyConfig config, ProxyBatch batch, SearchData searchData, Engine engine, NDManager root) {
    if (config.hasBnNas() && searchData == null) {
      throw new IllegalArgumentException("bn_nas trains a supernet on the training images; none were given");
    }
    this.searchData = searchData;
    this.config = config;
    this.batch = batch;
    this.engine = engine;
    this.root = root;
    this.shape = config.shape();
    int need = config.maxBatch();
    if (need > 0) {
      if (batch == null || batch.size() < need) {
        throw new IllegalArgumentException("the proxies " + config.proxies() + " need a batch of " + need
            + " images; " + (batch == null ? "none was given" : "the batch holds " + batch.size()));
      }
      if (batch.channels() != shape.inputChannels() || batch.height() != shape.height()
          || batch.width() != shape.width()) {
        throw new IllegalArgumentException("batch images are " + batch.channels() + "x" + batch.height() + "x"
            + batch.width() + " but the network takes " + shape.inputChannels() + "x" + shape.height() + "x"
            + shape.width());
      }
    }
  }

  /**
   * The scores of {@code arch}, in the config's proxy order. {@code params} and {@code flops} come
   * from the cost model and build no network; the others share one network, built and initialised
   * once (its time is part of each of their seconds).
   */
  public List<ProxyScore> score(Arch arch) {
    Map<Proxy, ProxyScore> out = new EnumMap<>(Proxy.class);
    List<Proxy> order = new ArrayList<>();
    for (Proxy p : config.proxies()) {
      if (p == Proxy.BN_NAS) {
        BnNas b = bnNas();
        long t = System.nanoTime();
        out.put(p, new ProxyScore(p, config.batchOf(p), b.indicator(arch), (System.nanoTime() - t) / 1e9));
      } else if (p == Proxy.PARAMS || p == Proxy.FLOPS) {
        long t = System.nanoTime();
        Cost c = CostModel.cost(arch, shape);
        double v = p == Proxy.PARAMS ? c.mparams() : c.mflops();
        out.put(p, new ProxyScore(p, 0, v, (System.nanoTime() - t) / 1e9));
      } else if (p != Proxy.SYNFLOW) {
        order.add(p);
      }
    }
    if (config.proxies().contains(Proxy.SYNFLOW)) {
      order.add(Proxy.SYNFLOW); // it rebuilds the weights: last
    }
    if (!order.isEmpty()) {
      long t0 = System.nanoTime();
      engine.setRandomSeed(config.seed());
      try (NDManager cell = root.newSubManager()) {
        TinyNetwork net = new TinyNetwork(arch, shape, config.channelsLast());
        net.initialize(cell);
        double setup = (System.nanoTime() - t0) / 1e9;
        Scorer s = new Scorer(net, cell);
        for (Proxy p : order) {
          long t1 = System.nanoTime();
          double v = s.score(p, config.batchOf(p));
          out.put(p, new ProxyScore(p, config.batchOf(p), v, setup + (System.nanoTime() - t1) / 1e9));
        }
      }
    }
    List<ProxyScore> list = new ArrayList<>();
    for (Proxy p : config.proxies()) {
      list.add(out.get(p));
    }
    return list;
  }

  /** The BN-NAS supernet of this scorer, trained on first use (once). */
  public BnNas bnNas() {
    if (bnNas == null) {
      bnNas = BnNas.train(searchData, shape, config.channelsLast(), config.bnNasSettings(), engine, root);
    }
    return bnNas;
  }

  /** Whether BN-NAS's supernet was trained (and holds memory until {@link #close()}). */
  public boolean hasTrainedBnNas() {
    return bnNas != null;
  }

  /** Frees BN-NAS's supernet (other scores hold nothing between cells). */
  public void close() {
    if (bnNas != null) {
      bnNas.close();
      bnNas = null;
    }
  }

  /** The config's description, with the BN-NAS training (images seen, seconds) once it ran. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>(config.describe());
    if (bnNas != null) {
      m.putAll(bnNas.describe());
    }
    return m;
  }

  /** The scores of one built network. */
  private final class Scorer {
    private final TinyNetwork net;
    private final NDManager cell;
    private final ParameterStore ps;

    Scorer(TinyNetwork net, NDManager cell) {
      this.net = net;
      this.cell = cell;
      this.ps = new ParameterStore(cell, false);
    }

    double score(Proxy p, int n) {
      return switch (p) {
        case PARAMS, FLOPS, BN_NAS -> throw new IllegalStateException(p + " is not scored on the cell's network");
        case L2_NORM -> l2Norm();
        case SYNFLOW -> synflow();
        case NASWOT -> naswot(n);
        case SNIP, GRAD_NORM -> gradientSum(p, n);
        case GRASP -> grasp(n);
        case FISHER -> fisher(n);
        case JACOB_COV -> jacobCov(n);
      };
    }

    /** Conv and linear weights, in network order. */
    private List<NDArray> weights() {
      List<NDArray> out = new ArrayList<>();
      for (Pair<String, Parameter> p : net.getParameters()) {
        if (p.getValue().getType() == Parameter.Type.WEIGHT) {
          out.add(p.getValue().getArray());
        }
      }
      return out;
    }

    private double l2Norm() {
      double sum = 0;
      for (NDArray w : weights()) {
        try (NDArray norm = w.norm()) {
          sum += norm.getFloat();
        }
      }
      return sum;
    }

    /** snip: sum |w * dL/dw|; grad_norm: sum of ||dL/dw||. */
    private double gradientSum(Proxy p, int n) {
      zeroGradients();
      try (NDManager bm = cell.newSubManager()) {
        NDArray x = images(bm, n, false);
        try (GradientCollector gc = engine.newGradientCollector()) {
          gc.backward(loss(bm, net.forward(ps, new NDList(x), true).head(), n));
        }
        double sum = 0;
        for (NDArray w : weights()) {
          try (NDArray g = w.getGradient()) {
            if (p == Proxy.SNIP) {
              try (NDArray wg = w.mul(g); NDArray a = wg.abs(); NDArray s = a.sum()) {
                sum += s.getFloat();
              }
            } else {
              try (NDArray norm = g.norm()) {
                sum += norm.getFloat();
              }
            }
          }
        }
        return sum;
      }
    }

    /**
     * GraSP: g = dL/dw (pass 1, kept as a constant), then pass 2 handed to {@link GraspHvp}, which
     * returns Hg with {@code torch.autograd.grad} as the authors do; the score is sum of -w * Hg.
     */
    private double grasp(int n) {
      zeroGradients();
      List<NDArray> weights = weights();
      try (NDManager bm = cell.newSubManager()) {
        NDArray x = images(bm, n, false);
        List<NDArray> g1 = new ArrayList<>();
        try (GradientCollector gc = engine.newGradientCollector()) {
          gc.backward(loss(bm, net.forward(ps, new NDList(x), true).head(), n));
        }
        for (NDArray w : weights) {
          try (NDArray g = w.getGradient()) {
            NDArray copy = g.duplicate();
            copy.attach(bm);
            g1.add(copy);
          }
        }
        NDList hg;
        try (GradientCollector gc = engine.newGradientCollector()) {
          hg = GraspHvp.apply(loss(bm, net.forward(ps, new NDList(x), true).head(), n), weights, g1);
        }
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
          try (NDArray wh = weights.get(i).mul(hg.get(i)); NDArray s = wh.sum()) {
            sum -= s.getFloat();
          }
        }
        hg.close();
        return sum;
      }
    }

    /** Fisher: probes of ones multiply every conv and linear output; their gradients are sum(act * grad). */
    private double fisher(int n) {
      zeroGradients();
      try (NDManager bm = cell.newSubManager()) {
        NDArray x = images(bm, n, false);
        List<Block> layers = new ArrayList<>();
        List<NDArray> probes = new ArrayList<>();
        net.setTap(new ForwardTap() {
          @Override
          public NDArray layerOutput(Block layer, NDArray y) {
            Shape s = y.getShape();
            Shape ps = s.dimension() == 4 ? new Shape(s.get(0), s.get(1), 1, 1) : s;
            NDArray probe = bm.ones(ps, y.getDataType());
            probe.setRequiresGradient(true);
            layers.add(layer);
            probes.add(probe);
            return y.mul(probe);
          }
        });
        try (GradientCollector gc = engine.newGradientCollector()) {
          gc.backward(loss(bm, net.forward(ps, new NDList(x), true).head(), n));
        } finally {
          net.setTap(ForwardTap.NONE);
        }
        double sum = 0;
        for (int i = 0; i < probes.size(); i++) {
          float[] g;
          try (NDArray grad = probes.get(i).getGradient()) {
            g = grad.toFloatArray();
          }
          int channels = g.length / n;
          Shape w = layers.get(i).getParameters().get("weight").getArray().getShape();
          long fanIn = w.size() / w.get(0);
          for (int k = 0; k < channels; k++) {
            double sq = 0;
            for (int img = 0; img < n; img++) {
              double v = g[img * channels + k];
              sq += v * v;
            }
            sum += Math.abs(0.5 * sq / n) * fanIn;
          }
        }
        return sum;
      }
    }

    /** jacob_cov: the input gradients of the summed logits, their row correlations, an eigenvalue sum. */
    private double jacobCov(int n) {
      zeroGradients();
      try (NDManager bm = cell.newSubManager()) {
        NDArray leaf = imageLeaf(bm, n);
        leaf.setRequiresGradient(true);
        try (GradientCollector gc = engine.newGradientCollector()) {
          // the channels-last view is taken while gradients are recorded, so that they reach the leaf
          NDArray x = config.channelsLast() ? leaf.transpose(0, 3, 1, 2) : leaf;
          gc.backward(net.forward(ps, new NDList(x), true).head().sum());
        }
        float[] j;
        try (NDArray g = leaf.getGradient()) {
          j = g.toFloatArray();
        }
        int d = j.length / n;
        double[] jd = new double[j.length];
        for (int i = 0; i < j.length; i++) {
          jd[i] = j[i];
        }
        // the correlation of two rows does not depend on the order of the pixels (channels-last here)
        double[] corr = Matrices.corrcoef(jd, n, d);
        double score = 0;
        for (double v : Matrices.symmetricEigenvalues(corr, n)) {
          score -= Math.log(v + JACOB_K) + 1 / (v + JACOB_K);
        }
        return score;
      }
    }

    /** NASWOT: the Hamming-agreement kernel of the ReLU codes, summed over every ReLU; log |det|. */
    private double naswot(int n) {
      double[] k = new double[n * n];
      try (NDManager bm = cell.newSubManager()) {
        NDArray x = images(bm, n, true);
        net.setTap(new ForwardTap() {
          @Override
          public void reluInput(NDArray a) {
            addCodes(a, n, k);
          }
        });
        try {
          net.forward(ps, new NDList(x), true).head().close();
        } finally {
          net.setTap(ForwardTap.NONE);
        }
      }
      return Matrices.logAbsDet(k, n);
    }

    /**
     * SynFlow on this network, destructively: every conv and linear weight and bias becomes its
     * absolute value, every batch norm an exact identity (eval mode with mean 0, variance 1 - eps,
     * gamma 1, beta 0: the authors' {@code bn=False} copy has no batch norm), then one all-ones
     * image; score = sum over conv and linear weights of |w * dR/dw| with R = sum of the logits.
     * In double precision, as the authors (the default); on request in float32 with every block's
     * output divided by a power of two near its maximum ({@link SynflowScaling}).
     */
    private double synflow() {
      zeroGradients();
      DataType type = config.synflowDouble() ? DataType.FLOAT64 : DataType.FLOAT32;
      for (Pair<String, Parameter> pair : net.getParameters()) {
        Parameter p = pair.getValue();
        NDArray a = p.getArray();
        NDArray replacement = switch (p.getType()) {
          case GAMMA -> cell.ones(a.getShape(), type);
          case BETA, RUNNING_MEAN -> cell.zeros(a.getShape(), type);
          case RUNNING_VAR -> {
            double[] v = new double[(int) a.getShape().size()];
            Arrays.fill(v, 1 - BN_EPS);
            try (NDArray d = cell.create(v, a.getShape())) {
              yield d.toType(type, true);
            }
          }
          default -> {
            try (NDArray abs = a.abs()) {
              yield abs.toType(type, true);
            }
          }
        };
        p.close();
        p.setInitializer((m, s, t) -> replacement);
        p.initialize(cell, type);
      }
      try (NDManager bm = cell.newSubManager()) {
        NDArray x = bm.ones(net.inputShape(1), type);
        SynflowScaling scaling = config.synflowDouble() ? null : new SynflowScaling(bm);
        net.setTap(scaling == null ? ForwardTap.NONE : scaling);
        try (GradientCollector gc = engine.newGradientCollector()) {
          // a new parameter store: the old one caches the replaced float32 arrays
          gc.backward(net.forward(new ParameterStore(cell, false), new NDList(x), false).head().sum());
        } finally {
          net.setTap(ForwardTap.NONE);
        }
        double sum = 0;
        for (NDArray w : weights()) {
          try (NDArray g = w.getGradient(); NDArray wg = w.mul(g); NDArray a = wg.abs(); NDArray s = a.sum()) {
            sum += s.toType(DataType.FLOAT64, false).getDouble();
          }
        }
        return scaling == null ? sum : Math.scalb(sum, scaling.exponent());
      }
    }

    /** Mean cross-entropy of {@code logits} against the batch's first {@code n} labels. */
    private NDArray loss(NDManager bm, NDArray logits, int n) {
      int classes = shape.numClasses();
      float[] onehot = new float[n * classes];
      int[] labels = batch.labels(n);
      for (int i = 0; i < n; i++) {
        onehot[i * classes + labels[i]] = 1;
      }
      NDArray y = bm.create(onehot, new Shape(n, classes));
      return logits.logSoftmax(1).mul(y).sum(CLASS_AXIS).mean().neg();
    }

    /** The first {@code n} batch images as (N, C, H, W), channels-last in memory when the config says so. */
    private NDArray images(NDManager bm, int n, boolean allowNoise) {
      if (!allowNoise && !batch.labelled()) {
        throw new IllegalStateException("this proxy needs labelled images, the batch is noise");
      }
      NDArray leaf = imageLeaf(bm, n);
      return config.channelsLast() ? leaf.transpose(0, 3, 1, 2) : leaf;
    }

    /** The array the images are created in: (N, H, W, C) for channels-last, else (N, C, H, W). */
    private NDArray imageLeaf(NDManager bm, int n) {
      Shape s = net.inputShape(n);
      float[] data = config.channelsLast() ? batch.imagesChannelsLast(n) : batch.images(n);
      Shape created = config.channelsLast() ? new Shape(n, s.get(2), s.get(3), s.get(1)) : s;
      ByteBuffer buf = ByteBuffer.allocateDirect(data.length * 4).order(ByteOrder.nativeOrder());
      buf.asFloatBuffer().put(data);
      return bm.create(buf, created, DataType.FLOAT32);
    }

    private void zeroGradients() {
      for (Pair<String, Parameter> p : net.getParameters()) {
        NDArray a = p.getValue().getArray();
        if (a.hasGradient()) {
          JniUtils.zeroGrad((PtNDArray) a);
        }
      }
    }
  }

  /** Adds one ReLU's kernel to {@code k}: for images i, j the number of units whose codes (input > 0) agree. */
  static void addCodes(NDArray input, int n, double[] k) {
    float[] agree;
    float[] ones;
    long d;
    try (NDArray pos = input.gt(0); NDArray codes = pos.toType(DataType.FLOAT32, false);
        NDArray flat = codes.reshape(n, -1); NDArray t = flat.transpose(); NDArray both = flat.matMul(t);
        NDArray rows = flat.sum(new int[] {1})) {
      d = flat.getShape().get(1);
      agree = both.toFloatArray();
      ones = rows.toFloatArray();
    }
    // c c^T + (1 - c)(1 - c)^T = d - s_i - s_j + 2 (c c^T), with s the number of ones per image
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        k[i * n + j] += d - ones[i] - ones[j] + 2.0 * agree[i * n + j];
      }
    }
  }
}
