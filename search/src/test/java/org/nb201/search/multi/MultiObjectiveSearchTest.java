package org.nb201.search.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nb201.search.TableOracle;
import org.nb201.search.pareto.Objective;
import org.nb201.search.pareto.ObjectiveTable;
import org.nb201.search.pareto.ParetoFront;
import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;

class MultiObjectiveSearchTest {
  private static final List<Objective> OBJECTIVES = Objective.parseList("test-accuracy@cifar10,latency@dev");

  static Stream<MultiObjectiveSpec> algorithms() {
    return Stream.of(new MoRandomSearch.Options(), MoRegularizedEvolution.Options.builder().build());
  }

  /** Accuracy grows with convolutions, latency with 3x3 convolutions and pooling: a real trade-off. */
  static double accuracy(Arch a) {
    return 40 + 9 * a.count(Op.NOR_CONV_3X3) + 5 * a.count(Op.NOR_CONV_1X1) + a.count(Op.SKIP_CONNECT);
  }

  static double latency(Arch a) {
    return 1 + 3 * a.count(Op.NOR_CONV_3X3) + a.count(Op.NOR_CONV_1X1) + 0.5 * a.count(Op.AVG_POOL_3X3);
  }

  /** The oracle's signal equals the report accuracy (no seed noise), so the search sees the truth. */
  static MultiObjectiveProblem problem(IntPredicate covered, double cost) {
    SearchSpace space = SearchSpace.official();
    double[][] acc = new double[Arch.COUNT][];
    double[][] costs = new double[Arch.COUNT][];
    double[][] report = new double[2][Arch.COUNT];
    for (int i = 0; i < Arch.COUNT; i++) {
      Arch a = space.arch(i);
      report[0][i] = accuracy(a);
      report[1][i] = latency(a);
      if (covered.test(i)) {
        acc[i] = new double[] {accuracy(a), accuracy(a)};
        costs[i] = new double[] {cost, cost};
      }
    }
    return MultiObjectiveProblem.of(new TableOracle(acc, costs), ObjectiveTable.of(OBJECTIVES, 200, report), null);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void searchesWithinASmallCoverageAndRandomSearchFindsItsWholeFront(MultiObjectiveSpec spec) {
    // 60 covered cells, but the true front is over all 15,625: relative hypervolume of the covered front
    MultiObjectiveProblem small = problem(i -> i % 260 == 0, 10);
    MultiSearchConfig config = MultiSearchConfig.builder().optRuns(3).optBudget(40_000).optSeed(3).optThreads(2)
        .build();
    List<MultiRunResult> runs = MultiSearchRunner.runAll(config, spec, small);
    int[] covered = java.util.stream.IntStream.range(0, Arch.COUNT).filter(i -> i % 260 == 0).toArray();
    double best = small.relativeHypervolume(covered);
    assertThat(best).isLessThan(1.0).isGreaterThan(0.5);
    for (MultiRunResult r : runs) {
      // random search draws every covered cell in 4,000 draws; evolution stays near its parents
      if (spec instanceof MoRandomSearch.Options) {
        assertThat(r.relativeHypervolume()).isEqualTo(best);
      } else {
        assertThat(r.relativeHypervolume()).isGreaterThan(0.9 * best).isLessThanOrEqualTo(best);
      }
      double[][] found = r.found().stream().map(i -> new double[] {-accuracy(SearchSpace.official().arch(i)),
          latency(SearchSpace.official().arch(i))}).toArray(double[][]::new);
      assertThat(ParetoFront.nonDominated(found)).hasSize(found.length); // the archive holds no dominated cell
      assertThat(r.found()).allSatisfy(i -> assertThat(i % 260).isZero());
    }
    // on the full space the true front's own cells score exactly 1
    MultiObjectiveProblem full = problem(i -> true, 10);
    int[] front = full.truth().front().stream().mapToInt(p -> p.index()).toArray();
    assertThat(full.relativeHypervolume(front)).isEqualTo(1.0);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void budgetAccountingAndAnytimeCurveOfTheProtocol(MultiObjectiveSpec spec) {
    MultiSearchConfig config = MultiSearchConfig.builder().optRuns(4).optBudget(12_000).optSeed(1).build();
    MultiObjectiveProblem p = problem(i -> true, 90);
    for (MultiRunResult r : MultiSearchRunner.runAll(config, spec, p)) {
      assertThat(r.evaluated()).isEqualTo(133); // 133 x 90 s fit in 12,000 s, the 134th would not
      assertThat(r.usedTime()).isEqualTo(133 * 90.0);
      assertThat(r.curve()).hasSize(133);
      for (int s = 1; s < r.curve().size(); s++) { // the search sees the truth: the archive only improves
        assertThat(r.curve().get(s).relativeHypervolume()).isGreaterThanOrEqualTo(r.curve().get(s - 1)
            .relativeHypervolume());
      }
      assertThat(r.relativeHypervolumeAt(89.9)).isZero();
      assertThat(r.relativeHypervolumeAt(12_000)).isEqualTo(r.relativeHypervolume()).isBetween(0.0, 1.0);
    }
    MultiSearchSummary s = MultiSearchSummary.of(MultiSearchRunner.runAll(config, spec, p), spec, config, p);
    assertThat(s.curve()).hasSize(100);
    assertThat(s.curve().get(99).time()).isEqualTo(12_000.0);
    assertThat(s.curve().get(99).mean()).isEqualTo(s.relativeHypervolume().mean());
    assertThat(s.evaluated().mean()).isEqualTo(133.0);
    assertThat(s.finalRelativeHypervolumes()).hasSize(4);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void runsAreDeterministicPerSeedAndIndependentOfTheThreadCount(MultiObjectiveSpec spec) {
    MultiObjectiveProblem p = problem(i -> i % 3 != 0, 97.5);
    MultiSearchConfig one = MultiSearchConfig.builder().optRuns(12).optSeed(11).optThreads(1).build();
    List<MultiRunResult> a = MultiSearchRunner.runAll(one, spec, p);
    assertThat(MultiSearchRunner.runAll(one.toBuilder().optThreads(2).build(), spec, p)).isEqualTo(a);
    assertThat(MultiSearchRunner.runAll(one.toBuilder().optThreads(5).build(), spec, p)).isEqualTo(a);
    assertThat(MultiSearchRunner.runAll(one.toBuilder().optSeed(12).build(), spec, p)).isNotEqualTo(a);
    assertThat(a.get(0).seed()).isEqualTo(1_100_000L);
  }

  @Test
  void evolutionBeatsRandomSearchOnAverage() {
    MultiObjectiveProblem p = problem(i -> true, 90);
    MultiSearchConfig config = MultiSearchConfig.builder().optRuns(100).optSeed(2).build();
    double rs = MultiSearchSummary.of(MultiSearchRunner.runAll(config, new MoRandomSearch.Options(), p),
        new MoRandomSearch.Options(), config, p).relativeHypervolume().mean();
    MultiObjectiveSpec rea = MoRegularizedEvolution.Options.builder().build();
    double ev = MultiSearchSummary.of(MultiSearchRunner.runAll(config, rea, p), rea, config, p)
        .relativeHypervolume().mean();
    assertThat(ev).isGreaterThan(rs);
  }

  @Test
  void nonDominatedSortingRanksAndCrowds() {
    double[][] v = {{1, 5}, {2, 2}, {5, 1}, {3, 3}, {4, 4}, {3, 2.5}};
    int[] rank = new int[6];
    double[] crowd = new double[6];
    NonDominatedSorting.rank(v, 6, rank, crowd);
    assertThat(rank).containsExactly(0, 0, 0, 2, 3, 1);
    assertThat(crowd[0]).isInfinite();
    assertThat(crowd[2]).isInfinite();
    // (2,2) between (1,5) and (5,1): (5-1)/(5-1) + (5-1)/(5-1)
    assertThat(crowd[1]).isEqualTo(2.0);
    assertThat(crowd[3]).isInfinite();
  }

  @Test
  void theArchiveKeepsEveryCopyOfAFrontVectorAndDropsDominatedOnes() {
    ParetoArchive a = new ParetoArchive();
    assertThat(a.add(1, new double[] {1, 5})).isTrue();
    assertThat(a.add(2, new double[] {1, 5})).isTrue();
    assertThat(a.add(2, new double[] {1, 5})).isFalse();
    assertThat(a.add(3, new double[] {2, 6})).isFalse();
    assertThat(a.add(4, new double[] {0, 5})).isTrue();
    assertThat(a.cells()).containsExactly(4);
    assertThat(a.add(5, new double[] {3, 1})).isTrue();
    assertThat(a.cells()).containsExactly(4, 5);
  }

  @Test
  void needsExactlyOneTrainedObjective() {
    double[][] v = new double[2][Arch.COUNT];
    assertThatThrownBy(() -> MultiObjectiveProblem.of(null,
        ObjectiveTable.of(Objective.parseList("test-accuracy@cifar10,valid-accuracy@cifar10-valid"), 200, v), null))
        .hasMessageStartingWith("multi-objective search takes exactly one accuracy or loss objective");
    assertThatThrownBy(() -> MultiObjectiveProblem.of(null,
        ObjectiveTable.of(Objective.parseList("params,latency@fpga"), 200, v), null))
        .hasMessageStartingWith("multi-objective search needs one accuracy or loss objective");
  }
}
