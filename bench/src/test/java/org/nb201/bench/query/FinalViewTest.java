package org.nb201.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.PyRandom;

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
