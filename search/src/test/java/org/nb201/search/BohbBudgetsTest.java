package org.nb201.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nb201.space.PyRandom;

/**
 * BOHB's successive-halving budgets as hpbandster computes them
 * ({@code hpbandster/optimizers/bohb.py::BOHB.__init__}: {@code max_SH_iter = -int(log(min/max) / log(eta)) + 1}).
 * Expected values were computed with numpy from that formula.
 */
class BohbBudgetsTest {
  private static double[] budgets(double min, double max, double eta) {
    BohbOptions o = BohbOptions.builder().optMinBudget(min).optMaxBudget(max).optEta(eta).build();
    return new Bohb(Coverage.full(), new PyRandom(1), o).budgets();
  }

  @Test
  void officialSettingsHaveThreeStages() {
    assertThat(budgets(12, 200, 3)).containsExactly(new double[] {200.0 / 9, 200.0 / 3, 200}, within(1e-9));
  }

  @Test
  void stageCountTruncatesTowardZeroLikeHpbandster() {
    assertThat(budgets(1, 27, 3)).containsExactly(new double[] {1, 3, 9, 27}, within(1e-9));
    assertThat(budgets(10, 1000, 2))
        .containsExactly(new double[] {15.625, 31.25, 62.5, 125, 250, 500, 1000}, within(1e-9));
  }
}
