package org.nb201.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.TidyCsv;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/**
 * The oracle on partial data: {@code docs/examples/partial-results.csv} (12-epoch cifar10-valid
 * x-valid accuracies of archs 0 and 11, seed 777, with the train and x-valid times of the last epoch
 * only: 7.2211 / 2.549 s and 12.4621 / 4.1513 s, the official per-epoch times rounded) imported with
 * the tidy CSV importer, and variants of it with more, fewer or no times.
 */
class StoreOraclesTest {
  @TempDir
  Path dir;

  /** The example's rows with {@code edit} applied to each data row (null drops it), plus {@code extra} rows. */
  private FinalView signal(String name, UnaryOperator<String> edit, List<String> extra) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "examples", "partial-results.csv"));
    List<String> rows = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String row = edit.apply(line);
      if (row != null) {
        rows.add(row);
      }
    }
    rows.addAll(extra);
    Path csv = Files.write(dir.resolve(name + ".csv"), rows);
    Path store = dir.resolve(name + ".duckdb");
    TidyCsv.createStore(csv, null, store, false);
    try (Store s = Store.open(store)) {
      return FinalView.load(s, StoreOracles.DATASET, StoreOracles.HP, StoreOracles.SPLIT);
    }
  }

  private static Evaluation evaluate(TableOracle oracle, int index) {
    return oracle.evaluate(SearchSpace.official().arch(index), new PyRandom(1));
  }

  @Test
  void pricesFromTheEpochsThatHaveATimeAndSaysSo() throws Exception {
    FinalView v = signal("last-epoch", UnaryOperator.identity(), List.of());
    assertThat(v.trainTimedEpochs(0, 0)).isEqualTo(1);
    assertThat(v.splitTimedEpochs(0, 0)).isEqualTo(1);
    assertThat(v.trainEpochTime(0, 0)).isEqualTo(7.2211);
    assertThat(v.trainAllTime(0, 0)).isNaN();
    StoreOracles.Priced p = StoreOracles.build(v, Double.NaN);
    assertThat(evaluate(p.oracle(), 0).accuracy()).isEqualTo(62.712);
    assertThat(evaluate(p.oracle(), 0).cost()).isCloseTo(12 * 7.2211 + 2.549, within(1e-9));
    assertThat(evaluate(p.oracle(), 11).cost()).isCloseTo(12 * 12.4621 + 4.1513, within(1e-9));
    assertThat(p.cost()).isEqualTo(new EvalCost(EvalCost.Source.ESTIMATED, Double.NaN, "x-valid", 12, 2, 2, 1, 1, 0));
    assertThat(p.cost().describe()).isEqualTo("cost estimated for 2 of 2 trials from the train and x-valid times of 1"
        + " of 12 epochs (the official times are the same every epoch)");
    assertThat(p.cost().describeUnpriced()).isNull();
  }

  @Test
  void completeTimesGiveTheOfficialCostWhichTheEstimateMatches() throws Exception {
    // the official times are the same every epoch: give all 12 and the cost is the official sum
    List<String> earlier = new ArrayList<>();
    for (int e = 0; e < 11; e++) {
      earlier.add("0,,cifar10-valid,12,777," + e + ",train,,,7.2211");
      earlier.add("0,,cifar10-valid,12,777," + e + ",x-valid,,,2.549");
    }
    FinalView v = signal("complete", r -> r.startsWith("11,") ? null : r, earlier);
    StoreOracles.Priced p = StoreOracles.build(v, Double.NaN);
    assertThat(p.cost().source()).isEqualTo(EvalCost.Source.STORE);
    assertThat(p.cost().describe()).isNull();
    double train = 0;
    double valid = 0;
    for (int e = 0; e < 12; e++) {
      train += 7.2211;
      valid += 2.549;
    }
    assertThat(evaluate(p.oracle(), 0).cost()).isEqualTo(train + valid / 12);
    assertThat(evaluate(p.oracle(), 0).cost()).isCloseTo(12 * 7.2211 + 2.549, within(1e-9));
  }

  @Test
  void aCellWithoutTimesIsLeftOutAndCounted() throws Exception {
    FinalView v = signal("one-timed", r -> r.startsWith("11,") ? r.substring(0, r.lastIndexOf(',') + 1) : r, List.of());
    StoreOracles.Priced p = StoreOracles.build(v, Double.NaN);
    assertThat(p.oracle().coverage().size()).isEqualTo(1);
    assertThat(p.cost().unpricedCells()).isEqualTo(1);
    assertThat(p.cost().describeUnpriced()).isEqualTo("1 cell has an x-valid accuracy but no train or x-valid time"
        + " and is left out (--eval-cost SECONDS prices every evaluation the same)");
  }

  @Test
  void noTimeAtAllSaysSoAndOffersAFixedCost() throws Exception {
    FinalView none = signal("no-times", r -> r.substring(0, r.lastIndexOf(',') + 1), List.of());
    assertThatThrownBy(() -> StoreOracles.build(none, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the store has cifar10-valid hp 12 x-valid accuracies of 2 cells but no train or x-valid time at"
            + " all in epochs 0..11, so an evaluation cannot be priced (officially train-all-time + valid-per-time);"
            + " give a fixed simulated cost per evaluation with --eval-cost SECONDS");
    FinalView validOnly = signal("valid-times", r -> r.contains(",train,") ? null : r, List.of());
    assertThatThrownBy(() -> StoreOracles.build(validOnly, Double.NaN))
        .hasMessageContaining("accuracies of 2 cells but no train time at all in epochs 0..11");
    StoreOracles.Priced fixed = StoreOracles.build(none, 100);
    assertThat(evaluate(fixed.oracle(), 0).cost()).isEqualTo(100);
    assertThat(evaluate(fixed.oracle(), 11).cost()).isEqualTo(100);
    assertThat(fixed.cost().source()).isEqualTo(EvalCost.Source.FIXED);
    assertThat(fixed.cost().describe()).isEqualTo("every evaluation costs a fixed 100 simulated s (--eval-cost);"
        + " the store's times are not used");
  }

  @Test
  void noAccuracyAtAllIsNothingToSearchOn() throws Exception {
    FinalView v = signal("no-signal", r -> r.contains(",x-valid,") ? null : r, List.of());
    assertThatThrownBy(() -> StoreOracles.build(v, 100)).hasMessage("the store has no cifar10-valid hp 12 x-valid"
        + " accuracy at epoch 11: nothing to search on (the official oracle needs it)");
  }

  @Test
  void aFixedCostMustBePositiveAndFinite() {
    for (double bad : new double[] {0, -5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> SearchConfig.builder(RegularizedEvolutionOptions.defaults()).optEvalCost(bad).build())
          .hasMessage("--eval-cost must be a positive finite number of simulated seconds, got " + bad);
    }
    SearchConfig c = SearchConfig.builder(RegularizedEvolutionOptions.defaults()).optEvalCost(42.5).build();
    assertThat(c.evalCost()).isEqualTo(42.5);
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(SearchConfig.builder(RegularizedEvolutionOptions.defaults()).build().evalCost()).isNaN();
  }
}
