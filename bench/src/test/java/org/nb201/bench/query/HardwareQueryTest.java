package org.nb201.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.SharedData;
import org.nb201.bench.hardware.HardwareFile;
import org.nb201.bench.hardware.HardwareSelection;
import org.nb201.space.provenance.Provenance;

/**
 * Device values in the query API: the genuine NATS records of cells 0 and 11 with the genuine HELP
 * fpga and pixel3 latencies (fpga: 2.57296 and 5.72496 ms; pixel3: 3.6058499999999998 and
 * 18.651400000000002 ms, as Python reads the files).
 */
class HardwareQueryTest {
  @TempDir
  static Path dir;
  static Nb201Api api;

  @BeforeAll
  static void build() throws Exception {
    Path store = NatsSampleQueryTest.writeSample(dir.resolve("nats-hw.duckdb"), w -> {
      for (String device : List.of("fpga", "pixel3")) {
        Path file = SharedData.require("data/hw-latency/" + device + ".pt");
        w.addProvenance(Provenance.ofFile(file, Map.of()));
        w.addHardware(HardwareFile.read(file, HardwareSelection.of(device, null, null, null)).tables().get(0));
      }
    });
    api = Nb201Api.open(store, 0);
  }

  @AfterAll
  static void close() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void getCostInfoEndsWithTheDeviceValuesNamedAsInHwNasBench() throws Exception {
    CostInfo c = api.getCostInfo(0, "cifar10", 200);
    assertThat(c.values().keySet()).startsWith("flops", "params", "latency").endsWith("fpga_latency",
        "pixel3_latency");
    assertThat(c.get("flops")).isEqualTo(15.64737);
    assertThat(c.get("fpga_latency")).isEqualTo(2.57296);
    assertThat(c.get("pixel3_latency")).isEqualTo(3.6058499999999998);
    // cifar10-valid trains the cifar10 network: the measurements answer for it too
    assertThat(api.getCostInfo(11, "cifar10-valid", 200).get("fpga_latency")).isEqualTo(5.72496);
    assertThat(api.getCostInfo(11, "cifar100", 200).values()).doesNotContainKey("fpga_latency");
    assertThat(api.getHardwareInfo(11, "cifar10")).isEqualTo(Map.of("fpga_latency", 5.72496, "pixel3_latency",
        18.651400000000002));
    assertThat(api.getHardwareInfo(11, "ImageNet16-120")).isEmpty();
    assertThat(api.hardwareSets()).extracting(s -> s.device() + "/" + s.dataset() + "/" + s.cells())
        .containsExactly("fpga/cifar10/15625", "pixel3/cifar10/15625");
  }

  @Test
  void findBestHonoursDeviceLimitsInclusively() {
    BestResult free = api.findBest("cifar10", "test", null, null, 200, List.of());
    assertThat(free.index()).isEqualTo(11);
    BestResult tight = api.findBest("cifar10", "test", null, null, 200, List.of(HardwareLimit.parse("latency",
        "fpga=5.7")));
    assertThat(tight.index()).isZero();
    assertThat(tight.overLimit()).isEqualTo(1);
    BestResult exact = api.findBest("cifar10", "valid", null, null, 200, List.of(HardwareLimit.parse("latency",
        "fpga=5.72496"), HardwareLimit.parse("latency", "pixel3=18.651400000000002")));
    assertThat(exact.index()).isEqualTo(11);
    BestResult none = api.findBest("cifar10", "test", null, null, 200, List.of(HardwareLimit.parse("latency",
        "pixel3=1")));
    assertThat(none.index()).isEqualTo(-1);
    assertThat(none.overLimit()).isEqualTo(2);
    assertThatThrownBy(() -> api.findBest("cifar10", "test", null, null, 200,
        List.of(HardwareLimit.parse("energy", "fpga=1"))))
        .hasMessage("the store has no fpga energy values for cifar10; it has fpga latency on cifar10, pixel3 latency"
            + " on cifar10");
    assertThatThrownBy(() -> HardwareLimit.parse("latency", "fpga")).hasMessage(
        "'fpga' is not DEVICE=MS (e.g. fpga=3.5)");
    assertThatThrownBy(() -> HardwareLimit.parse("latency", "fpga=fast")).hasMessage(
        "the latency limit in 'fpga=fast' is not a number; expected DEVICE=MS (e.g. fpga=3.5)");
    assertThatThrownBy(() -> HardwareLimit.parse("latency", "fpga=-1")).hasMessage(
        "the latency limit of fpga must be a number >= 0, got -1.0");
  }
}
