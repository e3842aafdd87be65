package org.nb201.search;

import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.space.PyRandom;

/**
 * The official one-edge mutation (AutoDL-Projects {@code exps/NAS-Bench-201-algos/R_EA.py::mutate_topology_func}; see
 * docs/search-algorithms.md#regularized-evolution): pick a target node
 * uniformly ({@code randint(0, 2)}), then one of its incoming edges uniformly, then a different op by
 * repeated {@code random.choice}. Edge 1&lt;-0 is changed with probability 1/3, each edge into node 2
 * with 1/6, each edge into node 3 with 1/9.
 */
public final class Mutation {
  /** Attempts to land on a covered cell in a partial store before projecting. */
  static final int PARTIAL_ATTEMPTS = 100;

  private Mutation() {}

  /** The official mutation of {@code parent}, ignoring coverage. */
  public static Arch mutate(Arch parent, PyRandom rng) {
    int node = rng.randint(0, 2) + 1;
    int source = rng.randint(0, node - 1);
    int edge = node * (node - 1) / 2 + source;
    Op current = parent.op(edge);
    Op op = Op.ofIndex(rng.randbelow(5));
    while (op == current) {
      op = Op.ofIndex(rng.randbelow(5));
    }
    return parent.withOp(edge, op);
  }

  /**
   * The official mutation on the full space; on a partial store, retried until the child is covered
   * (at most {@link #PARTIAL_ATTEMPTS} times), then moved to the covered cell nearest to the last
   * child other than the parent, so that evolution keeps moving in a sparse store.
   */
  public static Arch mutate(Arch parent, Coverage coverage, PyRandom rng) {
    Arch child = mutate(parent, rng);
    for (int i = 1; i < PARTIAL_ATTEMPTS && !coverage.contains(child); i++) {
      child = mutate(parent, rng);
    }
    return coverage.contains(child) ? child : coverage.nearest(child, parent, rng);
  }
}
