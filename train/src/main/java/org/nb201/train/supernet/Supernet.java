package org.nb201.train.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.nb201.space.Arch;
import org.nb201.space.NetworkShape;
import org.nb201.space.Op;
import org.nb201.train.NdScope;
import org.nb201.train.model.CellNorm;
import org.nb201.train.model.MacroNetwork;

/**
 * The NAS-Bench-201 weight-sharing supernet (AutoDL-Projects
 * {@code xautodl/models/cell_searchs/search_model_darts.py} and {@code search_model_gdas.py}): the
 * benchmark's macro skeleton (stem, reduction blocks and last BN as in the benchmark network,
 * affine with running statistics) with a {@link SearchCell} in every cell position, and one
 * architecture tensor alpha (6 edges x 5 ops, op order of {@link Op}) shared by all cells,
 * initialised {@code 1e-3 * N(0, 1)}. Inside the cells batch norms are not affine and convolutions
 * have a bias (the official {@code bias = not affine}); {@code trackRunningStats} false (the
 * official scripts' BN=0, which the benchmark's authors found much better, AutoDL-Projects issue
 * #70) normalises with batch statistics in evaluation too. A pass is weighed by an
 * {@link EdgeWeighting}: {@link #forward(ParameterStore, NDArray, boolean, EdgeWeighting)}.
 */
public final class Supernet extends MacroNetwork {
  /** Shape of alpha. */
  public static final Shape ALPHA_SHAPE = new Shape(Arch.EDGES, Op.values().length);

  private final boolean trackRunningStats;
  private NDArray alpha;
  private EdgeWeights pass;

  /** A supernet of macro shape {@code shape}; {@code channelsLast} inputs; the cells' BN statistics switch. */
  public Supernet(NetworkShape shape, boolean channelsLast, boolean trackRunningStats) {
    this(shape, channelsLast, CellNorm.search(trackRunningStats));
  }

  /** A supernet whose cells' conv ops normalise as {@code norm} (BN-NAS: affine, {@code train.proxy.BnNas}). */
  public Supernet(NetworkShape shape, boolean channelsLast, CellNorm norm) {
    super(shape, channelsLast, (stage, index, channels) -> new SearchCell(channels, channelsLast, norm));
    this.trackRunningStats = norm.trackRunningStats();
  }

  /** Whether the cells' norms keep running statistics for evaluation. */
  public boolean trackRunningStats() {
    return trackRunningStats;
  }

  /** Allocates and initialises all weights and alpha in {@code manager} (float32). */
  @Override
  public void initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32);
  }

  /** As {@link #initialize(NDManager)} in {@code type} (float64 for exact gradient checks). */
  public void initialize(NDManager manager, DataType type) {
    initialize(manager, type, inputShape(1));
    alpha = manager.randomNormal(0f, 1e-3f, ALPHA_SHAPE, type);
    alpha.setRequiresGradient(true);
  }

  /** The architecture parameters (6 x 5, requires gradients). */
  public NDArray alpha() {
    return alpha;
  }

  /** The logits of {@code x} with the ops weighed by {@code weighting}. */
  public NDArray forward(ParameterStore ps, NDArray x, boolean training, EdgeWeighting weighting) {
    pass = weighting.weights(alpha, x.getManager());
    try {
      return forward(ps, new NDList(x), training).head();
    } finally {
      pass = null;
    }
  }

  @Override
  protected NDList forwardBlock(Block block, ParameterStore ps, NDList x, boolean training) {
    if (block instanceof SearchCell cell) {
      if (pass == null) {
        throw new IllegalStateException("a supernet pass needs an edge weighting: call forward(ps, x, training, w)");
      }
      return new NDList(cell.forward(ps, x.head(), training, pass));
    }
    return super.forwardBlock(block, ps, x, training);
  }

  /** The search cells, stage by stage. */
  public List<SearchCell> cells() {
    List<SearchCell> cells = new ArrayList<>();
    for (Block b : body()) {
      if (b instanceof SearchCell c) {
        cells.add(c);
      }
    }
    return cells;
  }

  /** The network weights (every parameter that requires a gradient; alpha is not among them), in parameter order. */
  public List<NDArray> weights() {
    List<NDArray> w = new ArrayList<>();
    for (Parameter p : getParameters().values()) {
      if (p.requiresGradient()) {
        w.add(p.getArray());
      }
    }
    return w;
  }

  /** The batch norms' running means and variances (not trained; updated by training-mode passes). */
  public List<NDArray> runningStatistics() {
    List<NDArray> stats = new ArrayList<>();
    for (Parameter p : getParameters().values()) {
      if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
        stats.add(p.getArray());
      }
    }
    return stats;
  }

  /** The per-edge argmax of alpha, {@code none} allowed (the official {@code genotype()}; ties take the first op). */
  public Arch genotype() {
    float[] a;
    try (NDManager s = alpha.getManager().newSubManager()) {
      a = NdScope.own(s, alpha.toType(DataType.FLOAT32, true)).toFloatArray();
    }
    int ops = Op.values().length;
    Op[] best = new Op[Arch.EDGES];
    for (int e = 0; e < Arch.EDGES; e++) {
      int k = 0;
      for (int j = 1; j < ops; j++) {
        if (a[e * ops + j] > a[e * ops + k]) {
          k = j;
        }
      }
      best[e] = Op.ofIndex(k);
    }
    return Arch.of(best);
  }

  /** {@code softmax(alpha)} per edge, as the official runs log it each epoch. */
  public double[][] alphaSoftmax() {
    try (NDManager s = alpha.getManager().newSubManager()) {
      float[] p = NdScope.own(s, alpha.softmax(1)).toType(DataType.FLOAT32, false).toFloatArray();
      int ops = Op.values().length;
      double[][] out = new double[Arch.EDGES][ops];
      for (int i = 0; i < p.length; i++) {
        out[i / ops][i % ops] = p[i];
      }
      return out;
    }
  }
}
