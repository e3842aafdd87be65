package org.nb201.bench.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nb201.bench.CostRecord;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.SharedData;
import org.nb201.bench.StoreSink;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.space.Split;

/**
 * Exact values of the shipped NATS records of architectures 0 and 11 (NATS-Bench
 * {@code fake_torch_dir/NATS-tss-v1_0-3ffb9-simple/000000.pickle.pbz2} and {@code 000011.pickle.pbz2}):
 * evaluation sets per epoch, pseudo-times, costs and accuracies as docs/benchmark-data.md describes them
 * (#evaluation-sets-per-epoch, #time-model, #accuracy-semantics) and docs/search-space.md#flops-and-params.
 */
class NatsArchReaderTest {
  private static NatsArchRecord arch0;
  private static NatsArchRecord arch11;

  @BeforeAll
  static void read() throws IOException {
    NatsArchive archive = new NatsArchive(SharedData.natsSample());
    arch0 = archive.readArch(0);
    arch11 = archive.readArch(11);
  }

  private static Trial trial(NatsArchRecord r, String dataset, int hp, int seed) {
    TrialKey key = new TrialKey(r.index(), dataset, hp, seed);
    return r.trials().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
  }

  private static Optional<EpochMetrics> at(Trial t, Split split, int epoch) {
    return t.metrics().stream().filter(m -> m.split() == split && m.epoch() == epoch).findFirst();
  }

  private static double acc(NatsArchRecord r, String dataset, int hp, int seed, Split split, int epoch) {
    return at(trial(r, dataset, hp, seed), split, epoch).orElseThrow().accuracy();
  }

