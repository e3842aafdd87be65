package org.nb201.search.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nb201.space.Split;
import org.nb201.space.Arch;

class ParetoResultTest {
  private static final List<Objective> ACC_LAT = Objective.parseList("test-accuracy@cifar10,latency@fpga");

  private static ObjectiveTable table() {
    double[] acc = new double[Arch.COUNT];
    double[] lat = new double[Arch.COUNT];
    Arrays.fill(acc, Double.NaN);
    Arrays.fill(lat, Double.NaN);
    double[][] cells = {{10, 90, 5}, {20, 80, 2}, {30, 80, 2}, {40, 70, 3}, {50, 95, 9}, {60, Double.NaN, 1}};
    for (double[] c : cells) {
      acc[(int) c[0]] = c[1];
      lat[(int) c[0]] = c[2];
    }
    return ObjectiveTable.of(ACC_LAT, 200, new double[][] {acc, lat});
  }

  @Test
  void frontAndHypervolumeMaximiseAccuracyAndMinimiseLatency() {
    ParetoResult r = ParetoResult.of(table(), null);
    assertThat(r.cells()).isEqualTo(5);
    assertThat(r.missing()).containsExactly(15_620, 15_619);
    assertThat(r.front()).extracting(ParetoResult.Point::index).containsExactly(50, 10, 20, 30);
    assertThat(r.front().get(0).values()).containsExactly(95.0, 9.0);
    assertThat(r.distinctVectors()).isEqualTo(3);
    // worst accuracy 70 - 1% of 25, worst latency 9 + 1% of 7
    assertThat(r.reference().get(0)).isCloseTo(69.75, within(1e-12));
    assertThat(r.reference().get(1)).isCloseTo(9.07, within(1e-12));
    assertThat(r.ideal()).containsExactly(95.0, 2.0);
    // strips by latency: [2,5) x (80-69.75) + [5,9) x (90-69.75) + [9,9.07) x (95-69.75)
    double hv = 3 * 10.25 + 4 * 20.25 + 0.07 * 25.25;
    assertThat(r.hypervolume()).isCloseTo(hv, within(1e-9));
    assertThat(r.normalisedHypervolume()).isCloseTo(hv / (25.25 * 7.07), within(1e-12));
    assertThat(r.outsideReference()).isZero();
    assertThat(r.referenceRule()).startsWith("default");
  }

  @Test
  void aGivenReferenceIsInTheObjectivesUnits() {
    ParetoResult r = ParetoResult.of(table(), new double[] {85, 6});
    // only (90, 5) is better than (85, 6) in both: 5 x 1
    assertThat(r.hypervolume()).isEqualTo(5.0);
    assertThat(r.outsideReference()).isEqualTo(3);
    assertThat(r.reference()).containsExactly(85.0, 6.0);
    assertThatThrownBy(() -> ParetoResult.of(table(), new double[] {1})).hasMessage(
        "--ref has 1 values for 2 objectives");
  }

  @Test
  void objectivesParseWithTheOfficialKeySemantics() {
    List<Objective> o = Objective.parseList("valid-accuracy@cifar100,latency@pixel3,energy@edgegpu/cifar10,params,"
        + "flops@ImageNet16-120,test-loss@cifar10-valid");
    assertThat(o.get(0).split()).isEqualTo(Split.X_VALID);
    assertThat(o.get(0).sense()).isEqualTo("maximise");
    assertThat(o.get(1).dataset()).isEqualTo("cifar100");
    assertThat(o.get(1).qualifier()).isEqualTo("pixel3");
    assertThat(o.get(2).dataset()).isEqualTo("cifar10");
    assertThat(o.get(3).dataset()).isEqualTo("cifar100");
    assertThat(o.get(3).unit()).isEqualTo("M");
    assertThat(o.get(4).dataset()).isEqualTo("ImageNet16-120");
    assertThat(o.get(5).split()).isEqualTo(Split.ORI_TEST);
    assertThat(o.get(5).sense()).isEqualTo("minimise");
    assertThat(Objective.parse("test-accuracy@cifar100", "x").split()).isEqualTo(Split.X_TEST);
    assertThat(Objective.parse("test-accuracy@cifar10", "x").describe(200))
        .isEqualTo("cifar10 ori-test accuracy, hp 200, last epoch, mean over seeds");
    assertThatThrownBy(() -> Objective.parseList("test-accuracy@cifar10")).hasMessage(
        "a Pareto front needs at least two objectives, got 1; e.g. test-accuracy@cifar10,latency@fpga");
    assertThatThrownBy(() -> Objective.parseList("params,params")).hasMessage("objective 'params' is given twice");
    assertThatThrownBy(() -> Objective.parse("speed", "cifar10")).hasMessageStartingWith("unknown objective 'speed'");
    assertThatThrownBy(() -> Objective.parse("latency", "cifar10")).hasMessage(
        "objective 'latency' needs a device: latency@DEVICE, e.g. latency@fpga");
    assertThatThrownBy(() -> Objective.parse("valtest-accuracy@cifar10", "cifar10")).hasMessage(
        "get_more_info has no valtest-* keys on cifar10; on cifar10 use train-accuracy@cifar10,"
            + " valid-accuracy@cifar10, test-accuracy@cifar10");
    assertThatThrownBy(() -> Objective.parse("test-accuracy@cifar-10", "cifar10"))
        .hasMessageStartingWith("unknown dataset 'cifar-10'");
  }
}
