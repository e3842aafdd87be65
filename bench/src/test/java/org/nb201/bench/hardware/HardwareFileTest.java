package org.nb201.bench.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.SharedData;
import org.nb201.bench.store.CsvImportException;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/** The three hardware formats: genuine HELP files, HW-NAS-Bench-shaped pickles, tidy CSV, and what they refuse. */
class HardwareFileTest {
  @TempDir
  Path dir;

  private static HardwareSelection device(String d) {
    return HardwareSelection.of(d, null, null, null);
  }

  @Test
  void readsTheGenuineHelpFilesWithTheirPublishedValues() throws Exception {
    Path fpga = SharedData.require("data/hw-latency/fpga.pt");
    HardwareFile.Contents c = HardwareFile.read(fpga, device("fpga"));
    assertThat(c.format()).isEqualTo(HardwareFile.Format.HELP);
    HardwareTable t = c.tables().get(0);
    assertThat(t.describe()).isEqualTo("fpga latency (ms) on cifar10");
    assertThat(t.cells()).isEqualTo(Arch.COUNT);
    assertThat(t.value(0)).isEqualTo(2.57296);
    assertThat(t.value(1)).isEqualTo(5.31536);
    assertThat(t.value(11472)).isEqualTo(3.64816);
    assertThat(java.util.Arrays.stream(t.values()).min().getAsDouble()).isEqualTo(1.13296);
    assertThat(java.util.Arrays.stream(t.values()).max().getAsDouble()).isEqualTo(8.67856);
    HardwareTable p = HardwareFile.read(SharedData.require("data/hw-latency/pixel3.pt"), device("pixel3")).tables()
        .get(0);
    assertThat(p.value(0)).isEqualTo(3.6058499999999998); // HW-NAS-Bench's README prints the same pixel3_latency
    assertThat(p.value(1)).isEqualTo(17.2381);
    assertThat(p.value(11472)).isEqualTo(14.7189);
    assertThat(java.util.Arrays.stream(p.values()).min().getAsDouble()).isEqualTo(0.00327686);
    assertThat(java.util.Arrays.stream(p.values()).max().getAsDouble()).isEqualTo(36.7665);
  }

  @Test
  void everyHelpValueEqualsWhatPythonsStandardLibraryReads() throws Exception {
    for (String d : List.of("fpga", "pixel3")) {
      Path file = SharedData.require("data/hw-latency/" + d + ".pt");
      String[] lines = HardwareFixtures.python("read_help.py", file.toString()).split("\n");
      assertThat(lines[0]).isEqualTo("15625");
      double[] read = HardwareFile.read(file, device(d)).tables().get(0).values();
      for (int i = 0; i < Arch.COUNT; i++) {
        assertThat(read[i]).as("%s[%d]", d, i).isEqualTo(Double.parseDouble(lines[i + 1]));
      }
    }
  }

  @Test
  void aHelpFileNeedsItsDeviceAndMayNameDatasetAndMetric() throws Exception {
    Path file = PickleWriter.writeTorchZip(dir.resolve("dev.pt"), HardwareFixtures.column(0, 0));
    assertThatThrownBy(() -> HardwareFile.read(file, HardwareSelection.all()))
        .isInstanceOf(HardwareFormatException.class)
        .hasMessage(file + ": holds the values of one device, which the file does not name; give it with --device"
            + " (e.g. --device fpga for HELP's fpga.pt)");
    HardwareTable t = HardwareFile.read(file, HardwareSelection.of("gold_6226", "cifar100", null, "mJ")).tables()
        .get(0);
    assertThat(t.describe()).isEqualTo("gold_6226 energy (mJ) on cifar100");
    assertThat(t.value(5)).isEqualTo(HardwareFixtures.value(0, 0, 5));
    Path plain = PickleWriter.writePickle(dir.resolve("dev.pkl"), HardwareFixtures.column(1, 2));
    assertThat(HardwareFile.read(plain, device("x")).tables().get(0).value(100))
        .isEqualTo(HardwareFixtures.value(1, 2, 100));
    assertThatThrownBy(() -> HardwareSelection.of("fpga", null, "latency", "mJ"))
        .hasMessage("unit mJ is the unit of energy, not of latency; latency is stored in ms");
    assertThatThrownBy(() -> HardwareSelection.of("fpga", null, null, "s"))
        .hasMessage("unknown unit 's'; expected ms (latency) or mJ (energy); convert other units first");
  }

