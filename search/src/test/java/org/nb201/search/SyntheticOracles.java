package org.nb201.search;

import java.util.function.IntPredicate;
import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;

/** Oracles with a known optimum for tests: the all-conv3x3 cell (index 1462) is uniquely best. */
final class SyntheticOracles {
  private SyntheticOracles() {}

  static double score(Arch a) {
    return 40 + 9 * a.count(Op.NOR_CONV_3X3) + 3 * a.count(Op.NOR_CONV_1X1) + a.count(Op.SKIP_CONNECT);
  }

  /** Every cell, two seeds with the same signal, a constant cost per evaluation. */
  static TableOracle full(double cost) {
    return covering(i -> true, cost);
  }

  static TableOracle covering(IntPredicate covered, double cost) {
    SearchSpace space = SearchSpace.official();
    double[][] acc = new double[Arch.COUNT][];
    double[][] costs = new double[Arch.COUNT][];
    for (int i = 0; i < Arch.COUNT; i++) {
      if (covered.test(i)) {
        double s = score(space.arch(i));
        acc[i] = new double[] {s, s};
        costs[i] = new double[] {cost, cost};
      }
    }
    return new TableOracle(acc, costs);
  }
}
