package org.nb201.space;

import java.util.Arrays;

/**
 * The three isomorphism modes of the official {@code Structure.to_unique_str(consider_zero)}
 * (AutoDL-Projects {@code xautodl/models/cell_searchs/genotypes.py}; see docs/search-space.md#isomorphism).
 * Two cells are in one class when their keys are equal.
 *
 * <p>The official quirk is reproduced on purpose: a {@code none} edge, or an edge from a node whose
 * label is exactly {@code "#"}, becomes {@code "#"}; but a node 2 or 3 whose inputs are all zero is
 * labelled {@code "#+#"} / {@code "#+#+#"}, not {@code "#"}, so it is not treated as zero
 * downstream. "Fixing" this changes the official count of 6,466 classes.
 */
public enum Isomorphism {
  /** {@code consider_zero=None}: every cell is its own class (15,625 classes). */
  NONE(Arch.COUNT),
  /** {@code consider_zero=False}: skip connections collapse, zeros do not (12,751 classes). */
  IGNORE_ZERO(12_751),
  /** {@code consider_zero=True}: the official key used by {@code get_unique_str} (6,466 classes). */
  OFFICIAL(6_466);

  private final int classCount;

  Isomorphism(int classCount) {
    this.classCount = classCount;
  }

  /**
   * The number of classes of the whole space under this mode (docs/search-space.md#isomorphism; 6,466 is
   * asserted in NATS-Bench {@code tests/api_test.py::test_12_th_issue}).
   */
  public int classCount() {
    return classCount;
  }

  /** The canonical expression of {@code arch} under this mode. */
  public String key(Arch arch) {
    String[] label = new String[Edge.NODES];
    label[0] = "0";
    for (int to = 1; to < Edge.NODES; to++) {
      String[] terms = new String[to];
      for (int from = 0; from < to; from++) {
        terms[from] = term(arch.op(to, from), label[from]);
      }
      Arrays.sort(terms);
      label[to] = String.join("+", terms);
    }
    return label[Edge.NODES - 1];
  }

  private String term(Op op, String source) {
    switch (this) {
      case NONE:
        return "(" + source + ")@" + op.officialName();
      case IGNORE_ZERO:
        return op == Op.SKIP_CONNECT ? source : "(" + source + ")@" + op.officialName();
      default:
        if (op == Op.NONE || source.equals("#")) {
          return "#";
        }
        return op == Op.SKIP_CONNECT ? source : "(" + source + ")@" + op.officialName();
    }
  }
}
