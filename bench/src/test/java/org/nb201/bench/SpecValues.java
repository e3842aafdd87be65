package org.nb201.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.nats.NatsArchRecord;
import org.nb201.bench.query.MoreInfo;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.query.SeedChoice;
import org.nb201.space.Split;

/**
 * The official values of archs 0 and 11, checked through the query API on a store holding their
 * genuine records (however they were imported): one place for these numbers. They are what NATS-Bench
 * {@code nats_bench/api_topology.py::NATStopology.get_more_info(..., hp='200', is_random=False)} returns for
 * NATS-Bench {@code fake_torch_dir/NATS-tss-v1_0-3ffb9-simple/000000.pickle.pbz2} and {@code 000011.pickle.pbz2}
 * (docs/benchmark-data.md#accuracy-semantics); the times are
 * the pseudo-times of AutoDL-Projects {@code exps/NATS-Bench/tss-collect.py::correct_time_related_info}
 * (docs/benchmark-data.md#time-model).
 */
public final class SpecValues {
  private SpecValues() {
  }

  public static MoreInfo mean(Nb201Api api, int index, String dataset, int hp) throws Exception {
    return api.getMoreInfo(index, dataset, null, hp, SeedChoice.mean());
  }

  public static MoreInfo seed(Nb201Api api, int index, String dataset, int hp, int seed) throws Exception {
    return api.getMoreInfo(index, dataset, null, hp, SeedChoice.fixed(seed));
  }

  /** Every accuracy of the two sample records plus their time fields (a store with all of archs 0 and 11). */
  public static void assertAll(Path store) throws Exception {
    try (Nb201Api api = Nb201Api.open(store)) {
      assertAll(api);
    }
  }

  /** {@link #assertAll(Path)} on an already open API. */
  public static void assertAll(Nb201Api api) throws Exception {
    MoreInfo c10v = mean(api, 0, "cifar10-valid", 200);
    assertThat(c10v.get("train-accuracy")).isCloseTo(88.9187, within(5e-5));
    assertThat(c10v.get("valid-accuracy")).isCloseTo(81.9827, within(5e-5));
    assertThat(c10v.get("test-accuracy")).isCloseTo(81.52, within(5e-5));
    assertThat(c10v.get("train-per-time")).isCloseTo(7.2211, within(5e-5));
    assertThat(c10v.get("train-all-time")).isCloseTo(200 * 7.221092998981476, within(1e-9));
    assertThat(c10v.get("valid-per-time")).isCloseTo(2.5490, within(5e-5));
    assertThat(c10v.get("test-per-time")).isCloseTo(1.0196, within(5e-5));
    MoreInfo c10 = mean(api, 0, "cifar10", 200);
    assertThat(c10.get("train-accuracy")).isCloseTo(90.6687, within(5e-5));
    assertThat(c10.get("test-accuracy")).isCloseTo(85.8633, within(5e-5));
    assertThat(c10.get("train-per-time")).isCloseTo(14.4422, within(5e-5));
    assertCifar100(api);
    MoreInfo in16 = mean(api, 0, "ImageNet16-120", 200);
    assertThat(in16.get("train-accuracy")).isCloseTo(28.1351, within(5e-5));
    assertThat(in16.get("valid-accuracy")).isCloseTo(28.2111, within(5e-5));
    assertThat(in16.get("test-accuracy")).isCloseTo(26.6333, within(5e-5));
    assertThat(in16.get("valtest-accuracy")).isCloseTo(27.4222, within(5e-5));
    assertThat(in16.get("train-per-time")).isCloseTo(43.8176, within(5e-5));
    assertThat(in16.get("valid-per-time")).isCloseTo(0.3059, within(5e-5));
    assertThat(in16.get("valtest-per-time")).isCloseTo(0.6118, within(5e-5));
    assertArch11(api);
    assertThat(seed(api, 0, "cifar10-valid", 200, 777).get("valid-accuracy")).isCloseTo(82.092, within(1e-6));
    assertThat(seed(api, 0, "cifar10", 200, 777).get("test-accuracy")).isCloseTo(85.62, within(1e-6));
    assertThat(seed(api, 0, "cifar10", 200, 888).get("test-accuracy")).isCloseTo(86.18, within(1e-6));
    assertThat(seed(api, 0, "cifar10", 200, 999).get("test-accuracy")).isCloseTo(85.79, within(1e-6));
    assertHp12(api);
    assertThat(api.getLatency(0, "cifar10", 200)).isCloseTo(0.01393598, within(1e-8));
  }

  public static void assertCifar100(Nb201Api api) throws Exception {
    MoreInfo c100 = mean(api, 0, "cifar100", 200);
    assertThat(c100.get("train-accuracy")).isCloseTo(57.73, within(5e-5));
    assertThat(c100.get("valid-accuracy")).isCloseTo(52.70, within(5e-5));
    assertThat(c100.get("test-accuracy")).isCloseTo(52.9133, within(5e-5));
    assertThat(c100.get("valtest-accuracy")).isCloseTo(52.8067, within(5e-5));
    assertThat(c100.get("valid-per-time")).isCloseTo(0.5098, within(5e-5));
    assertThat(c100.seeds()).containsExactly(777, 888, 999);
  }

  public static void assertArch11(Nb201Api api) throws Exception {
    MoreInfo a11 = mean(api, 11, "cifar10", 200);
    assertThat(a11.get("train-accuracy")).isCloseTo(99.5473, within(5e-5));
    assertThat(a11.get("test-accuracy")).isCloseTo(91.5833, within(5e-5));
  }

  public static void assertHp12(Nb201Api api) throws Exception {
    assertThat(seed(api, 0, "cifar10-valid", 12, 777).get("valid-accuracy")).isCloseTo(62.712, within(1e-6));
    assertThat(seed(api, 0, "cifar10-valid", 12, 111).get("valid-accuracy")).isCloseTo(64.016, within(1e-6));
    assertThat(seed(api, 0, "cifar10", 12, 111).get("test-accuracy")).isCloseTo(69.55, within(1e-6));
  }

  /**
   * Every (dataset, hp, seed) trial of {@code records} against the store: the final-epoch train
   * accuracy and loss and the summed train time, as the official API computes them.
   */
  public static void assertMatchesRecords(Path store, List<NatsArchRecord> records) throws Exception {
    try (Nb201Api api = Nb201Api.open(store)) {
      int checked = 0;
      for (NatsArchRecord r : records) {
        for (Trial t : r.trials()) {
          int last = t.key().hp() - 1;
          MoreInfo m = seed(api, r.index(), t.key().dataset(), t.key().hp(), t.key().seed());
          double time = 0;
          EpochMetrics lastTrain = null;
          for (EpochMetrics e : t.metrics()) {
            if (e.split() == Split.TRAIN) {
              time += e.time();
              lastTrain = e.epoch() == last ? e : lastTrain;
            }
          }
          assertThat(lastTrain).as("trial %s has a last train epoch", t.key()).isNotNull();
          assertThat(m.get("train-accuracy")).as("%s", t.key()).isEqualTo(lastTrain.accuracy());
          assertThat(m.get("train-loss")).as("%s", t.key()).isEqualTo(lastTrain.loss());
          if (Double.isNaN(time)) {
            assertThat(m.get("train-all-time")).isNaN();
          } else {
            assertThat(m.get("train-all-time")).as("%s", t.key()).isCloseTo(time, within(1e-9));
          }
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(0);
    }
  }
}
