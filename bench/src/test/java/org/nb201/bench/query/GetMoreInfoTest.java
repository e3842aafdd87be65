package org.nb201.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.bench.store.StoreWriter;
import org.nb201.space.PyRandom;
import org.nb201.space.Split;

/**
 * get_more_info on the real numbers of the NATS-Bench sample records of architectures 0 and 11 (seed means,
 * hp 200; docs/benchmark-data.md#accuracy-semantics) and the official rules (docs/benchmark-data.md#get_more_info).
 */
class GetMoreInfoTest extends SampleApiTest {
  @TempDir
  Path dir;


  private static MoreInfo mean(int index, String dataset) throws MissingDataException {
    return api.getMoreInfo(index, dataset, null, 200, SeedChoice.mean());
  }

  @Test
  void cifar10ValidReportsTrainValidAndTestInTheOfficialKeyOrder() throws Exception {
    MoreInfo m = mean(0, "cifar10-valid");
    assertThat(m.values().keySet()).containsExactly("train-loss", "train-accuracy", "train-per-time", "train-all-time",
        "valid-loss", "valid-accuracy", "valid-per-time", "valid-all-time",
        "test-loss", "test-accuracy", "test-per-time", "test-all-time");
    assertThat(m.get("train-accuracy")).isCloseTo(88.9187, within(5e-5));
    assertThat(m.get("valid-accuracy")).isCloseTo(81.9827, within(5e-5));
    assertThat(m.get("test-accuracy")).isCloseTo(81.52, within(5e-5));
    assertThat(m.get("train-all-time")).isCloseTo(200 * 7.2211, within(1e-9));
    assertThat(m.get("train-per-time")).isCloseTo(7.2211, within(1e-12));
    assertThat(m.get("valid-per-time")).isCloseTo(2.5490, within(1e-12));
    assertThat(m.get("test-all-time")).isCloseTo(200 * 1.0196, within(1e-9));
    assertThat(m.epoch()).isEqualTo(199);
    assertThat(m.seeds()).containsExactly(777, 888, 999);
    assertThat(m.notes()).isEmpty();
  }

  @Test
  void specSeedMeansOnEveryDataset() throws Exception {
    MoreInfo c10 = mean(0, "cifar10");
    assertThat(c10.values().keySet()).containsExactly("train-loss", "train-accuracy", "train-per-time",
        "train-all-time", "test-loss", "test-accuracy", "test-per-time", "test-all-time");
    assertThat(c10.get("train-accuracy")).isCloseTo(90.6687, within(5e-5));
    assertThat(c10.get("test-accuracy")).isCloseTo(85.8633, within(5e-5));
    MoreInfo c100 = mean(0, "cifar100");
    assertThat(c100.values().keySet()).containsSubsequence("valid-accuracy", "test-accuracy", "valtest-accuracy");
    assertThat(c100.get("train-accuracy")).isCloseTo(57.73, within(5e-5));
    assertThat(c100.get("valid-accuracy")).isCloseTo(52.70, within(5e-5));
    assertThat(c100.get("test-accuracy")).isCloseTo(52.9133, within(5e-5));
    assertThat(c100.get("valtest-accuracy")).isCloseTo(52.8067, within(5e-5));
    MoreInfo in16 = mean(0, "ImageNet16-120");
    assertThat(in16.get("train-accuracy")).isCloseTo(28.1351, within(5e-5));
    assertThat(in16.get("valid-accuracy")).isCloseTo(28.2111, within(5e-5));
    assertThat(in16.get("test-accuracy")).isCloseTo(26.6333, within(5e-5));
    assertThat(in16.get("valtest-accuracy")).isCloseTo(27.4222, within(5e-5));
    assertThat(in16.get("train-per-time")).isCloseTo(43.8176, within(1e-9));
    MoreInfo a11 = mean(11, "cifar10");
    assertThat(a11.get("train-accuracy")).isCloseTo(99.5473, within(5e-5));
    assertThat(a11.get("test-accuracy")).isCloseTo(91.5833, within(5e-5));
  }

  @Test
  void fixedSeedGivesThatTrialsRawValues() throws Exception {
    assertThat(api.getMoreInfo(0, "cifar10-valid", null, 200, SeedChoice.fixed(777)).get("valid-accuracy"))
        .isEqualTo(82.092);
    assertThat(api.getMoreInfo(0, "cifar10", null, 200, SeedChoice.fixed(888)).get("test-accuracy")).isEqualTo(86.18);
    assertThat(api.getMoreInfo(0, "cifar10-valid", null, 12, SeedChoice.fixed(111)).get("valid-accuracy"))
        .isEqualTo(64.016);
    assertThat(api.getMoreInfo(0, "cifar10", 11, 12, SeedChoice.fixed(111)).get("test-accuracy")).isEqualTo(69.55);
  }

