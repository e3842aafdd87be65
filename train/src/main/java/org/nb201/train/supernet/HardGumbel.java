package org.nb201.train.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.random.RandomGenerator;
import org.nb201.space.Arch;
import org.nb201.space.Edge;
import org.nb201.space.Op;
import org.nb201.train.NdScope;

/**
 * GDAS's differentiable sampling (Dong and Yang, CVPR 2019; AutoDL-Projects
 * {@code xautodl/models/cell_searchs/search_model_gdas.py::TinyNetworkGDAS.forward} and
 * {@code search_cells.py::NAS201SearchCell.forward_gdas}). Each pass draws Gumbel noise g, computes
 * {@code p = softmax((log_softmax(alpha) + g) / tau)} per edge, picks {@code k = argmax p} and uses
 * {@code h = one_hot(k) - p.detach() + p}: one-hot in value, the softmax's gradient in backward.
 * Only the picked op is computed (as {@code h_k * op_k(x)}), but, as in the official code, every
 * other op's weight {@code h_j} (exactly 0 in value) is still added to the edge's sum, so every op
 * of an edge gets a gradient. A draw with an infinite or NaN noise or probability is redrawn (the
 * official loop). One sample serves every cell of the pass; a new pass draws anew. Noise comes
 * from {@code rng} (so checkpoints can hold its state), not from the engine.
 */
public final class HardGumbel implements EdgeWeighting {
  private static final Shape SHAPE = new Shape(Arch.EDGES, Op.values().length);

  private final double tau;
  private final RandomGenerator rng;

  /** Samples at temperature {@code tau} with noise from {@code rng}. */
  public HardGumbel(double tau, RandomGenerator rng) {
    if (!(tau > 0)) {
      throw new IllegalArgumentException("Gumbel temperature must be > 0, got " + tau);
    }
    this.tau = tau;
    this.rng = rng;
  }

  public double tau() {
    return tau;
  }

  @Override
  public EdgeWeights weights(NDArray alpha, NDManager scope) {
    int ops = Op.values().length;
    DataType type = alpha.getDataType();
    while (true) {
      float[] g = new float[Arch.EDGES * ops];
      boolean finite = true;
      for (int i = 0; i < g.length; i++) {
        double exponential = -Math.log1p(-rng.nextDouble()); // torch's exponential_(), lambda 1
        g[i] = (float) -Math.log(exponential);
        finite &= Float.isFinite(g[i]);
      }
      if (!finite) {
        continue;
      }
      NDArray gumbel = NdScope.own(scope, scope.create(g, SHAPE).toType(type, false));
      NDArray logits = NdScope.own(scope, alpha.logSoftmax(1)).add(gumbel).div(NdScope.scalar(scope, tau, type));
      NDArray probs = logits.softmax(1);
      float[] p = probs.toType(DataType.FLOAT32, false).toFloatArray();
      int[] pick = new int[Arch.EDGES];
      for (int e = 0; e < Arch.EDGES && finite; e++) {
        for (int k = 0; k < ops; k++) {
          float v = p[e * ops + k];
          finite &= Float.isFinite(v);
          if (v > p[e * ops + pick[e]]) {
            pick[e] = k;
          }
        }
      }
      if (!finite) {
        continue;
      }
      return weights(probs, pick, scope, type);
    }
  }

  private static EdgeWeights weights(NDArray probs, int[] pick, NDManager scope, DataType type) {
    int ops = Op.values().length;
    float[] oneHot = new float[Arch.EDGES * ops];
    float[][] others = new float[Edge.NODES][Arch.EDGES * ops]; // per node: the not-picked ops of its edges
    for (Edge e : Edge.ALL) {
      oneHot[e.index() * ops + pick[e.index()]] = 1;
      for (int k = 0; k < ops; k++) {
        others[e.to()][e.index() * ops + k] = k == pick[e.index()] ? 0 : 1;
      }
    }
    NDArray hot = scope.create(oneHot, SHAPE).toType(type, false);
    NDArray hard = hot.sub(probs.stopGradient()).add(probs);
    Op[][] computed = new Op[Arch.EDGES][];
    NDArray[][] weights = new NDArray[Arch.EDGES][];
    for (int e = 0; e < Arch.EDGES; e++) {
      Op op = Op.ofIndex(pick[e]);
      // a picked 'none' is (x * 0) * h_k officially: zero in value and in h_k's gradient
      computed[e] = op == Op.NONE ? new Op[0] : new Op[] {op};
      weights[e] = op == Op.NONE ? new NDArray[0] : new NDArray[] {hard.get(e, pick[e])};
    }
    NDArray[] terms = new NDArray[Edge.NODES];
    for (int node = 1; node < Edge.NODES; node++) {
      NDArray mask = scope.create(others[node], SHAPE).toType(type, false);
      terms[node] = hard.mul(mask).sum(); // exactly 0 in value
    }
    return new EdgeWeights(computed, weights, terms, hard);
  }

  @Override
  public String toString() {
    return "hard Gumbel (tau " + tau + ")";
  }
}
