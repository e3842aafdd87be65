package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import hw}, the device values in {@code info}, {@code query} and {@code best}, and
 * {@code pareto} / {@code pareto-search}, on the genuine NATS records of cells 0 and 11 with the
 * genuine HELP fpga and pixel3 latencies (fpga 2.57296 and 5.72496 ms; pixel3 3.6058499999999998 and
 * 18.651400000000002 ms). Cell 11 is more accurate (cifar10 ori-test 91.58333333333333 against
 * 85.86333333333334), cell 0 faster: both are on the front.
 */
class HardwareCommandsTest {
  private static final String ARCH_0 = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1"
      + "|skip_connect~2|";
  private static final String ARCH_11 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|none~0|nor_conv_3x3~1"
      + "|avg_pool_3x3~2|";

  @TempDir
  static Path dir;
  static Path store;
  static Path fpga;
  static Path pixel3;

  static Path hwLatency(String device) {
    Path p = ImportNatsCommandTest.natsSample().resolveSibling("hw-latency").resolve(device + ".pt");
    assumeTrue(Files.isRegularFile(p), p + " not present: skipping");
    return p;
  }

  @BeforeAll
  static void build() {
    store = dir.resolve("nats-hw.duckdb");
    CliRun nats = CliRun.of("import", "nats", ImportNatsCommandTest.natsSample().toString(), "--out", store.toString(),
        "--quiet");
    assertThat(nats.exitCode()).as(nats.err()).isZero();
    fpga = hwLatency("fpga");
    pixel3 = hwLatency("pixel3");
    CliRun a = CliRun.of("import", "hw", fpga.toString(), "--device", "fpga", "--store", store.toString());
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(a.lines()).startsWith("read fpga.pt (HELP per-device file): 1 table",
        "  fpga latency (ms) on cifar10             15625 cells  min 1.13296  max 8.67856");
    assertThat(a.lines()[2]).startsWith("updated " + store + " (34 trials carried over, ");
    CliRun b = CliRun.of("import", "hw", pixel3.toString(), "--device", "pixel3", "--unit", "ms", "--store",
        store.toString());
    assertThat(b.exitCode()).as(b.err()).isZero();
  }

  @Test
  void refusedImportsAreOneLineExitTwoAndLeaveTheStoreUntouched() throws Exception {
    byte[] before = Files.readAllBytes(store);
    CliRun again = CliRun.of("import", "hw", fpga.toString(), "--device", "fpga", "--store", store.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).isEqualTo("nb201: error: " + store + ": already holds fpga latency (ms) on cifar10"
        + " (15625 cells); pass --force to replace them\n");
    CliRun noDevice = CliRun.of("import", "hw", fpga.toString(), "--store", store.toString());
    assertThat(noDevice.exitCode()).isEqualTo(2);
    assertThat(noDevice.err()).isEqualTo("nb201: error: " + fpga + ": holds the values of one device, which the file"
        + " does not name; give it with --device (e.g. --device fpga for HELP's fpga.pt)\n");
    CliRun unit = CliRun.of("import", "hw", fpga.toString(), "--device", "x", "--metric", "latency", "--unit", "mJ",
        "--store", store.toString());
    assertThat(unit.exitCode()).isEqualTo(2);
    assertThat(unit.err()).isEqualTo("nb201: error: unit mJ is the unit of energy, not of latency; latency is"
        + " stored in ms\n");
    Path csv = Files.writeString(dir.resolve("bad.csv"), "index,arch,dataset,device,metric,value,unit\n"
        + "0,,cifar10,npu,latency,-1,ms\n1,,cifar10,npu,latency,x,ms\n");
    CliRun bad = CliRun.of("import", "hw", csv.toString(), "--store", store.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("nb201: bad.csv:2: value -1.0 is negative; expected a latency in ms, finite and"
        + " >= 0\nnb201: bad.csv:3: value 'x' is not a number; expected a latency in ms, finite and >= 0\n"
        + "nb201: error: 2 bad rows (listed above); nothing was written to " + store + "\n");
    assertThat(Files.readAllBytes(store)).isEqualTo(before);
  }

  @Test
  void infoListsTheDevicesAndVerifiesTheTable() {
    CliRun r = CliRun.of("info", store.toString(), "--verify");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(
        "rows        metrics 15984, trials 34, costs 8, archs 15625, hardware 31250, proxies 0, searches 0\n",
        "hardware    device          dataset         metric   unit  cells\n"
            + "            fpga            cifar10         latency    ms  15625\n"
            + "            pixel3          cifar10         latency    ms  15625\n",
        "verified    every block read");
    JsonArray hw = JsonParser.parseString(CliRun.of("info", store.toString(), "--json").out()).getAsJsonObject()
        .getAsJsonArray("hardware");
    assertThat(hw).hasSize(2);
    assertThat(hw.get(1).getAsJsonObject().get("device").getAsString()).isEqualTo("pixel3");
  }

  @Test
  void queryShowsTheDeviceValuesAfterTheOfficialKeys() {
    CliRun r = CliRun.of("query", store.toString(), "11", "--dataset", "cifar10", "--hp", "200", "--mean");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).endsWith("  test-all-time      332.1001370747887\n"
        + "  fpga_latency       5.72496 ms\n  pixel3_latency     18.651400000000002 ms\n");
    JsonObject o = JsonParser.parseString(CliRun.of("query", store.toString(), "0", "--dataset", "cifar10-valid",
        "--hp", "200", "--mean", "--json").out()).getAsJsonObject();
    assertThat(o.get("fpga_latency").getAsDouble()).isEqualTo(2.57296); // the cifar10 network
    assertThat(CliRun.of("query", store.toString(), "0", "--dataset", "cifar100", "--hp", "200", "--mean").out())
        .doesNotContain("fpga_latency");
  }

