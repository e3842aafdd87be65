package org.nb201.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.SharedData;
import org.nb201.bench.SpecValues;
import org.nb201.bench.nats.NatsArchive;
import org.nb201.bench.store.StoreWriter;
import org.nb201.space.provenance.Provenance;

/**
 * The genuine NATS-Bench records of architectures 0 and 11 ({@code ../shared/data/nats-tss-sample}),
 * imported directly into a store and queried through the official API: every value of {@link SpecValues}
 * (docs/benchmark-data.md#accuracy-semantics).
 * Skipped when {@code ../shared} is absent.
 */
class NatsSampleQueryTest {
  @TempDir
  static Path dir;
  static Nb201Api api;

  @BeforeAll
  static void importSample() throws Exception {
    api = Nb201Api.open(writeSample(dir.resolve("nats.duckdb"), w -> { }), 0);
  }

  /** What a test adds to the sample store before it is committed. */
  @FunctionalInterface
  interface Extra {
    void addTo(StoreWriter w) throws Exception;
  }

  /** Writes cells 0 and 11 of the shared sample, then {@code extra}, into a new store at {@code store}. */
  static Path writeSample(Path store, Extra extra) throws Exception {
    NatsArchive archive = new NatsArchive(SharedData.natsSample());
    try (StoreWriter w = StoreWriter.create(store)) {
      for (int index : new int[] {0, 11}) {
        w.addProvenance(Provenance.ofFile(archive.archFile(index), Map.of("importer", "nats")));
        archive.importArch(index, w);
      }
      extra.addTo(w);
      w.commit();
    }
    return store;
  }

  @AfterAll
  static void close() {
    if (api != null) {
      api.close();
    }
  }

  private static MoreInfo mean(int index, String dataset) throws MissingDataException {
    return api.getMoreInfo(index, dataset, null, 200, SeedChoice.mean());
  }

  @Test
  void everyOfficialSampleValue() throws Exception {
    SpecValues.assertAll(api);
  }

  @Test
  void setsADatasetDoesNotHaveAreOmitted() throws Exception {
    assertThat(mean(0, "cifar10-valid").has("valtest-accuracy")).isFalse();
    assertThat(mean(0, "cifar10").has("valid-accuracy")).isFalse();
  }

  @Test
  void seedsPerHpAreTheOfficialOnes() {
    assertThat(api.seeds(0, "cifar10-valid", 12)).containsExactly(111, 777);
    assertThat(api.seeds(0, "cifar100", 12)).containsExactly(111);
    assertThat(api.seeds(0, "ImageNet16-120", 200)).containsExactly(777, 888, 999);
    assertThat(api.statistics("cifar10", 200)).containsEntry(3, 2);
  }

  @Test
  void setsEvaluatedOnlyAtTheEndAreOmittedEarlier() throws Exception {
    MoreInfo c100 = api.getMoreInfo(0, "cifar100", 100, 200, SeedChoice.mean());
    assertThat(c100.has("valid-accuracy")).isFalse();
    assertThat(c100.has("test-accuracy")).isFalse();
    assertThat(c100.has("valtest-accuracy")).isTrue();
    MoreInfo c10v = api.getMoreInfo(0, "cifar10-valid", 100, 200, SeedChoice.mean());
    assertThat(c10v.has("valid-accuracy")).isTrue();
    assertThat(c10v.has("test-accuracy")).isFalse();
    MoreInfo hp12 = api.getMoreInfo(0, "cifar100", 5, 12, SeedChoice.mean());
    assertThat(hp12.values()).containsKeys("valid-accuracy", "test-accuracy", "valtest-accuracy");
  }

  @Test
  void pseudoTimesCostsAndLatency() throws Exception {
    assertThat(mean(0, "cifar10-valid").get("train-per-time")).isCloseTo(7.2211, within(5e-5));
    assertThat(mean(0, "cifar10").get("train-per-time")).isCloseTo(14.4422, within(5e-5));
    assertThat(mean(0, "ImageNet16-120").get("train-per-time")).isCloseTo(43.8176, within(5e-5));
    assertThat(mean(0, "cifar10-valid").get("valid-per-time")).isCloseTo(2.5490, within(5e-5));
    assertThat(mean(0, "cifar100").get("valtest-per-time")).isCloseTo(1.0196, within(5e-5));
    CostInfo c = api.getCostInfo(0, "cifar10-valid", 200);
    assertThat(c.get("flops")).isCloseTo(15.64737, within(1e-9));
    assertThat(c.get("params")).isCloseTo(0.129306, within(1e-9));
    assertThat(c.get("latency")).isCloseTo(0.01393598, within(1e-8));
    assertThat(api.getLatency(0, "cifar100", 200)).isCloseTo(0.013183, within(1e-6));
    assertThat(api.getLatency(0, "ImageNet16-120", 200)).isCloseTo(0.012977, within(1e-6));
    assertThat(api.getCostInfo(11, "cifar10", 200).get("flops")).isCloseTo(113.95137, within(1e-9));
  }

  @Test
  void findBestOverTheTwoArchitectures() {
    BestResult b = api.findBest("cifar10", "test", null, null, 200);
    assertThat(b.index()).isEqualTo(11);
    assertThat(b.accuracy()).isCloseTo(91.5833, within(5e-5));
    assertThat(api.findBest("cifar10", "test", 100.0, null, 200).index()).isZero();
  }
}
