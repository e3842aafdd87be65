package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every store command on a table of final results, the most common real input: {@code
 * docs/examples/partial-results.csv} (final cifar10 ori-test accuracies of archs 0 and 11, already
 * averaged over seeds, and their 12-epoch cifar10-valid x-valid accuracy of seed 777 with the train
 * and x-valid times of the last epoch only) imported with {@code nb201 import csv}. Each command
 * shows what exists, names what is missing and exits 0.
 */
class PartialDataCommandTest {
  @TempDir
  static Path dir;
  static String store;

  /** Imports the example with {@code edit} applied to each data row (null drops it) plus {@code extra} rows. */
  static String importVariant(String name, UnaryOperator<String> edit, String... extra) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "examples", "partial-results.csv"));
    List<String> rows = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      if (edit.apply(line) != null) {
        rows.add(edit.apply(line));
      }
    }
    rows.addAll(List.of(extra));
    Path csv = Files.write(dir.resolve(name + ".csv"), rows);
    Path out = dir.resolve(name + ".duckdb");
    CliRun r = CliRun.of("import", "csv", csv.toString(), "--costs", "../docs/examples/partial-costs.csv", "--out",
        out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    return out.toString();
  }

  @BeforeAll
  static void importTable() throws Exception {
    store = importVariant("partial", UnaryOperator.identity());
  }

  @Test
  void queryShowsTheFinalTestAccuracyAndNamesTheMissingTrainValues() {
    CliRun r = CliRun.of("query", store, "11", "--dataset", "cifar10", "--hp", "200", "--mean");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).containsExactly(
        "index 11  |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|none~0|nor_conv_3x3~1|avg_pool_3x3~2|",
        "cifar10  hp 200  epoch 199  pre-averaged values (the store has no per-seed trials)",
        "  test-loss          None",
        "  test-accuracy      91.5833",
        "  test-per-time      None",
        "  test-all-time      None",
        "  note: train missing at epoch 199 for seed averaged (the official API raises here)");
    CliRun json = CliRun.of("query", store, "11", "--dataset", "cifar10", "--hp", "200", "--mean", "--json");
    assertThat(json.exitCode()).isZero();
    JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
    assertThat(o.keySet()).containsExactly("test-loss", "test-accuracy", "test-per-time", "test-all-time");
    assertThat(o.get("test-accuracy").getAsDouble()).isEqualTo(91.5833);
    assertThat(json.err()).isEqualTo("note: cifar10: train missing at epoch 199 for seed averaged (the official API"
        + " raises here)\n");
  }

  @Test
  void queryOfTheTwelveEpochSignalShowsTheValidationAccuracy() {
    CliRun r = CliRun.of("query", store, "0");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("cifar10-valid  hp 12  epoch 11  seed 777 (random choice)\n"
        + "  valid-loss         None\n  valid-accuracy     62.712\n")
        .contains("  note: train missing at epoch 11 for seed 777 (the official API raises here)\n"
            + "  note: test (ori-test) missing at epoch 11 for seed 777\n");
  }

  @Test
  void onlyAnEpochWithNothingAtAllIsAnError() throws Exception {
    CliRun early = CliRun.of("query", store, "0", "--dataset", "cifar10", "--hp", "200", "--epoch", "5", "--mean");
    assertThat(early.exitCode()).isEqualTo(2);
    assertThat(early.err()).isEqualTo(
        "nb201: error: no train accuracy for (index 0, cifar10, hp 200, seed averaged, train, epoch 5)\n");
    // of several datasets, the one with nothing at that epoch is named and the others shown
    String two = importVariant("two-datasets", UnaryOperator.identity(), "0,,cifar10,12,777,5,ori-test,55.5,,");
    CliRun last = CliRun.of("query", two, "0");
    assertThat(last.exitCode()).as(last.err()).isZero();
    assertThat(last.out()).contains("  valid-accuracy     62.712\n")
        .endsWith("note: cifar10: nothing at this epoch (no train accuracy for (index 0, cifar10, hp 12, seed 777,"
            + " train, epoch 11))\n");
    CliRun five = CliRun.of("query", two, "0", "--epoch", "5");
    assertThat(five.exitCode()).as(five.err()).isZero();
    assertThat(five.out()).contains("cifar10  hp 12  epoch 5  seed 777 (random choice)\n")
        .contains("  test-accuracy      55.5\n").contains("note: cifar10-valid: nothing at this epoch");
  }

  @Test
  void bestFindsTheBestFinalValueAndNamesWhatIsMissing() {
    CliRun r = CliRun.of("best", store, "--dataset", "cifar10", "--metric", "test", "--hp", "200");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.lines()).containsExactly(
        "best        11  |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|none~0|nor_conv_3x3~1|avg_pool_3x3~2|",
        "accuracy    91.5833  (cifar10 ori-test, hp 200, last epoch, mean over seeds)",
        "considered  2 architectures; 0 over the limits, 0 without costs, 0 without the final value");
    CliRun valid = CliRun.of("best", store, "--dataset", "cifar10", "--metric", "valid");
    assertThat(valid.lines()[1]).isEqualTo("accuracy    63.976  (cifar10-valid x-valid, hp 12, last epoch, mean over"
        + " seeds)");
    CliRun train = CliRun.of("best", store, "--dataset", "cifar10", "--metric", "train", "--hp", "200");
    assertThat(train.exitCode()).isZero();
    assertThat(train.lines()).containsExactly("best        none: no architecture qualifies",
        "missing     2 of the 2 architectures with cifar10 hp 200 trials lack a train accuracy at epoch 199 (in at"
            + " least one seed)",
        "considered  2 architectures; 0 over the limits, 0 without costs, 2 without the final value");
    CliRun other = CliRun.of("best", store, "--dataset", "cifar100", "--metric", "test", "--hp", "200", "--json");
    assertThat(other.exitCode()).isZero();
    assertThat(JsonParser.parseString(other.out()).getAsJsonObject().get("missing").getAsString())
        .isEqualTo("the store has no cifar100 hp 200 trials; it holds [cifar10-valid hp 12, cifar10 hp 200]");
  }

  @Test
  void searchEstimatesTheCostFromTheTimedEpochAndSaysSo() throws Exception {
    Path curves = dir.resolve("curves.csv");
    CliRun r = CliRun.of("search", "rea", "--store", store, "--runs", "4", "--curves", curves.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("note: cost estimated for 2 of 2 trials from the train and x-valid times of 1 of 12"
        + " epochs (the official times are the same every epoch)\n")
        .containsPattern("cifar10/ori-test +91\\.58 +0\\.00 +4   91\\.58 \\(index 11\\)")
        .containsPattern("cifar100/x-test +missing +0   \\(no data for it in the store\\)");
    // each evaluation is charged 12 x the train time of the timed epoch + that epoch's x-valid time
    List<String> lines = Files.readAllLines(curves);
    double previous = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double time = Double.parseDouble(f[3]);
      double step = f[2].equals("1") ? time : time - previous;
      assertThat(step).as(line).isCloseTo(f[4].equals("0") ? 12 * 7.2211 + 2.549 : 12 * 12.4621 + 4.1513,
          within(1e-6));
      previous = time;
    }
    assertThat(lines).hasSizeGreaterThan(4 * 70);
    CliRun json = CliRun.of("search", "rea", "--store", store, "--runs", "4", "--json");
    JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
    JsonObject cost = o.getAsJsonObject("eval_cost");
    assertThat(cost.get("source").getAsString()).isEqualTo("estimated");
    assertThat(cost.get("estimated").getAsBoolean()).isTrue();
    assertThat(cost.get("min_timed_epochs").getAsInt()).isEqualTo(1);
    assertThat(cost.get("max_timed_epochs").getAsInt()).isEqualTo(1);
    assertThat(cost.get("epochs").getAsInt()).isEqualTo(12);
    assertThat(cost.get("fixed_seconds").isJsonNull()).isTrue();
    assertThat(o.keySet()).contains("algorithm", "runs", "budget", "seed", "mean_evaluated", "mean_simulated_time",
        "coverage", "metrics", "wall_seconds", "provenance");
  }

  @Test
  void searchWithoutAnyTimeSaysSoAndTakesAFixedCost() throws Exception {
    String none = importVariant("no-times", row -> row.substring(0, row.lastIndexOf(',') + 1));
    CliRun r = CliRun.of("search", "rea", "--store", none, "--runs", "3");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: the store has cifar10-valid hp 12 x-valid accuracies of 2 cells but"
        + " no train or x-valid time at all in epochs 0..11, so an evaluation cannot be priced (officially"
        + " train-all-time + valid-per-time); give a fixed simulated cost per evaluation with --eval-cost SECONDS\n");
    CliRun fixed = CliRun.of("search", "rea", "--store", none, "--runs", "3", "--eval-cost", "100");
    assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    assertThat(fixed.out()).contains("note: every evaluation costs a fixed 100 simulated s (--eval-cost); the store's"
        + " times are not used\n").contains("evaluated cells per run: 120.0   simulated time per run: 12000.0 s");
    CliRun json = CliRun.of("search", "rs", "--store", none, "--runs", "2", "--eval-cost", "100", "--json");
    JsonObject cost = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonObject("eval_cost");
    assertThat(cost.get("source").getAsString()).isEqualTo("fixed");
    assertThat(cost.get("fixed_seconds").getAsDouble()).isEqualTo(100);
    assertThat(cost.get("estimated").getAsBoolean()).isFalse();
  }

  @Test
  void evalCostMustBeAPositiveFiniteNumber() {
    for (String bad : new String[] {"0", "-3"}) {
      CliRun r = CliRun.of("search", "rea", "--store", store, "--runs", "1", "--eval-cost", bad);
      assertThat(r.exitCode()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).startsWith("nb201: error: --eval-cost must be a positive finite number of simulated"
          + " seconds, got ").hasLineCount(1);
    }
    // not numbers at all: refused by the command line's plain-decimal converter, naming the option
    for (String bad : new String[] {"NaN", "Infinity"}) {
      CliRun r = CliRun.of("search", "rea", "--store", store, "--runs", "1", "--eval-cost", bad);
      assertThat(r.exitCode()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).startsWith("nb201: Invalid value for option '--eval-cost': '" + bad
          + "' is not a plain decimal number").hasLineCount(1);
    }
    CliRun text = CliRun.of("search", "rea", "--store", store, "--eval-cost", "ten");
    assertThat(text.exitCode()).isEqualTo(2);
    assertThat(text.err()).isEqualTo("nb201: Invalid value for option '--eval-cost': 'ten' is not a plain decimal"
        + " number; expected a number such as 12000 or 0.5 (see 'nb201 search --help')\n");
  }
}
