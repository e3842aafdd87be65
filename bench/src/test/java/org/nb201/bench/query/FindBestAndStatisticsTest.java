package org.nb201.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.CostRecord;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.bench.store.StoreWriter;
import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;

class FindBestAndStatisticsTest extends SampleApiTest {
  @TempDir
  Path dir;


  @Test
  void findBestRemapsNamesAndAveragesSeeds() {
    BestResult best = api.findBest("cifar10", "test", null, null, 200);
    assertThat(best.index()).isEqualTo(11);
    assertThat(best.accuracy()).isCloseTo(91.5833, within(5e-5));
    assertThat(best.candidates()).isEqualTo(2);
    BestResult valid = api.findBest("cifar10", "valid", null, null, 200);
    assertThat(valid.index()).isZero();
    assertThat(valid.accuracy()).isCloseTo(81.9827, within(5e-5));
    assertThat(api.findBest("cifar100", "test", null, null, 200).accuracy()).isCloseTo(52.9133, within(5e-5));
    assertThat(api.findBest("ImageNet16-120", "valid", null, null, 200).accuracy()).isCloseTo(28.2111, within(5e-5));
    assertThat(api.findBest("cifar100", "ori-test", null, null, 200).accuracy()).isCloseTo(52.8067, within(5e-5));
  }

  @Test
  void findBestHonoursFlopAndParamLimitsInclusively() {
    BestResult small = api.findBest("cifar10", "test", 100.0, null, 200);
    assertThat(small.index()).isZero();
    assertThat(small.accuracy()).isCloseTo(85.8633, within(5e-5));
    assertThat(small.overLimit()).isEqualTo(1);
    assertThat(api.findBest("cifar10", "test", 15.64737, 0.129306, 200).index()).isZero();
    BestResult none = api.findBest("cifar10", "test", 10.0, null, 200);
    assertThat(none.index()).isEqualTo(-1);
    assertThat(none.accuracy()).isNaN();
    assertThat(none.overLimit()).isEqualTo(2);
  }

  @Test
  void findBestDefaultsToHp12() {
    BestResult b = api.findBest("cifar10", "test");
    assertThat(b.index()).isZero();
    assertThat(b.accuracy()).isEqualTo(69.55);
    assertThat(b.candidates()).isEqualTo(1);
  }

  @Test
  void findBestKeepsTheLowestIndexOnTiesAndCountsMissingData() throws Exception {
    Path p = dir.resolve("ties.duckdb");
    try (StoreWriter w = StoreWriter.create(p)) {
      for (int i : new int[] {3, 9, 12}) {
        w.addTrial(new Trial(new TrialKey(i, "cifar10", 12, 1),
            List.of(EpochMetrics.of(11, Split.ORI_TEST, 90, 1, 1))));
      }
      w.addTrial(new Trial(new TrialKey(20, "cifar10", 12, 1), List.of(EpochMetrics.of(10, Split.ORI_TEST, 99, 1, 1))));
      w.addCost(new CostRecord(3, "cifar10", 1, 1, 1));
      w.commit();
    }
    try (Nb201Api t = Nb201Api.open(p)) {
      BestResult b = t.findBest("cifar10", "test", null, null, 12);
      assertThat(b).isEqualTo(new BestResult(3, 90.0, 4, 0, 0, 1));
      BestResult limited = t.findBest("cifar10", "test", 5.0, null, 12);
      assertThat(limited).isEqualTo(new BestResult(3, 90.0, 4, 0, 3, 0));
    }
  }

  @Test
  void findBestRejectsUnknownSets() {
    assertThatThrownBy(() -> api.findBest("cifar10", "validation"))
        .hasMessage("unknown set 'validation' for dataset cifar10; expected one of train, valid, test, x-valid, x-test,"
            + " ori-test");
    // the list names only what this dataset accepts: test has no meaning for cifar10-valid
    assertThatThrownBy(() -> api.findBest("cifar10-valid", "test"))
        .hasMessage("unknown set 'test' for dataset cifar10-valid; expected one of train, valid, x-valid, x-test,"
            + " ori-test");
    assertThatThrownBy(() -> api.findBest("fashion-mnist", "test"))
        .hasMessage("unknown set 'test' for dataset fashion-mnist; expected one of train, valid, x-valid, x-test,"
            + " ori-test");
  }

  @Test
  void findBestRefusesANaNLimit() {
    assertThatThrownBy(() -> api.findBest("cifar10", "test", Double.NaN, null, 200))
        .hasMessage("flopMax is NaN; expected a limit in millions, or null for none");
    assertThatThrownBy(() -> api.findBest("cifar10", "test", null, Double.NaN, 200))
        .hasMessage("paramMax is NaN; expected a limit in millions, or null for none");
  }

  @Test
  void statisticsCountsArchsPerNumberOfSeeds() {
    assertThat(api.statistics("cifar10", 200)).isEqualTo(Map.of(3, 2));
    assertThat(api.statistics("cifar100", 200)).isEqualTo(Map.of(0, 1, 3, 1));
    assertThat(api.statistics("cifar10-valid", 12)).isEqualTo(Map.of(2, 1));
    assertThatThrownBy(() -> api.statistics("imagenet", 12)).hasMessageStartingWith("unknown dataset 'imagenet'");
  }

  @Test
  void queryIndexByArchFollowsTheOfficialRules() {
    String arch0 = SearchSpace.official().arch(0).toString();
    assertThat(api.queryIndexByArch(arch0)).isZero();
    assertThat(api.queryIndexByArch(" " + arch0)).isEqualTo(-1);
    assertThat(api.queryIndexByArch("resnet")).isEqualTo(-1);
    assertThat(api.queryIndexByArch(11472)).isEqualTo(11472);
    assertThat(api.queryIndexByArch(Arch.uniform(Op.NONE))).isEqualTo(1651);
    assertThatThrownBy(() -> api.queryIndexByArch(15625)).hasMessage("index 15625 out of range, expected 0..15624");
    assertThat(api.size()).isEqualTo(Arch.COUNT);
    assertThat(api.arch(11472))
        .isEqualTo("|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|");
    assertThat(api.hps()).containsExactly(12, 200);
    assertThat(api.seeds(0, "cifar10-valid", 12)).containsExactly(111, 777);
  }
}
