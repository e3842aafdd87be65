package org.nb201.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/** The oracle's seed choice consumes the run's stream exactly as CPython's {@code random.choice(seeds)}. */
class TableOracleTest {
  private static TableOracle oracle(int index, double[] accuracy, double[] cost) {
    double[][] acc = new double[Arch.COUNT][];
    double[][] costs = new double[Arch.COUNT][];
    acc[index] = accuracy;
    costs[index] = cost;
    return new TableOracle(acc, costs);
  }

  @Test
  void aSingleSeedStillDrawsLikeRandomChoice() {
    Arch a = SearchSpace.official().arch(7);
    TableOracle o = oracle(7, new double[] {91.5}, new double[] {100});
    for (long seed = 0; seed < 50; seed++) {
      PyRandom run = new PyRandom(seed);
      PyRandom python = new PyRandom(seed);
      assertThat(o.evaluate(a, run).accuracy()).isEqualTo(91.5);
      python.randbelow(1); // random.choice([s]) == [s][_randbelow(1)]
      assertThat(run.random()).as("stream after one evaluation, seed " + seed).isEqualTo(python.random());
    }
  }

  @Test
  void twoSeedsArePickedByRandbelow() {
    Arch a = SearchSpace.official().arch(11);
    TableOracle o = oracle(11, new double[] {60, 70}, new double[] {10, 20});
    for (long seed = 0; seed < 50; seed++) {
      PyRandom run = new PyRandom(seed);
      PyRandom python = new PyRandom(seed);
      int slot = python.randbelow(2);
      Evaluation e = o.evaluate(a, run);
      assertThat(e.accuracy()).isEqualTo(slot == 0 ? 60 : 70);
      assertThat(e.cost()).isEqualTo(slot == 0 ? 10 : 20);
      assertThat(run.random()).isEqualTo(python.random());
    }
  }
}