  @Test
  void bestTakesLatencyLimitsPerDevice() {
    CliRun r = CliRun.of("best", store.toString(), "--dataset", "cifar10", "--metric", "test", "--hp", "200",
        "--max-latency", "fpga=5.7");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.lines()).containsExactly("best        0  " + ARCH_0,
        "accuracy    85.86333333333334  (cifar10 ori-test, hp 200, last epoch, mean over seeds)",
        "limits      fpga latency <= 5.7 ms",
        "considered  2 architectures; 1 over the limits, 0 without costs or device values, 0 without the final value");
    CliRun both = CliRun.of("best", store.toString(), "--dataset", "cifar10", "--metric", "test", "--hp", "200",
        "--max-latency", "fpga=6", "--max-latency", "pixel3=18.651400000000002");
    assertThat(both.lines()[0]).isEqualTo("best        11  " + ARCH_11);
    CliRun unknown = CliRun.of("best", store.toString(), "--dataset", "cifar10", "--metric", "test", "--hp", "200",
        "--max-latency", "raspi4=3");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("nb201: error: the store has no raspi4 latency values for cifar10; it has"
        + " fpga latency on cifar10, pixel3 latency on cifar10\n");
    CliRun syntax = CliRun.of("best", store.toString(), "--dataset", "cifar10", "--metric", "test", "--max-latency",
        "fpga:3");
    assertThat(syntax.err()).isEqualTo("nb201: error: 'fpga:3' is not DEVICE=MS (e.g. fpga=3.5)\n");
  }

  @Test
  void paretoPrintsTheFrontItsHypervolumeAndTheReferencePoint() {
    CliRun r = CliRun.of("pareto", "--store", store.toString(), "--objectives", "test-accuracy@cifar10,latency@fpga");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] l = r.lines();
    assertThat(l[1]).isEqualTo("objectives  test-accuracy@cifar10      maximise  cifar10 ori-test accuracy, hp 200,"
        + " last epoch, mean over seeds (%)");
    assertThat(l[3]).isEqualTo("cells       2 of 15625 have every objective; cells without: test-accuracy@cifar10"
        + " 15623, latency@fpga 0");
    assertThat(l[4]).isEqualTo("front       2 cells, 2 distinct vectors (every cell sharing a front vector is listed)");
    // worst accuracy 85.86333333333334 - 1% of the range, worst fpga latency 5.72496 + 1% of the range
    double refAcc = 85.86333333333334 - 0.01 * (91.58333333333333 - 85.86333333333334);
    double refLat = 5.72496 + 0.01 * (5.72496 - 2.57296);
    assertThat(l[5]).startsWith("reference   (" + refAcc + ", " + refLat + ")  default: the worst value");
    // cell 11's strip above cell 0's accuracy, cell 0's box below cell 11's latency
    double hv = (91.58333333333333 - refAcc) * (refLat - 5.72496) + (85.86333333333334 - refAcc) * (5.72496 - 2.57296);
    assertThat(Double.parseDouble(l[6].split(" ")[1])).isCloseTo(hv, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(l[8]).startsWith("    11       91.58333333333333                 5.72496  " + ARCH_11);
    assertThat(l[9]).startsWith("     0       85.86333333333334                 2.57296  " + ARCH_0);
    assertThat(l[10]).startsWith("wall time ");

    CliRun csv = CliRun.of("pareto", "--store", store.toString(), "--objectives", "test-accuracy@cifar10,latency@fpga",
        "--csv", "--ref", "80,10");
    assertThat(csv.out()).isEqualTo("index,arch,test-accuracy@cifar10,latency@fpga\n"
        + "11," + ARCH_11 + ",91.58333333333333,5.72496\n0," + ARCH_0 + ",85.86333333333334,2.57296\n");
    JsonObject o = JsonParser.parseString(CliRun.of("pareto", "--store", store.toString(), "--objectives",
        "test-accuracy@cifar10,latency@fpga,latency@pixel3", "--ref", "80,10,20", "--json").out()).getAsJsonObject();
    // two boxes up to (80, 10, 20): 11.58333 x 4.27504 x 1.3486 and 5.86333 x 7.42704 x 16.39415, minus their overlap
    double a = (91.58333333333333 - 80) * (10 - 5.72496) * (20 - 18.651400000000002);
    double b = (85.86333333333334 - 80) * (10 - 2.57296) * (20 - 3.6058499999999998);
    double overlap = (85.86333333333334 - 80) * (10 - 5.72496) * (20 - 18.651400000000002);
    assertThat(o.get("hypervolume").getAsDouble()).isCloseTo(a + b - overlap,
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(o.getAsJsonArray("front")).hasSize(2);
    assertThat(o.get("reference_rule").getAsString()).isEqualTo("given with --ref");

    CliRun none = CliRun.of("pareto", "--store", store.toString(), "--objectives", "test-accuracy@cifar10,latency@tpu");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).startsWith("nb201: error: the store has no tpu latency values for cifar10;");
    CliRun hp = CliRun.of("pareto", "--store", store.toString(), "--objectives", "test-accuracy@cifar10,params",
        "--hp", "90");
    assertThat(hp.err()).isEqualTo("nb201: error: hp 90 not in store nats-hw.duckdb; it has hp [12, 200] (choose one"
        + " with --hp)\n");
  }

  /**
   * On the search signal (hp 12 cifar10-valid x-valid of a random seed) cell 0 beats every draw of
   * cell 11 (64.016 on seed 111, see the README), and it is also faster: every run's archive ends as
   * {0}, whose hp 200 hypervolume is 0.5025 of the true front {11, 0}'s.
   */
  @Test
  void paretoSearchScoresTheFoundSetOnTheReportObjectives() throws Exception {
    Path curves = dir.resolve("curves.csv");
    for (String alg : List.of("mo-rs", "mo-rea")) {
      CliRun r = CliRun.of("pareto-search", alg, "--store", store.toString(), "--objectives",
          "test-accuracy@cifar10,latency@fpga", "--runs", "20", "--threads", "2", "--curves", curves.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("note: the search covers 2 of 15625 cells",
          "relative hypervolume of the found set: mean 0.5025  std 0.0000  min 0.5025  max 0.5025  (20 runs)",
          "found cells per run: mean 1.0  std 0.0");
      assertThat(Files.readAllLines(curves).get(0)).isEqualTo("run,seed,step,time,relative_hypervolume,archive_cells");
      JsonObject o = JsonParser.parseString(CliRun.of("pareto-search", alg, "--store", store.toString(),
          "--objectives", "test-accuracy@cifar10,latency@fpga", "--runs", "3", "--json").out()).getAsJsonObject();
      double refAcc = 85.86333333333334 - 0.01 * (91.58333333333333 - 85.86333333333334);
      double refLat = 5.72496 + 0.01 * (5.72496 - 2.57296);
      double all = (91.58333333333333 - refAcc) * (refLat - 5.72496) + (85.86333333333334 - refAcc)
          * (5.72496 - 2.57296);
      double only0 = (85.86333333333334 - refAcc) * (refLat - 2.57296);
      assertThat(o.getAsJsonArray("per_run_relative_hypervolume")).hasSize(3).allSatisfy(x ->
          assertThat(x.getAsDouble()).isCloseTo(only0 / all, org.assertj.core.api.Assertions.within(1e-12)));
      assertThat(o.getAsJsonArray("anytime_curve")).hasSize(100);
      assertThat(o.getAsJsonObject("true_front").getAsJsonArray("front").toString()).isEqualTo("[11,0]");
    }
    CliRun two = CliRun.of("pareto-search", "mo-rea", "--store", store.toString(), "--objectives",
        "test-accuracy@cifar10,valid-accuracy@cifar100");
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).startsWith("nb201: error: multi-objective search takes exactly one accuracy or loss");
    CliRun alg = CliRun.of("pareto-search", "nsga3", "--store", store.toString(), "--objectives", "params,flops");
    assertThat(alg.err()).isEqualTo("nb201: error: unknown multi-objective algorithm 'nsga3'; expected mo-rs or"
        + " mo-rea\n");
  }
}
