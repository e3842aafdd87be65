package org.nb201.space;

import java.util.List;

/**
 * One edge {@code to <- from} of the cell DAG. {@link #ALL} lists the six edges in the canonical
 * order {@code 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2} (AutoDL-Projects {@code genotypes.py::Structure.tostr}; see
 * docs/search-space.md#cells-and-edges), which is the order of ops in an
 * {@link Arch} and of the items in an architecture string.
 */
public record Edge(int to, int from) {
  /** The six edges in canonical order; {@code ALL.get(k)} is edge number k. */
  public static final List<Edge> ALL =
      List.of(new Edge(1, 0), new Edge(2, 0), new Edge(2, 1), new Edge(3, 0), new Edge(3, 1), new Edge(3, 2));

  /** Number of nodes in a cell (node 0 is the input, node 3 the output). */
  public static final int NODES = 4;

  public Edge {
    if (from < 0 || to >= NODES || from >= to) {
      throw new IllegalArgumentException("no edge " + to + "<-" + from + " in a 4-node cell");
    }
  }

  /** Position of edge {@code to <- from} in the canonical order. */
  public static int indexOf(int to, int from) {
    return to * (to - 1) / 2 + from;
  }

  /** Position of this edge in the canonical order. */
  public int index() {
    return indexOf(to, from);
  }

  @Override
  public String toString() {
    return to + "<-" + from;
  }
}
