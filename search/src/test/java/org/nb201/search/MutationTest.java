package org.nb201.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

class MutationTest {
  /** chi-square critical value for 5 degrees of freedom at p = 0.001 */
  private static final double CRITICAL_DF5 = 20.515;

  @Test
  void edgeDistributionMatchesTheOfficialProbabilities() {
    double[] official = {1 / 3.0, 1 / 6.0, 1 / 6.0, 1 / 9.0, 1 / 9.0, 1 / 9.0};
    long[] counts = new long[Arch.EDGES];
    long[][] ops = new long[Arch.EDGES][5];
    Arch parent = SearchSpaceFixture.resnet();
    PyRandom rng = new PyRandom(2024);
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      Arch child = Mutation.mutate(parent, rng);
      int changed = -1;
      for (int e = 0; e < Arch.EDGES; e++) {
        if (child.op(e) != parent.op(e)) {
          assertThat(changed).as("exactly one edge changes").isEqualTo(-1);
          changed = e;
        }
      }
      assertThat(changed).isNotNegative();
      counts[changed]++;
      ops[changed][child.op(changed).ordinal()]++;
    }
    assertThat(chiSquare(counts, official, n)).isLessThan(CRITICAL_DF5);
    // the test has power: a uniform edge choice is rejected by a wide margin
    assertThat(chiSquare(counts, new double[] {1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0}, n))
        .isGreaterThan(100 * CRITICAL_DF5);
    // the new op is uniform over the four other ops and never the old one
    for (int e = 0; e < Arch.EDGES; e++) {
      assertThat(ops[e][parent.op(e).ordinal()]).isZero();
      for (Op op : Op.values()) {
        if (op != parent.op(e)) {
          assertThat((double) ops[e][op.ordinal()] / counts[e]).isCloseTo(0.25, Offset.offset(0.02));
        }
      }
    }
  }

  private static double chiSquare(long[] observed, double[] p, int n) {
    double chi = 0;
    for (int k = 0; k < observed.length; k++) {
      double expected = p[k] * n;
      chi += (observed[k] - expected) * (observed[k] - expected) / expected;
    }
    return chi;
  }

  /** Fixed cells for tests. */
  static final class SearchSpaceFixture {
    static Arch resnet() {
      return SearchSpace.official().arch(11472);
    }
  }
}