  @Test
  void readsTheHwNasBenchStructureEveryDeviceAndMetricOfEveryDataset() throws Exception {
    for (String imagenet : List.of("ImageNet16-120", "ImageNet")) {
      Path file = PickleWriter.writePickle(dir.resolve("hw-" + imagenet + ".pickle"),
          HardwareFixtures.hwNasBench(imagenet));
      checkHwNasBench(file);
    }
  }

  @Test
  void theFixtureIsAGenuinePickleThatPythonsStandardLibraryReadsTheSame() throws Exception {
    Path file = PickleWriter.writePickle(dir.resolve("hw.pickle"), HardwareFixtures.hwNasBench("ImageNet16-120"));
    List<HardwareTable> tables = HardwareFile.read(file, HardwareSelection.all()).tables();
    for (String[] t : new String[][] {{"cifar10", "edgegpu", "latency"}, {"cifar100", "raspi4", "latency"},
        {"ImageNet16-120", "fpga", "energy"}}) {
      String[] lines = HardwareFixtures.python("read_pickle.py", file.toString(),
          "nasbench201/" + t[0] + "/" + t[1] + "_" + t[2], "0", "1", "96", "11472", "15624").split("\n");
      HardwareTable table = tables.stream().filter(x -> x.dataset().equals(t[0]) && x.device().equals(t[1])
          && x.metric().equals(t[2])).findFirst().orElseThrow();
      int[] at = {0, 1, 96, 11472, 15624};
      for (int k = 0; k < at.length; k++) {
        assertThat(table.value(at[k])).isEqualTo(Double.parseDouble(lines[k]));
      }
    }
  }

  @Test
  void readsTheHwNasBenchStructureAsPythonAndNumpyPickleIt() throws Exception {
    checkHwNasBench(HardwareFixtures.pythonHwNasBench(dir));
  }

  private static void checkHwNasBench(Path file) throws Exception {
    HardwareFile.Contents c = HardwareFile.read(file, HardwareSelection.all());
    assertThat(c.format()).isEqualTo(HardwareFile.Format.HW_NAS_BENCH);
    assertThat(c.notes()).containsExactly("left out fbnet (not the NAS-Bench-201 space)",
        "left out eyeriss_arithmetic_intensity (neither latency nor energy)");
    assertThat(c.tables()).hasSize(27);
    assertThat(c.tables().get(0).describe()).isEqualTo("edgegpu latency (ms) on cifar10");
    assertThat(c.tables().get(26).describe()).isEqualTo("fpga energy (mJ) on ImageNet16-120");
    for (HardwareTable t : c.tables()) {
      int d = HardwareFixtures.DATASETS.indexOf(t.dataset());
      int m = HardwareFixtures.METRICS.indexOf(t.device() + "_" + t.metric());
      for (int i : new int[] {0, 1, 96, 11472, 15624}) {
        assertThat(t.value(i)).as("%s %d", t.describe(), i).isEqualTo(HardwareFixtures.value(d, m, i));
      }
    }
    List<HardwareTable> one = HardwareFile.read(file, HardwareSelection.of("raspi4", "cifar100", null, null)).tables();
    assertThat(one).singleElement().satisfies(t -> {
      assertThat(t.describe()).isEqualTo("raspi4 latency (ms) on cifar100");
      assertThat(t.value(11472)).isEqualTo(HardwareFixtures.value(1, 2, 11472));
    });
    assertThat(HardwareFile.read(file, HardwareSelection.of(null, "cifar10", "energy", null)).tables())
        .extracting(HardwareTable::device).containsExactly("edgegpu", "eyeriss", "fpga");
  }

