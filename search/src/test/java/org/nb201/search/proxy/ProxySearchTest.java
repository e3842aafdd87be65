package org.nb201.search.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nb201.bench.ProxySet;
import org.nb201.bench.ProxyTable;
import org.nb201.search.Coverage;
import org.nb201.search.CurvePoint;
import org.nb201.search.RunResult;
import org.nb201.search.TableOracle;
import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

class ProxySearchTest {
  private static final ProxySet SET = new ProxySet("synflow", "cifar10", 16, 5, 0, 1, "none");
  private static final SearchSpace SPACE = SearchSpace.official();

  /** The signal of the synthetic oracle, so that a perfect proxy is known. */
  private static double signal(Arch a) {
    return 40 + 9 * a.count(Op.NOR_CONV_3X3) + 3 * a.count(Op.NOR_CONV_1X1) + a.count(Op.SKIP_CONNECT);
  }

  /** Scores of every cell equal to the signal (or its negative), 0.01 s each; index 1651 without a number. */
  private static ProxyScores scores(boolean perfect) {
    double[] v = new double[Arch.COUNT];
    double[] s = new double[Arch.COUNT];
    for (int i = 0; i < Arch.COUNT; i++) {
      v[i] = (perfect ? 1 : -1) * signal(SPACE.arch(i));
      s[i] = 0.01;
    }
    v[1651] = Double.NaN;
    Map<Integer, String> notes = new HashMap<>();
    notes.put(1651, "-inf");
    return new ProxyScores(new ProxyTable(SET, v, s, notes));
  }

  private static TableOracle oracle() {
    double[][] acc = new double[Arch.COUNT][];
    double[][] cost = new double[Arch.COUNT][];
    for (int i = 0; i < Arch.COUNT; i++) {
      acc[i] = new double[] {signal(SPACE.arch(i))};
      cost[i] = new double[] {100};
    }
    return new TableOracle(acc, cost);
  }

  @Test
  void takesTheBestScoredOfNRandomCellsAndChargesTheirScoringTime() {
    ProxySearchOptions o = ProxySearchOptions.builder().optSample(10).optRuns(20).optSeed(3).optThreads(2).build();
    List<RunResult> runs = ProxySearch.runAll(o, scores(true), Coverage.full());
    assertThat(runs).hasSize(20);
    for (RunResult r : runs) {
      // replay the run's draws: its cell has the highest score among them
      PyRandom rng = new PyRandom(r.seed());
      double best = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < 10; k++) {
        best = Math.max(best, signal(Coverage.full().randomArch(rng)));
      }
      assertThat(signal(r.best())).isEqualTo(best);
      assertThat(r.evaluated()).isEqualTo(10);
      assertThat(r.usedTime()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    }
    // more samples find better cells on average; a reversed proxy finds worse ones
    double mean10 = runs.stream().mapToDouble(r -> signal(r.best())).average().orElseThrow();
    double mean1000 = ProxySearch.runAll(ProxySearchOptions.builder().optSample(1000).optRuns(20).build(), scores(true),
        Coverage.full()).stream().mapToDouble(r -> signal(r.best())).average().orElseThrow();
    double reversed = ProxySearch.runAll(o, scores(false), Coverage.full()).stream()
        .mapToDouble(r -> signal(r.best())).average().orElseThrow();
    assertThat(mean1000).isGreaterThan(mean10);
    assertThat(reversed).isLessThan(mean10);
    assertThat(ProxySearch.runAll(o, scores(true), Coverage.full())).isEqualTo(runs); // reproducible
  }

  @Test
  void searchesOnlyCellsWithScoresAndResults() {
    ProxyScores s = scores(true);
    Coverage two = Coverage.of(List.of(SPACE.arch(1651), SPACE.arch(0)));
    List<RunResult> runs = ProxySearch.runAll(ProxySearchOptions.builder().optSample(5).optRuns(5).build(), s, two);
    assertThat(runs).allSatisfy(r -> assertThat(SPACE.indexOf(r.best())).isIn(0, 1651));
    assertThat(runs).anySatisfy(r -> assertThat(SPACE.indexOf(r.best())).isEqualTo(0)); // -inf ranks last
    assertThatThrownBy(() -> new ProxyScores(new ProxyTable(SET, nan(), nan(), Map.of())))
        .hasMessage("the store holds no scores of synflow on cifar10 (C16 N5, seed 0, batch 1, none)");
  }

  private static double[] nan() {
    double[] v = new double[Arch.COUNT];
    java.util.Arrays.fill(v, Double.NaN);
    return v;
  }

  @Test
  void warmUpStartsTheEvolutionFromTheBestScoredCellsOfThePool() {
    WarmupOptions o = WarmupOptions.builder().optPool(200).optRuns(4).optBudget(5000).optKeepCurves(true).build();
    List<RunResult> runs = ProxyWarmup.runAll(o, scores(true), oracle());
    for (RunResult r : runs) {
      PyRandom rng = new PyRandom(r.seed());
      ProxyWarmup.Warm warm = ProxyWarmup.warm(o, scores(true), Coverage.full(), rng);
      assertThat(warm.cells()).hasSize(10);
      List<CurvePoint> c = r.curve();
      for (int k = 0; k < 10; k++) {
        assertThat(c.get(k).index()).isEqualTo(SPACE.indexOf(warm.cells().get(k)));
      }
      // the pool's scoring time is charged before the first evaluation (100 s each)
      assertThat(c.get(0).time()).isCloseTo(100 + warm.seconds(), org.assertj.core.data.Offset.offset(1e-9));
      assertThat(warm.seconds()).isGreaterThan(1.5).isLessThanOrEqualTo(2.0 + 1e-9); // distinct cells of 200 draws
      double poolBest = warm.cells().stream().mapToDouble(ProxySearchTest::signal).max().orElseThrow();
      assertThat(signal(r.best())).isGreaterThanOrEqualTo(poolBest);
    }
    WarmupOptions free = WarmupOptions.builder().optPool(200).optRuns(4).optBudget(5000).optKeepCurves(true)
        .optChargeProxyTime(false).build();
    assertThat(ProxyWarmup.runAll(free, scores(true), oracle()).get(0).curve().get(0).time()).isEqualTo(100);
  }
}
