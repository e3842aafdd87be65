package org.nb201.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;

class SearchLimitsTest {
  private static final long GB = 1L << 30;

  /** Two cells: index 0 costs {@code cost0} per evaluation, index 1 costs {@code cost1}. */
  private static TableOracle twoCells(double cost0, double cost1) {
    double[][] acc = new double[Arch.COUNT][];
    double[][] cost = new double[Arch.COUNT][];
    acc[0] = new double[] {50};
    cost[0] = new double[] {cost0};
    acc[1] = new double[] {60};
    cost[1] = new double[] {cost1};
    return new TableOracle(acc, cost);
  }

  @Test
  void theBudgetMayAffordAtMostTheEvaluationLimitAtTheCheapestEvaluation() {
    TableOracle oracle = twoCells(90, 200);
    assertThat(oracle.cheapestCost()).isEqualTo(90);
    assertThat(oracle.meanCost()).isEqualTo(145);
    assertThat(SearchLimits.largestBudget(oracle)).isEqualTo(9e6);
    SearchConfig huge = SearchConfig.builder(RandomSearchOptions.defaults()).optBudget(1e300).build();
    assertThatThrownBy(() -> SearchLimits.check(huge, oracle, GB)).hasMessage("--budget 1e+300 is too large: the"
        + " cheapest evaluation in the store costs 90 simulated s, so a run could make 1.11e+298 evaluations; at most"
        + " 100,000 are allowed, so --budget may be at most 9e+06");
    SearchConfig limit = SearchConfig.builder(RandomSearchOptions.defaults()).optBudget(9e6).optRuns(2).build();
    SearchLimits.check(limit, oracle, GB);
    assertThatThrownBy(() -> SearchLimits.check(limit.toBuilder().optBudget(9.00001e6).build(), oracle, GB))
        .hasMessageContaining("--budget 9.00001e+06 is too large");
  }

  @Test
  void aStoreWhoseEvaluationsCostNothingCannotBeSearchedOnTime() {
    SearchConfig c = SearchConfig.builder(RandomSearchOptions.defaults()).build();
    assertThatThrownBy(() -> SearchLimits.check(c, twoCells(0, 0), GB)).hasMessage("every evaluation in the store"
        + " costs 0 simulated seconds: a time budget cannot end a run (are the store's times all 0?)");
  }

  @Test
  void aRunStopsAtTheEvaluationLimitWhenSomeEvaluationsCostNothing() {
    // half of random search's evaluations are free: a budget of 100,000 s would take about 200,000 of them
    SearchConfig c = SearchConfig.builder(RandomSearchOptions.defaults()).optRuns(1).optBudget(100_000).optThreads(1)
        .build();
    RunResult r = SearchRunner.runAll(c, twoCells(0, 1)).get(0);
    assertThat(r.evaluated()).isEqualTo(SearchLimits.MAX_EVALUATIONS);
    assertThat(r.usedTime()).isLessThan(100_000).isGreaterThan(40_000);
  }

  @Test
  void theRunsMustFitInTheHeap() {
    TableOracle oracle = twoCells(90, 200);
    SearchConfig many = SearchConfig.builder(RegularizedEvolutionOptions.defaults()).optRuns(1_000_000_000).build();
    assertThat(SearchLimits.heapNeeded(many, oracle)).isEqualTo(256L * 1_000_000_000);
    assertThatThrownBy(() -> SearchLimits.check(many, oracle, 6 * GB)).hasMessage("--runs 1000000000 needs about"
        + " 238.4 GB of heap (256 B per run) but this JVM has 6.0 GB left: use at most --runs 25165824, or give Java"
        + " more heap (NB201_JAVA_OPTS=-Xmx...)");
    assertThatThrownBy(() -> SearchLimits.checkRuns(1_000_000_000, 6 * GB)).hasMessageStartingWith("--runs 1000000000");
    SearchLimits.checkRuns(25_165_824, 6 * GB);
    // with curves: 12,000 s at a mean cost of 145 s is 83 points per run (82.8 + the one that ends the run)
    SearchConfig curves = SearchConfig.builder(RegularizedEvolutionOptions.defaults()).optRuns(100_000)
        .optKeepCurves(true).build();
    assertThat(SearchLimits.heapNeeded(curves, oracle)).isEqualTo(100_000L * (256 + 83 * 256));
    assertThatThrownBy(() -> SearchLimits.check(curves, oracle, GB)).hasMessage("--runs 100000 needs about 2.0 GB"
        + " of heap (21.0 KB per run, most of it the curve kept for --curves) but this JVM has 1.0 GB left: use at"
        + " most --runs 49932 or drop --curves, or give Java more heap (NB201_JAVA_OPTS=-Xmx...)");
  }

  @Test
  void threadsAreBoundedByTheProcessors() {
    int most = 4 * Runtime.getRuntime().availableProcessors();
    assertThat(SearchConfig.builder(RandomSearchOptions.defaults()).optThreads(most).build().threads()).isEqualTo(most);
    assertThatThrownBy(() -> SearchConfig.builder(RandomSearchOptions.defaults()).optThreads(most + 1).build())
        .hasMessage("--threads must be in 1.." + most + " (4 x the " + Runtime.getRuntime().availableProcessors()
            + " available processors), got " + (most + 1));
  }

  @Test
  void cheapestCostIgnoresFreeEvaluations() {
    assertThat(twoCells(0, 7).cheapestCost()).isEqualTo(7);
    assertThat(twoCells(0, 0).cheapestCost()).isNaN();
    assertThat(List.of(twoCells(3, 7).meanCost())).containsExactly(5.0);
  }
}
