package org.nb201.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * simulate_train_eval: the oracle of the non-weight-sharing searches (AutoDL-Projects
 * {@code exps/NAS-Bench-201-algos/R_EA.py::train_and_eval}; see docs/benchmark-data.md#simulate_train_eval).
 */
class SimulateTrainEvalTest {
  Nb201Api api;

  @BeforeEach
  void open() throws Exception {
    api = SampleApi.open();
  }

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void cifar10MeansCifar10ValidAndCostsTrainAllTimePlusValidPerTime() throws Exception {
    SimulatedResult r = api.simulateTrainEval(0, "cifar10");
    assertThat(r.seed()).isIn(111, 777);
    assertThat(r.validAccuracy()).isEqualTo(r.seed() == 111 ? 64.016 : 62.712);
    assertThat(r.timeCost()).isCloseTo(12 * 7.2211 + 2.5490, within(1e-9));
    assertThat(r.latency()).isEqualTo(0.01393598);
    assertThat(r.usedTime()).isEqualTo(r.timeCost());
    SimulatedResult r2 = api.simulateTrainEval(0, "cifar10");
    assertThat(r2.usedTime()).isCloseTo(2 * r.timeCost(), within(1e-9));
    assertThat(api.usedTime()).isEqualTo(r2.usedTime());
    SimulatedResult r3 = api.simulateTrainEval(0, "cifar10", null, 12, false);
    assertThat(r3.usedTime()).isEqualTo(r2.usedTime());
    api.resetTime();
    assertThat(api.usedTime()).isZero();
  }

  @Test
  void hp200UsesTheFinalXValidOfARandomSeed() throws Exception {
    SimulatedResult r = api.simulateTrainEval(0, "cifar100", null, 200, true);
    assertThat(r.validAccuracy()).isEqualTo(r.seed() == 777 ? 52.62 : 52.74);
    assertThat(r.timeCost()).isCloseTo(200 * 14.4422 + 0.5098, within(1e-9));
    assertThat(r.latency()).isEqualTo(0.013183);
  }

  @Test
  void fallsBackToOriTestWhenXValidIsAbsentAtThatEpoch() throws Exception {
    SimulatedResult r = api.simulateTrainEval(0, "cifar100", 100, 200, true);
    double[] valtest = {52.74, 52.85, 52.83};
    int slot = r.seed() == 777 ? 0 : r.seed() == 888 ? 1 : 2;
    assertThat(r.validAccuracy()).isCloseTo(valtest[slot] - 0.05 * 99, within(1e-9));
    assertThat(r.timeCost()).isCloseTo(101 * 14.4422 + 0.5098, within(1e-9));
  }

  @Test
  void rejectsOtherDatasetsAndReportsMissingLatency() {
    assertThatThrownBy(() -> api.simulateTrainEval(0, "cifar10-valid"))
        .hasMessage("invalid dataset 'cifar10-valid' for simulate_train_eval; expected one of cifar10, cifar100,"
            + " ImageNet16-120 (cifar10 means cifar10-valid)");
    assertThatThrownBy(() -> api.simulateTrainEval(11, "cifar10", null, 200, true))
        .isInstanceOf(MissingDataException.class)
        .hasMessageContaining("no trials for (index 11, cifar10-valid, hp 200)");
    assertThat(api.usedTime()).isZero();
  }
}
