package org.nb201.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.bench.store.StoreReader;
import org.nb201.bench.store.StoreWriter;
import org.nb201.space.PyRandom;
import org.nb201.space.Split;

class FinalViewTest extends SampleApiTest {

  @Test
  void holdsPerSeedFinalValuesAndTimesAsArrays() {
    FinalView v = api.finalView("cifar10-valid", 200, "x-valid");
    assertThat(v.maxSeeds()).isEqualTo(3);
    assertThat(v.epoch()).isEqualTo(199);
    assertThat(v.seedCount(0)).isEqualTo(3);
    assertThat(v.seed(0, 0)).isEqualTo(777);
    assertThat(v.accuracy(0, 0)).isEqualTo(82.092);
    assertThat(v.meanAccuracy(0)).isCloseTo(81.9827, within(5e-5));
    assertThat(v.trainAllTime(0, 2)).isCloseTo(1444.22, within(1e-9));
    assertThat(v.splitPerTime(0, 1)).isCloseTo(2.5490, within(1e-12));
    assertThat(v.seedCount(11)).isZero();
    assertThat(v.meanAccuracy(11)).isNaN();
    assertThat(v.randomSlot(11, new PyRandom(1))).isEqualTo(-1);
  }

  @Test
  void matchesGetMoreInfoForTheSameSeed() throws Exception {
    FinalView v = api.finalView("cifar100", 200, "x-test");
    for (int slot = 0; slot < 3; slot++) {
      MoreInfo m = api.getMoreInfo(0, "cifar100", null, 200, SeedChoice.fixed(v.seed(0, slot)));
      assertThat(v.accuracy(0, slot)).isEqualTo(m.get("test-accuracy"));
      assertThat(v.loss(0, slot)).isEqualTo(m.get("test-loss"));
      assertThat(v.trainAllTime(0, slot)).isEqualTo(m.get("train-all-time"));
      assertThat(v.splitPerTime(0, slot)).isEqualTo(m.get("test-per-time"));
    }
  }

  @Test
  void earlierEpochsComeFromTheFullCurves() throws Exception {
    FinalView v = FinalView.load(api.store(), "cifar100", 200, "ori-test", 100);
    assertThat(v.epoch()).isEqualTo(100);
    MoreInfo m = api.getMoreInfo(0, "cifar100", 100, 200, SeedChoice.fixed(888));
    assertThat(v.seed(0, 1)).isEqualTo(888);
    assertThat(v.accuracy(0, 1)).isEqualTo(m.get("valtest-accuracy"));
    assertThat(v.trainAllTime(0, 1)).isEqualTo(m.get("train-all-time"));
    assertThat(v.splitPerTime(0, 1)).isEqualTo(m.get("valtest-per-time"));
    FinalView xv = FinalView.load(api.store(), "cifar100", 200, "x-valid", 100);
    assertThat(xv.accuracy(0, 0)).isNaN();
    assertThat(xv.meanAccuracy(0)).isNaN();
  }

  @Test
  void holdsOneEntryPerTrialHoweverManySeedsOneCellHas(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("seeds.duckdb");
    try (StoreWriter w = StoreWriter.create(p)) {
      for (int seed = 0; seed < 3000; seed++) {
        w.addTrial(new Trial(new TrialKey(7, "cifar10", 2, seed), List.of(
            EpochMetrics.of(1, Split.TRAIN, 60, 1, 2), EpochMetrics.of(1, Split.ORI_TEST, seed % 100, 1, 0.5))));
      }
      w.addTrial(new Trial(new TrialKey(9, "cifar10", 2, 5), List.of(EpochMetrics.of(1, Split.ORI_TEST, 42, 1, 1))));
      w.commit();
    }
    try (Nb201Api a = Nb201Api.open(p)) {
      FinalView v = a.finalView("cifar10", 2, "ori-test");
      // 3,001 trials, not 15,625 x 3,000 slots
      assertThat(v.entries()).isEqualTo(3001);
      assertThat(v.maxSeeds()).isEqualTo(3000);
      assertThat(v.seedCount(7)).isEqualTo(3000);
      assertThat(v.seedCount(8)).isZero();
      assertThat(v.seed(7, 2999)).isEqualTo(2999);
      assertThat(v.accuracy(7, 1234)).isEqualTo(34);
      assertThat(v.meanAccuracy(7)).isEqualTo(49.5);
      assertThat(v.seed(9, 0)).isEqualTo(5);
      assertThat(v.accuracy(9, 0)).isEqualTo(42);
      assertThat(v.trainAllTime(9, 0)).isNaN();
    }
  }

  @Test
  void randomSlotIsPythonsRandomChoice() {
    FinalView v = api.finalView("cifar10-valid", 12, "x-valid");
    PyRandom a = new PyRandom(5);
    PyRandom b = new PyRandom(5);
    for (int k = 0; k < 20; k++) {
      assertThat(v.randomSlot(0, a)).isEqualTo(b.choiceIndex(2));
    }
    assertThat(v.seed(0, 0)).isEqualTo(111);
    assertThat(v.seed(0, 0)).isNotEqualTo(StoreReader.AVERAGED);
  }
}
