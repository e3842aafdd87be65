package org.nb201.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable NAS-Bench-201 cell: one {@link Op} per edge, edges in the canonical order of
 * {@link Edge#ALL}. Internally the cell is its position in the official {@code gen_all} enumeration
 * (a base-5 number, first edge most significant: AutoDL-Projects {@code genotypes.py::Structure.gen_all}; see
 * docs/search-space.md#enumeration), so it is cheap to copy and compare.
 * The official index of a cell is {@link SearchSpace#indexOf(Arch)}.
 */
public final class Arch implements Comparable<Arch> {
  /** Number of edges in a cell. */
  public static final int EDGES = 6;
  /** Number of distinct cells, 5^6. */
  public static final int COUNT = 15_625;

  private static final int[] WEIGHT = {3125, 625, 125, 25, 5, 1};
  private static final Arch[] CACHE = new Arch[COUNT];

  static {
    for (int code = 0; code < COUNT; code++) {
      CACHE[code] = new Arch(code);
    }
  }

  private final int code;

  private Arch(int code) {
    this.code = code;
  }

  /** The cell at this {@code gen_all} position (0 = all {@code none}, 15624 = all {@code avg_pool_3x3}). */
  public static Arch ofCode(int code) {
    if (code < 0 || code >= COUNT) {
      throw new IllegalArgumentException("cell code " + code + " out of range, expected 0..15624");
    }
    return CACHE[code];
  }

  /** The cell with these six ops in canonical edge order. */
  public static Arch of(Op... ops) {
    if (ops.length != EDGES) {
      throw new IllegalArgumentException("a cell has 6 edges, got " + ops.length + " ops");
    }
    int code = 0;
    for (int k = 0; k < EDGES; k++) {
      code += ops[k].ordinal() * WEIGHT[k];
    }
    return CACHE[code];
  }

  /** The cell with the same op on every edge. */
  public static Arch uniform(Op op) {
    Op[] ops = new Op[EDGES];
    Arrays.fill(ops, op);
    return of(ops);
  }

  /** Parses any supported text form; see {@link ArchParser#parse(String)}. */
  public static Arch parse(String text) {
    return ArchParser.parse(text);
  }

  /** Position in the official {@code gen_all} enumeration, before the shuffle. */
  public int code() {
    return code;
  }

  /** The op on edge number {@code edge} (canonical order). */
  public Op op(int edge) {
    return Op.ofIndex(code / WEIGHT[edge] % 5);
  }

  /** The op on edge {@code to <- from}. */
  public Op op(int to, int from) {
    return op(Edge.indexOf(to, from));
  }

  /** The six ops in canonical edge order. */
  public Op[] ops() {
    Op[] ops = new Op[EDGES];
    for (int k = 0; k < EDGES; k++) {
      ops[k] = op(k);
    }
    return ops;
  }

  /** A copy with edge {@code edge} set to {@code op}. */
  public Arch withOp(int edge, Op op) {
    int current = code / WEIGHT[edge] % 5;
    return CACHE[code + (op.ordinal() - current) * WEIGHT[edge]];
  }

  /** How many edges carry {@code op}. */
  public int count(Op op) {
    int n = 0;
    for (int k = 0; k < EDGES; k++) {
      if (op(k) == op) {
        n++;
      }
    }
    return n;
  }

  /**
   * The 24 cells that differ from this one in exactly one edge, ordered by edge, then by op index.
   * These are the moves of a one-edge mutation.
   */
  public List<Arch> neighbours() {
    List<Arch> out = new ArrayList<>(EDGES * 4);
    for (int k = 0; k < EDGES; k++) {
      Op current = op(k);
      for (Op op : Op.values()) {
        if (op != current) {
          out.add(withOp(k, op));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Whether the output node is reachable from the input through non-{@code none} edges (the
   * official {@code Structure.check_valid} of AutoDL-Projects {@code xautodl/models/cell_searchs/genotypes.py}):
   * 15,284 of the 15,625 cells are valid (docs/search-space.md#validity).
   */
  public boolean isValid() {
    boolean[] valid = new boolean[Edge.NODES];
    valid[0] = true;
    for (int to = 1; to < Edge.NODES; to++) {
      for (int from = 0; from < to; from++) {
        if (op(to, from) != Op.NONE && valid[from]) {
          valid[to] = true;
        }
      }
    }
    return valid[Edge.NODES - 1];
  }

  /** The isomorphism key of this cell under {@code mode}; see {@link Isomorphism}. */
  public String uniqueString(Isomorphism mode) {
    return mode.key(this);
  }

  /**
   * The official string, e.g. {@code |nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(96);
    for (int to = 1; to < Edge.NODES; to++) {
      if (to > 1) {
        sb.append('+');
      }
      sb.append('|');
      for (int from = 0; from < to; from++) {
        sb.append(op(to, from).officialName()).append('~').append(from).append('|');
      }
    }
    return sb.toString();
  }

  /**
   * The official {@code str2lists} form as Python prints it, e.g.
   * {@code [(('avg_pool_3x3', 0),), (('nor_conv_1x1', 0), ('skip_connect', 1)), ...]}.
   */
  public String toListsString() {
    StringBuilder sb = new StringBuilder(160).append('[');
    for (int to = 1; to < Edge.NODES; to++) {
      if (to > 1) {
        sb.append(", ");
      }
      sb.append('(');
      for (int from = 0; from < to; from++) {
        if (from > 0) {
          sb.append(", ");
        }
        sb.append("('").append(op(to, from).officialName()).append("', ").append(from).append(')');
      }
      if (to == 1) {
        sb.append(',');
      }
      sb.append(')');
    }
    return sb.append(']').toString();
  }

  /**
   * The official {@code str2matrix} form: a 4x4 matrix whose entry {@code [i][j]} is the op index of
   * edge {@code i <- j} (lower triangle only, {@code none} = 0).
   */
  public int[][] toMatrix() {
    int[][] m = new int[Edge.NODES][Edge.NODES];
    for (Edge e : Edge.ALL) {
      m[e.to()][e.from()] = op(e.index()).ordinal();
    }
    return m;
  }

  /** The matrix form printed as nested lists, e.g. {@code [[0,0,0,0],[4,0,0,0],[2,1,0,0],[2,1,1,0]]}. */
  public String toMatrixString() {
    int[][] m = toMatrix();
    StringBuilder sb = new StringBuilder(48).append('[');
    for (int i = 0; i < Edge.NODES; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('[');
      for (int j = 0; j < Edge.NODES; j++) {
        if (j > 0) {
          sb.append(',');
        }
        sb.append(m[i][j]);
      }
      sb.append(']');
    }
    return sb.append(']').toString();
  }

  /** The cell described by a {@code str2matrix} matrix; see {@link ArchParser#fromMatrix(int[][])}. */
  public static Arch fromMatrix(int[][] matrix) {
    return ArchParser.fromMatrix(matrix);
  }

  @Override
  public int compareTo(Arch o) {
    return Integer.compare(code, o.code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Arch a && a.code == code;
  }

  @Override
  public int hashCode() {
    return code;
  }
}