  @Test
  void earlierEpochsOmitSetsThatWereOnlyEvaluatedAtTheEnd() throws Exception {
    MoreInfo c100 = api.getMoreInfo(0, "cifar100", 100, 200, SeedChoice.mean());
    assertThat(c100.values().keySet()).containsExactly("train-loss", "train-accuracy", "train-per-time",
        "train-all-time", "valtest-loss", "valtest-accuracy", "valtest-per-time", "valtest-all-time");
    assertThat(c100.notes()).containsExactly("valid (x-valid) missing at epoch 100 for seed 777",
        "test (x-test) missing at epoch 100 for seed 777");
    assertThat(c100.get("train-all-time")).isCloseTo(101 * 14.4422, within(1e-9));
    assertThat(c100.get("train-per-time")).isCloseTo(14.4422, within(1e-12));
    MoreInfo c10v = api.getMoreInfo(0, "cifar10-valid", 0, 200, SeedChoice.fixed(999));
    assertThat(c10v.has("valid-accuracy")).isTrue();
    assertThat(c10v.has("test-accuracy")).isFalse();
    assertThat(c10v.get("valid-all-time")).isEqualTo(2.5490);
  }

  @Test
  void defaultsAreTheOfficialOnesLastEpochHp12RandomSeed() throws Exception {
    MoreInfo m = api.getMoreInfo(0, "cifar10-valid");
    assertThat(m.hp()).isEqualTo(12);
    assertThat(m.epoch()).isEqualTo(11);
    assertThat(m.seeds()).hasSize(1).first().isIn(111, 777);
    assertThat(m.get("valid-accuracy")).isEqualTo(m.seeds().get(0) == 111 ? 64.016 : 62.712);
  }

  @Test
  void randomSeedChoiceIsReproducibleAndFollowsPythonsRandomChoice() throws Exception {
    api.setRandomSeed(42);
    PyRandom py = new PyRandom(42);
    int[] seeds = {111, 777};
    for (int k = 0; k < 30; k++) {
      MoreInfo m = api.getMoreInfo(0, "cifar10-valid", null, 12, SeedChoice.random());
      assertThat(m.seeds()).containsExactly(seeds[py.choiceIndex(2)]);
    }
  }

  @Test
  void namesByArchStringWorkLikeIndices() throws Exception {
    String arch0 = api.arch(0);
    assertThat(api.getMoreInfo(arch0, "cifar10", null, 200, SeedChoice.mean()).values())
        .isEqualTo(mean(0, "cifar10").values());
    assertThatThrownBy(() -> api.getMoreInfo("|bad|", "cifar10", null, 200, SeedChoice.mean()))
        .hasMessageStartingWith("'|bad|' is not an official architecture string");
  }

