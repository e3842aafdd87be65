package org.nb201.train.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.nb201.space.Arch;
import org.nb201.space.Edge;
import org.nb201.space.Op;
import org.nb201.train.NdScope;

/**
 * DARTS's continuous relaxation (Liu et al., ICLR 2019; AutoDL-Projects
 * {@code xautodl/models/cell_searchs/search_cells.py::NAS201SearchCell.forward}): every edge outputs
 * {@code sum_k softmax(alpha[e])_k * op_k(x)}. The official {@code none} term is {@code (x * 0) * w}:
 * zero in value and in its weight's gradient, so it is left out of the sum (its weight still takes
 * part in the softmax, so alpha's {@code none} entry gets the gradient the softmax gives it).
 */
public final class SoftmaxMixture implements EdgeWeighting {
  /** The mixture (stateless). */
  public static final SoftmaxMixture INSTANCE = new SoftmaxMixture();

  private static final Op[] COMPUTED = {Op.SKIP_CONNECT, Op.NOR_CONV_1X1, Op.NOR_CONV_3X3, Op.AVG_POOL_3X3};

  private SoftmaxMixture() {}

  @Override
  public EdgeWeights weights(NDArray alpha, NDManager scope) {
    NDArray w = NdScope.own(scope, alpha.softmax(1));
    Op[][] ops = new Op[Arch.EDGES][];
    NDArray[][] weights = new NDArray[Arch.EDGES][];
    for (int e = 0; e < Arch.EDGES; e++) {
      ops[e] = COMPUTED.clone();
      weights[e] = new NDArray[COMPUTED.length];
      for (int k = 0; k < COMPUTED.length; k++) {
        weights[e][k] = w.get(e, COMPUTED[k].ordinal());
      }
    }
    return new EdgeWeights(ops, weights, new NDArray[Edge.NODES], w);
  }

  @Override
  public String toString() {
    return "softmax mixture";
  }
}
