package org.nb201.train.supernet;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import org.nb201.space.Arch;
import org.nb201.space.Edge;
import org.nb201.space.Op;

/**
 * The op weights of one forward pass, shared by every cell of the supernet: for each edge the ops
 * to compute (in op order) with the 0-d weight each output is multiplied by ({@code null}:
 * unweighted), and for each node a 0-d term added to its sum ({@code null}: none). A node whose
 * edges compute nothing is a zero map. Made by an {@link EdgeWeighting}; the arrays belong to the
 * pass's memory scope.
 */
public final class EdgeWeights {
  private final Op[][] ops;
  private final NDArray[][] weights;
  private final NDArray[] nodeTerms;
  private final NDArray matrix;

  /**
   * Weights with {@code ops[e]} computed on edge {@code e}, scaled by {@code weights[e]} (parallel,
   * entries may be null), {@code nodeTerms[i]} added to node i (index 0 unused, may be null) and the
   * (6, 5) weight matrix of the pass ({@code null} when there is none).
   */
  public EdgeWeights(Op[][] ops, NDArray[][] weights, NDArray[] nodeTerms, NDArray matrix) {
    if (ops.length != Arch.EDGES || weights.length != Arch.EDGES || nodeTerms.length != Edge.NODES) {
      throw new IllegalArgumentException("edge weights need 6 edges and 4 nodes");
    }
    for (int e = 0; e < Arch.EDGES; e++) {
      if (ops[e].length != weights[e].length) {
        throw new IllegalArgumentException("edge " + Edge.ALL.get(e) + ": " + ops[e].length + " ops, "
            + weights[e].length + " weights");
      }
      if (Arrays.asList(ops[e]).contains(Op.NONE)) {
        throw new IllegalArgumentException("'none' is never computed: leave it out of edge " + Edge.ALL.get(e));
      }
    }
    this.ops = ops;
    this.weights = weights;
    this.nodeTerms = nodeTerms;
    this.matrix = matrix;
  }

  /** The ops computed on edge {@code edge} (canonical order). */
  Op[] ops(int edge) {
    return ops[edge];
  }

  /** The weights of {@link #ops(int)}, entries null when unweighted. */
  NDArray[] weights(int edge) {
    return weights[edge];
  }

  /** The 0-d term added to node {@code node}, or null. */
  NDArray nodeTerm(int node) {
    return nodeTerms[node];
  }

  /** The (6, 5) op weights of this pass, or null for an unweighted path. */
  public NDArray matrix() {
    return matrix;
  }
}