  @Test
  void refusesHwNasBenchFilesThatContradictTheFormat() throws Exception {
    refused(root -> cifar10(root).put("edgegpu_power", HardwareFixtures.column(0, 0)),
        "nasbench201/cifar10 has unknown metric 'edgegpu_power'; expected <device>_latency or <device>_energy with a"
            + " device of edgegpu, raspi4, edgetpu, pixel3, eyeriss, fpga (or eyeriss_arithmetic_intensity,"
            + " fpga_arithmetic_intensity, config)");
    refused(root -> list(root, "fpga_latency").remove(15624),
        "nasbench201/cifar10/fpga_latency is a list of 15624 values; expected one per cell (15625) in the official"
            + " index order");
    refused(root -> list(root, "fpga_latency").set(17, "3.5"),
        "nasbench201/cifar10/fpga_latency[17]: '3.5' is not a number; expected a latency in ms, finite and >= 0");
    refused(root -> list(root, "fpga_energy").set(9, -0.5),
        "nasbench201/cifar10/fpga_energy[9]: -0.5 is negative; expected a energy in mJ, finite and >= 0");
    refused(root -> list(root, "edgegpu_latency").set(3, Double.NaN),
        "nasbench201/cifar10/edgegpu_latency[3]: NaN is not finite; expected a latency in ms, finite and >= 0");
    refused(root -> list(root, "edgegpu_latency").set(4, Double.POSITIVE_INFINITY),
        "nasbench201/cifar10/edgegpu_latency[4]: Infinity is not finite; expected a latency in ms, finite and >= 0");
    refused(root -> list(root, "pixel3_latency").set(5, Boolean.TRUE),
        "nasbench201/cifar10/pixel3_latency[5]: True is not a number; expected a latency in ms, finite and >= 0");
    refused(root -> list(root, "pixel3_latency").set(6, null),
        "nasbench201/cifar10/pixel3_latency[6]: None is not a number; expected a latency in ms, finite and >= 0");
    refused(root -> space(root).put("svhn", Map.of()),
        "nasbench201 has dataset 'svhn'; expected cifar10, cifar100 and ImageNet16-120 (or ImageNet)");
    refused(root -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> cfg = (Map<String, Object>) ((List<Object>) cifar10(root).get("config")).get(2);
      cfg.put("arch_str", "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");
    }, "nasbench201/cifar10/config[2].arch_str is '|none~0|+|none~0|none~1|+|none~0|none~1|none~2|' but the official"
        + " architecture 2 is '" + SearchSpace.official().arch(2) + "': the file is not in the official index order");
  }

  private void refused(java.util.function.Consumer<Map<String, Object>> damage, String message) throws Exception {
    Map<String, Object> root = HardwareFixtures.hwNasBench("ImageNet16-120");
    damage.accept(root);
    Path file = PickleWriter.writePickle(dir.resolve("bad.pickle"), root);
    assertThatThrownBy(() -> HardwareFile.read(file, HardwareSelection.of("raspi4", null, null, null)))
        .isInstanceOf(HardwareFormatException.class).hasMessage(file + ": " + message);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> space(Map<String, Object> root) {
    return (Map<String, Object>) root.get("nasbench201");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cifar10(Map<String, Object> root) {
    return (Map<String, Object>) space(root).get("cifar10");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> root, String metric) {
    return (List<Object>) cifar10(root).get(metric);
  }

  @Test
  void refusesHelpListsOfTheWrongLengthOrWithBadValues() throws Exception {
    List<Object> shortList = new ArrayList<>(HardwareFixtures.column(0, 0));
    shortList.remove(0);
    Path file = PickleWriter.writeTorchZip(dir.resolve("short.pt"), shortList);
    assertThatThrownBy(() -> HardwareFile.read(file, device("fpga"))).hasMessage(file
        + ": list is a list of 15624 values; expected one per cell (15625) in the official index order");
    List<Object> bad = new ArrayList<>(HardwareFixtures.column(0, 0));
    bad.set(15624, -1.0);
    Path neg = PickleWriter.writeTorchZip(dir.resolve("neg.pt"), bad);
    assertThatThrownBy(() -> HardwareFile.read(neg, device("fpga"))).hasMessage(neg
        + ": list[15624]: -1.0 is negative; expected a latency in ms, finite and >= 0");
    Path dict = PickleWriter.writePickle(dir.resolve("dict.pkl"), Map.of("a", 1));
    assertThatThrownBy(() -> HardwareFile.read(dict, device("fpga"))).hasMessage(dict
        + ": holds a dict; expected a list of one value per cell (HELP) or a dict with 'nasbench201' (HW-NAS-Bench)");
    Path text = Files.writeString(dir.resolve("x.txt"), "hello\n");
    assertThatThrownBy(() -> HardwareFile.read(text, device("fpga"))).hasMessageStartingWith(text
        + ": is not a HELP per-device file");
  }

  @Test
  void readsTheTidyCsvAndReportsEveryBadRow() throws Exception {
    Path csv = Files.writeString(dir.resolve("hw.csv"), String.join("\n",
        "index,arch,dataset,device,metric,value,unit",
        "0,,cifar10,jetson,latency,2.5,ms",
        ",|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|,cifar10,jetson,latency,"
            + "1e-3,ms",
        "7,,cifar100,jetson,energy,0,mJ",
        "7,,cifar100,npu,latency,12.75,ms", ""));
    List<HardwareTable> all = HardwareFile.read(csv, HardwareSelection.all()).tables();
    assertThat(all).extracting(HardwareTable::describe).containsExactly("jetson latency (ms) on cifar10",
        "jetson energy (mJ) on cifar100", "npu latency (ms) on cifar100");
    assertThat(all.get(0).value(0)).isEqualTo(2.5);
    assertThat(all.get(0).value(11472)).isEqualTo(0.001);
    assertThat(all.get(0).cells()).isEqualTo(2);
    assertThat(all.get(1).value(7)).isZero();
    assertThat(all.get(2).value(7)).isEqualTo(12.75);
    assertThat(HardwareFile.read(csv, device("npu")).tables()).singleElement()
        .satisfies(t -> assertThat(t.value(7)).isEqualTo(12.75));

    Path bad = Files.writeString(dir.resolve("bad.csv"), String.join("\n",
        "index,arch,dataset,device,metric,value,unit",
        "0,,cifar10,jetson,latency,abc,ms",
        "1,,cifar10,jetson,latency,-2,ms",
        "2,,cifar10,jetson,latency,NaN,ms",
        "3,,cifar10,jetson,latency,1,s",
        "4,,cifar10,jetson,power,1,W",
        "5,,cifar10,jetson,latency,,ms",
        "0,,cifar10,jetson,energy,1,mJ",
        "0,,cifar10,jetson,energy,2,mJ",
        "15625,,cifar10,jetson,latency,1,ms",
        "6,,cifar10,jetson,latency,Infinity,ms", ""));
    assertThatThrownBy(() -> HardwareFile.read(bad, HardwareSelection.all()))
        .isInstanceOf(CsvImportException.class)
        .satisfies(e -> assertThat(((CsvImportException) e).problems()).containsExactly(
            "bad.csv:2: value 'abc' is not a number; expected a latency in ms, finite and >= 0",
            "bad.csv:3: value -2.0 is negative; expected a latency in ms, finite and >= 0",
            "bad.csv:4: value 'NaN' is not a number; expected a latency in ms, finite and >= 0",
            "bad.csv:5: unit 's' for latency; expected ms (convert the values first)",
            "bad.csv:6: unknown metric 'power'; expected one of latency, energy",
            "bad.csv:7: value is empty; leave out the row of a cell without a measurement",
            "bad.csv:9: duplicate energy of (index 0, cifar10, jetson), first given on line 8",
            "bad.csv:10: index 15625 out of range, expected 0..15624",
            "bad.csv:11: value 'Infinity' is not a number; expected a latency in ms, finite and >= 0"));
  }

}
