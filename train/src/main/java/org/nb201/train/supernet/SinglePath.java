package org.nb201.train.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.nb201.space.Arch;
import org.nb201.space.Edge;
import org.nb201.space.Op;

/**
 * One given cell: every edge computes only its op of {@code arch}, unweighted (AutoDL-Projects
 * {@code search_cells.py::NAS201SearchCell.forward_dynamic}), so the supernet computes that cell with
 * the shared weights. Alpha is not used.
 */
public record SinglePath(Arch arch) implements EdgeWeighting {
  @Override
  public EdgeWeights weights(NDArray alpha, NDManager scope) {
    Op[][] ops = new Op[Arch.EDGES][];
    NDArray[][] weights = new NDArray[Arch.EDGES][];
    for (int e = 0; e < Arch.EDGES; e++) {
      Op op = arch.op(e);
      ops[e] = op == Op.NONE ? new Op[0] : new Op[] {op};
      weights[e] = new NDArray[ops[e].length];
    }
    return new EdgeWeights(ops, weights, new NDArray[Edge.NODES], null);
  }

  @Override
  public boolean usesAlpha() {
    return false;
  }
}