  @Test
  void unknownNamesListTheValidOnes() {
    assertThatThrownBy(() -> api.getMoreInfo(0, "cifar-10", null, 200, SeedChoice.mean()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown dataset 'cifar-10'; expected one of cifar10-valid, cifar10, cifar100, ImageNet16-120"
            + " (or fashion-mnist)");
    assertThatThrownBy(() -> api.getMoreInfo(0, "cifar10", null, 90, SeedChoice.mean()))
        .hasMessage("hp 90 not in this store; expected one of [12, 200]");
    assertThatThrownBy(() -> api.getMoreInfo(0, "cifar10", 200, 200, SeedChoice.mean()))
        .hasMessage("iepoch 200 out of range for hp 200, expected 0..199");
    assertThatThrownBy(() -> SeedChoice.parse("avg"))
        .hasMessage("unknown seed choice 'avg'; expected random, mean or a seed number");
  }

  @Test
  void missingDataSaysExactlyWhatIsAbsent() {
    assertThatThrownBy(() -> api.getMoreInfo(0, "cifar10", null, 200, SeedChoice.fixed(123)))
        .isInstanceOf(MissingDataException.class)
        .hasMessage("no trial with seed 123 for (index 0, cifar10, hp 200); its seeds are [777, 888, 999]");
    assertThatThrownBy(() -> api.getMoreInfo(5, "cifar10", null, 200, SeedChoice.mean()))
        .isInstanceOf(MissingDataException.class)
        .hasMessage("no trials for (index 5, cifar10, hp 200) in sample.duckdb; this arch has no trials at all");
    assertThatThrownBy(() -> api.getMoreInfo(11, "cifar10", null, 12, SeedChoice.mean()))
        .isInstanceOf(MissingDataException.class)
        .hasMessage("no trials for (index 11, cifar10, hp 12) in sample.duckdb; this arch has cifar10/200 seeds"
            + " 777 888 999");
  }

  @Test
  void partialTrialsShowWhatExistsAndNameWhatIsMissing() throws Exception {
    // officially a missing train group or cifar10-valid x-valid raises; nb201 shows the rest with notes
    Path p = dir.resolve("partial.duckdb");
    try (StoreWriter w = StoreWriter.create(p)) {
      w.addTrial(new Trial(new TrialKey(7, "cifar10-valid", 12, 1),
          List.of(EpochMetrics.of(11, Split.TRAIN, 50, 1, 2))));
      w.addTrial(new Trial(new TrialKey(7, "cifar100", 12, 1), List.of(EpochMetrics.of(11, Split.X_TEST, 40, 1.5, 2))));
      w.commit();
    }
    try (Nb201Api partial = Nb201Api.open(p)) {
      MoreInfo c10v = partial.getMoreInfo(7, "cifar10-valid", null, 12, SeedChoice.mean());
      assertThat(c10v.values()).containsOnlyKeys("train-loss", "train-accuracy", "train-per-time", "train-all-time");
      assertThat(c10v.get("train-accuracy")).isEqualTo(50);
      assertThat(c10v.notes()).containsExactly(
          "valid (x-valid) missing at epoch 11 for seed 1 (the official API raises here)",
          "test (ori-test) missing at epoch 11 for seed 1");
      MoreInfo c100 = partial.getMoreInfo(7, "cifar100", null, 12, SeedChoice.mean());
      assertThat(c100.values()).containsOnlyKeys("test-loss", "test-accuracy", "test-per-time", "test-all-time");
      assertThat(c100.get("test-accuracy")).isEqualTo(40);
      assertThat(c100.get("test-loss")).isEqualTo(1.5);
      assertThat(c100.get("test-all-time")).isNaN(); // epochs 0..10 have no time
      assertThat(c100.notes()).containsExactly("train missing at epoch 11 for seed 1 (the official API raises here)",
          "valid (x-valid) missing at epoch 11 for seed 1", "valtest (ori-test) missing at epoch 11 for seed 1");
      assertThatThrownBy(() -> partial.getMoreInfo(7, "cifar100", 10, 12, SeedChoice.mean()))
          .isInstanceOf(MissingDataException.class)
          .hasMessage("no train accuracy for (index 7, cifar100, hp 12, seed 1, train, epoch 10)");
    }
  }

  @Test
  void unknownTimesAreNaNNotZero() throws Exception {
    Path p = dir.resolve("times.duckdb");
    try (StoreWriter w = StoreWriter.create(p)) {
      w.addTrial(new Trial(new TrialKey(7, "cifar10", 12, 1), List.of(
          EpochMetrics.of(10, Split.TRAIN, 49, 1.1, 2), EpochMetrics.of(11, Split.TRAIN, 50, 1, 2),
          EpochMetrics.of(11, Split.ORI_TEST, 40, 1.5, Double.NaN))));
      w.commit();
    }
    try (Nb201Api partial = Nb201Api.open(p)) {
      MoreInfo m = partial.getMoreInfo(7, "cifar10", null, 12, SeedChoice.random());
      assertThat(m.get("train-accuracy")).isEqualTo(50);
      assertThat(m.get("train-all-time")).isNaN();
      assertThat(m.get("test-per-time")).isNaN();
      assertThat(m.get("test-loss")).isEqualTo(1.5);
    }
  }

  @Test
  void preAveragedValuesAreUsedWhenNoSeedsExist() throws Exception {
    Path p = dir.resolve("avg.duckdb");
    try (StoreWriter w = StoreWriter.create(p)) {
      w.addTrial(new Trial(new TrialKey(3, "cifar10", 200, null), List.of(
          EpochMetrics.of(199, Split.TRAIN, 99.5, 0.01, 10), EpochMetrics.of(199, Split.ORI_TEST, 93.9, 0.3, 1))));
      w.commit();
    }
    try (Nb201Api avg = Nb201Api.open(p)) {
      MoreInfo m = avg.getMoreInfo(3, "cifar10", null, 200, SeedChoice.random());
      assertThat(m.seeds()).isEmpty();
      assertThat(m.get("test-accuracy")).isEqualTo(93.9);
      assertThat(avg.getMoreInfo(3, "cifar10", null, 200, SeedChoice.mean()).get("train-accuracy")).isEqualTo(99.5);
      assertThatThrownBy(() -> avg.getMoreInfo(3, "cifar10", null, 200, SeedChoice.fixed(777)))
          .hasMessage("no trial with seed 777 for (index 3, cifar10, hp 200); its seeds are [averaged]");
      assertThatThrownBy(() -> avg.getMoreInfo(3, "cifar10"))
          .hasMessage("hp 12 not in this store; expected one of [200] (12 is the official default hp; pass 200 for"
              + " the paper's full schedule)");
    }
  }
}
