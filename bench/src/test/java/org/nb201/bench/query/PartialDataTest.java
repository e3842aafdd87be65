package org.nb201.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.store.TidyCsv;

/**
 * The query API on a table of final results, the most common real input: {@code
 * docs/examples/partial-results.csv} (final cifar10 ori-test accuracies of archs 0 and 11, already
 * averaged over seeds, and their 12-epoch cifar10-valid x-valid accuracy of seed 777 with the train
 * and x-valid times of the last epoch only; values of the official data rounded as a published table
 * rounds them) imported with the tidy CSV importer. Every query shows what exists and names the rest.
 */
class PartialDataTest {
  @TempDir
  static Path dir;
  static Nb201Api api;

  /** The committed partial-data example (docs/examples), read from the module directory. */
  static Path example(String name) {
    Path p = Path.of("..", "docs", "examples", name);
    assertThat(p).as("the committed example %s", p).isRegularFile();
    return p;
  }

  @BeforeAll
  static void importTable() throws Exception {
    Path store = dir.resolve("partial.duckdb");
    TidyCsv.createStore(example("partial-results.csv"), example("partial-costs.csv"), store, false);
    api = Nb201Api.open(store);
  }

  @AfterAll
  static void close() {
    api.close();
  }

  @Test
  void finalTestAccuracyWithoutTrainValuesIsShownWithNotes() throws Exception {
    MoreInfo m = api.getMoreInfo(11, "cifar10", null, 200, SeedChoice.mean());
    assertThat(m.values()).containsOnlyKeys("test-loss", "test-accuracy", "test-per-time", "test-all-time");
    assertThat(m.get("test-accuracy")).isEqualTo(91.5833);
    assertThat(m.get("test-loss")).isNaN();
    assertThat(m.get("test-all-time")).isNaN();
    assertThat(m.seeds()).isEmpty();
    assertThat(m.epoch()).isEqualTo(199);
    assertThat(m.notes())
        .containsExactly("train missing at epoch 199 for seed averaged (the official API raises here)");
  }

  @Test
  void twelveEpochValidationAccuracyIsShownWithNotes() throws Exception {
    MoreInfo m = api.getMoreInfo(0, "cifar10-valid", null, 12, SeedChoice.random());
    assertThat(m.seeds()).containsExactly(777);
    assertThat(m.values()).containsOnlyKeys("valid-loss", "valid-accuracy", "valid-per-time", "valid-all-time");
    assertThat(m.get("valid-accuracy")).isEqualTo(62.712);
    // the official all-time sums every epoch's time; 11 of the 12 are unknown
    assertThat(m.get("valid-all-time")).isNaN();
    assertThat(m.notes())
        .containsExactly("train missing at epoch 11 for seed 777 (the official API raises here)",
        "test (ori-test) missing at epoch 11 for seed 777");
  }

  @Test
  void anEpochWithNothingAtAllIsAnError() {
    assertThatThrownBy(() -> api.getMoreInfo(0, "cifar10", 5, 200, SeedChoice.mean()))
        .isInstanceOf(MissingDataException.class)
        .hasMessage("no train accuracy for (index 0, cifar10, hp 200, seed averaged, train, epoch 5)");
  }

  @Test
  void findBestAndStatisticsWorkOnTheTable() {
    BestResult test = api.findBest("cifar10", "test", null, null, 200);
    assertThat(test.index()).isEqualTo(11);
    assertThat(test.accuracy()).isEqualTo(91.5833);
    assertThat(test.candidates()).isEqualTo(2);
    BestResult valid = api.findBest("cifar10", "valid");
    assertThat(valid.index()).isEqualTo(11);
    assertThat(valid.accuracy()).isEqualTo(63.976);
    BestResult small = api.findBest("cifar10", "test", 50.0, null, 200);
    assertThat(small.index()).isZero();
    assertThat(small.overLimit()).isEqualTo(1);
    BestResult train = api.findBest("cifar10", "train", null, null, 200);
    assertThat(train.index()).isEqualTo(-1);
    assertThat(train.missingMetric()).isEqualTo(2);
    assertThat(api.statistics("cifar10", 200)).isEqualTo(Map.of(1, 2));
    assertThat(api.statistics("cifar10-valid", 12)).isEqualTo(Map.of(1, 2));
    assertThat(api.statistics("cifar100", 200)).isEqualTo(Map.of(0, 2));
  }
}