  @Test
  void readsIndexAndOfficialArchString() {
    assertThat(arch0.index()).isZero();
    assertThat(arch0.archString()).isEqualTo(
        "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|");
    assertThat(arch11.archString()).isEqualTo(
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|none~0|nor_conv_3x3~1|avg_pool_3x3~2|");
  }

  @Test
  void hasTheSeedsOfEachHp() {
    Map<String, List<Integer>> seeds = new TreeMap<>();
    for (Trial t : arch0.trials()) {
      seeds.computeIfAbsent(t.key().hp() + " " + t.key().dataset(), k -> new ArrayList<>()).add(t.key().seed());
    }
    assertThat(seeds).containsExactlyInAnyOrderEntriesOf(Map.of(
        "12 cifar10-valid", List.of(111, 777), "12 cifar10", List.of(111), "12 cifar100", List.of(111),
        "12 ImageNet16-120", List.of(111), "200 cifar10-valid", List.of(777, 888, 999),
        "200 cifar10", List.of(777, 888, 999), "200 cifar100", List.of(777, 888, 999),
        "200 ImageNet16-120", List.of(777, 888, 999)));
    assertThat(arch0.trials().get(0).key()).isEqualTo(new TrialKey(0, "cifar10-valid", 12, 111));
  }

  @Test
  void singleSeedAccuraciesMatchTheDocs() {
    // The stored doubles carry float32 noise; docs/benchmark-data.md#accuracy-semantics quotes them to 3 decimals.
    assertThat(acc(arch0, "cifar10-valid", 200, 777, Split.X_VALID, 199)).isEqualTo(82.09199998291015)
        .isCloseTo(82.092, within(1e-6));
    assertThat(acc(arch0, "cifar10-valid", 12, 777, Split.X_VALID, 11)).isEqualTo(62.71199997802734)
        .isCloseTo(62.712, within(1e-6));
    assertThat(acc(arch0, "cifar10-valid", 12, 111, Split.X_VALID, 11)).isEqualTo(64.01599998291016)
        .isCloseTo(64.016, within(1e-6));
    assertThat(acc(arch0, "cifar10", 200, 777, Split.ORI_TEST, 199)).isEqualTo(85.62);
    assertThat(acc(arch0, "cifar10", 200, 888, Split.ORI_TEST, 199)).isEqualTo(86.18);
    assertThat(acc(arch0, "cifar10", 200, 999, Split.ORI_TEST, 199)).isEqualTo(85.79);
    assertThat(acc(arch0, "cifar10", 12, 111, Split.ORI_TEST, 11)).isEqualTo(69.55);
    double arch11Mean = (acc(arch11, "cifar10", 200, 777, Split.ORI_TEST, 199)
        + acc(arch11, "cifar10", 200, 888, Split.ORI_TEST, 199)
        + acc(arch11, "cifar10", 200, 999, Split.ORI_TEST, 199)) / 3;
    assertThat(arch11Mean).isCloseTo(91.5833, within(1e-4));
  }

  @Test
  void seedMeansMatchTheDocsTable() {
    double valid = 0;
    double test = 0;
    for (int seed : new int[] {777, 888, 999}) {
      valid += acc(arch0, "cifar10-valid", 200, seed, Split.X_VALID, 199) / 3;
      test += acc(arch0, "cifar100", 200, seed, Split.X_TEST, 199) / 3;
    }
    assertThat(valid).isCloseTo(81.9827, within(1e-4));
    assertThat(test).isCloseTo(52.9133, within(1e-4));
  }

  @Test
  void evaluationSetsArePresentOnlyWhereRecorded() {
    Trial c100 = trial(arch0, "cifar100", 200, 777);
    assertThat(at(c100, Split.X_VALID, 199).orElseThrow().accuracy()).isNotNaN();
    assertThat(at(c100, Split.X_VALID, 198).orElseThrow().accuracy()).isNaN();
    assertThat(at(c100, Split.X_VALID, 198).orElseThrow().time()).isCloseTo(0.5098, within(1e-4));
    assertThat(at(c100, Split.ORI_TEST, 0).orElseThrow().accuracy()).isNotNaN();

    Trial c10valid = trial(arch0, "cifar10-valid", 200, 777);
    assertThat(at(c10valid, Split.ORI_TEST, 199).orElseThrow().accuracy()).isEqualTo(81.52);
    assertThat(at(c10valid, Split.ORI_TEST, 5).orElseThrow().accuracy()).isNaN();
    assertThat(at(c10valid, Split.X_TEST, 199)).isEmpty();
    assertThat(at(c10valid, Split.X_VALID, 0).orElseThrow().accuracy()).isNotNaN();
    assertThat(at(trial(arch0, "cifar10", 200, 777), Split.X_VALID, 199)).isEmpty();

    Trial c10valid12 = trial(arch0, "cifar10-valid", 12, 777);
    for (int e = 0; e < 12; e++) {
      assertThat(at(c10valid12, Split.ORI_TEST, e).orElseThrow().accuracy()).isNotNaN();
    }
    assertThat(c10valid12.metrics()).hasSize(3 * 12);
    assertThat(c10valid.metrics()).hasSize(3 * 200);
    assertThat(trial(arch0, "ImageNet16-120", 200, 888).metrics()).hasSize(4 * 200);
  }

  @Test
  void topFiveIsRecordedOnlyForTheTwelveEpochSchedule() {
    assertThat(at(trial(arch0, "cifar10-valid", 12, 777), Split.TRAIN, 11).orElseThrow().top5())
        .isEqualTo(97.11600000976563);
    assertThat(at(trial(arch0, "cifar10-valid", 200, 777), Split.TRAIN, 199).orElseThrow().top5()).isNaN();
    EpochMetrics train = at(trial(arch0, "cifar10-valid", 200, 777), Split.TRAIN, 199).orElseThrow();
    assertThat(train.accuracy()).isEqualTo(89.00400000488281);
    assertThat(train.loss()).isEqualTo(0.3192037912273407);
  }

  @Test
  void pseudoTimesMatchTheTimeModel() {
    assertThat(at(trial(arch0, "cifar10-valid", 200, 777), Split.TRAIN, 0).orElseThrow().time())
        .isCloseTo(7.2211, within(1e-4));
    assertThat(at(trial(arch0, "cifar10", 200, 888), Split.TRAIN, 100).orElseThrow().time())
        .isCloseTo(14.4422, within(1e-4));
    assertThat(at(trial(arch0, "cifar100", 200, 999), Split.TRAIN, 3).orElseThrow().time())
        .isCloseTo(14.4422, within(1e-4));
    assertThat(at(trial(arch0, "ImageNet16-120", 200, 777), Split.TRAIN, 0).orElseThrow().time())
        .isCloseTo(43.8176, within(1e-4));
    Trial c10valid = trial(arch0, "cifar10-valid", 200, 777);
    assertThat(at(c10valid, Split.X_VALID, 7).orElseThrow().time()).isCloseTo(2.5490, within(1e-4));
    assertThat(at(c10valid, Split.ORI_TEST, 7).orElseThrow().time()).isCloseTo(1.0196, within(1e-4));
    Trial in16 = trial(arch0, "ImageNet16-120", 200, 777);
    assertThat(at(in16, Split.X_VALID, 0).orElseThrow().time()).isCloseTo(0.3059, within(1e-4));
    assertThat(at(in16, Split.ORI_TEST, 0).orElseThrow().time()).isCloseTo(0.6118, within(1e-4));
  }

  @Test
  void costsFollowTheOfficialRules() {
    assertThat(arch0.costs()).extracting(CostRecord::dataset)
        .containsExactly("cifar10-valid", "cifar10", "cifar100", "ImageNet16-120");
    CostRecord c10 = arch0.costs().get(1);
    assertThat(c10.flops()).isEqualTo(15.64737);
    assertThat(c10.params()).isEqualTo(0.129306);
    assertThat(c10.latency()).isCloseTo(0.01393598, within(1e-8));
    assertThat(arch0.costs().get(2)).isEqualTo(new CostRecord(0, "cifar100", 15.65322, 0.135156, 0.013182918230692545));
    assertThat(arch0.costs().get(3).flops()).isEqualTo(3.91948);
    assertThat(arch0.costs().get(3).params()).isEqualTo(0.136456);
    assertThat(arch11.costs().get(1).flops()).isEqualTo(113.95137);
    assertThat(arch11.costs().get(1).params()).isEqualTo(0.802426);
  }

  @Test
  void emitHandsEveryTrialAndCostToTheSink() {
    List<Trial> trials = new ArrayList<>();
    List<CostRecord> costs = new ArrayList<>();
    NatsArchReader.emit(arch11, new StoreSink() {
      @Override
      public void addTrial(Trial trial) {
        trials.add(trial);
      }

      @Override
      public void addCost(CostRecord cost) {
        costs.add(cost);
      }
    });

    assertThat(trials).hasSize(17).isEqualTo(arch11.trials());
    assertThat(costs).hasSize(4).allMatch(c -> c.index() == 11);
  }
}
