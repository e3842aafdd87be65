package org.nb201.bench.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.SharedData;
import org.nb201.bench.hardware.HardwareFormatException;
import org.nb201.bench.hardware.HardwareSelection;
import org.nb201.bench.hardware.PickleWriter;
import org.nb201.bench.store.Exporter;
import org.nb201.space.provenance.Provenance;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreFormat;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.SearchSpace;

/** {@code import hw}: into an existing store (carried over, atomically), a new one, refusals that change nothing. */
class HardwareImporterTest {
  @TempDir
  Path dir;

  private Path v1Store() throws Exception {
    Path p = dir.resolve("store.duckdb");
    try (InputStream in = new GZIPInputStream(
        Store.class.getResourceAsStream("/org/nb201/bench/store/format-v1.duckdb.gz"))) {
      Files.copy(in, p);
    }
    return p;
  }

  private static HardwareSelection device(String d) {
    return HardwareSelection.of(d, null, null, null);
  }

  @Test
  void addsHelpTablesToAVersion1StoreKeepingEverythingElse() throws Exception {
    Path store = v1Store();
    Path fpga = SharedData.require("data/hw-latency/fpga.pt");
    Path pixel3 = SharedData.require("data/hw-latency/pixel3.pt");
    HardwareImporter.Summary s = HardwareImporter.importHardware(fpga, store, device("fpga"), false);
    assertThat(s.created()).isFalse();
    assertThat(s.carriedTrials()).isEqualTo(2);
    assertThat(s.tables()).extracting(HardwareTable::describe).containsExactly("fpga latency (ms) on cifar10");
    HardwareImporter.importHardware(pixel3, store, device("pixel3"), false);
    try (Store st = Store.open(store)) {
      StoreReader r = st.reader();
      assertThat(st.formatVersion()).isEqualTo(StoreFormat.VERSION);
      assertThat(r.hardwareSets()).containsExactly(
          new StoreReader.HardwareSet("fpga", "cifar10", "latency", "ms", 15_625, 1),
          new StoreReader.HardwareSet("pixel3", "cifar10", "latency", "ms", 15_625, 2));
      assertThat(r.hardwareOf(11472)).extracting(StoreReader.HardwareValue::value).containsExactly(3.64816, 14.7189);
      assertThat(r.provenance()).extracting(p -> p.primary().name()).containsExactly("format-v1 fixture", "fpga.pt",
          "pixel3.pt");
      assertThat(r.provenance().get(1).primary().sha256())
          .isEqualTo("6a0333c1476a3ab039d8c39e5d42ac99efe9e7f3ff521289569013fa84233b28");
      assertThat(r.provenance().get(1).config())
          .isEqualTo(Map.of("importer", "hardware", "format", "help", "device", "fpga"));
      assertThat(r.rowCount("trials")).isEqualTo(2);
      assertThat(r.cost(0, "cifar10-valid")).isPresent();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("store.duckdb");
    }
  }

  @Test
  void refusedImportsLeaveTheStoreByteForByteAsItWas() throws Exception {
    Path store = v1Store();
    HardwareImporter.importHardware(SharedData.require("data/hw-latency/fpga.pt"), store, device("fpga"), false);
    byte[] before = Files.readAllBytes(store);
    List<Object> values = new java.util.ArrayList<>();
    for (int i = 0; i < 15_625; i++) {
      values.add(i == 42 ? -3.0 : 1.0);
    }
    Path bad = dir.resolve("bad.pkl");
    Files.write(bad, PickleWriter.pickle(values));
    assertThatThrownBy(() -> HardwareImporter.importHardware(bad, store, device("gpu"), false))
        .isInstanceOf(HardwareFormatException.class)
        .hasMessage(bad + ": list[42]: -3.0 is negative; expected a latency in ms, finite and >= 0");
    Path fpga = SharedData.require("data/hw-latency/fpga.pt");
    assertThatThrownBy(() -> HardwareImporter.importHardware(fpga, store, device("fpga"), false))
        .isInstanceOf(ImportException.class)
        .hasMessage(store + ": already holds fpga latency (ms) on cifar10 (15625 cells); pass --force to replace them");
    Path csv = Files.writeString(dir.resolve("hw.csv"), "index,arch,dataset,device,metric,value,unit\n");
    assertThatThrownBy(() -> HardwareImporter.importHardware(csv, store, HardwareSelection.all(), false))
        .hasMessage(csv + ": holds no device values for everything; nothing to import");
    assertThat(Files.readAllBytes(store)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("bad.pkl", "hw.csv", "store.duckdb");
    }
  }

  @Test
  void forceReplacesAndANewStoreHoldsOnlyDeviceValuesWhichExportAndReimport() throws Exception {
    Path store = dir.resolve("hw.duckdb");
    Path csv = Files.writeString(dir.resolve("a.csv"), "index,arch,dataset,device,metric,value,unit\n"
        + "3,,cifar10,npu,latency,1.25,ms\n4,,cifar10,npu,latency,2.5,ms\n");
    HardwareImporter.Summary s = HardwareImporter.importHardware(csv, store, HardwareSelection.all(), false);
    assertThat(s.created()).isTrue();
    Path csv2 = Files.writeString(dir.resolve("b.csv"), "index,arch,dataset,device,metric,value,unit\n"
        + "5,,cifar10,npu,latency,0.5,ms\n");
    HardwareImporter.Summary replaced = HardwareImporter.importHardware(csv2, store, HardwareSelection.all(), true);
    assertThat(replaced.replaced()).containsExactly("npu latency (ms) on cifar10 (2 cells)");
    Path exported = dir.resolve("out.hardware.csv");
    try (Store st = Store.open(store)) {
      HardwareTable t = st.reader().hardware("npu", "cifar10", "latency");
      assertThat(t.cells()).isEqualTo(1);
      assertThat(t.value(5)).isEqualTo(0.5);
      assertThat(st.reader().rowCount("trials")).isZero();
      Exporter.hardwareCsv(st, exported);
    }
    assertThat(Files.readString(exported)).isEqualTo("index,arch,dataset,device,metric,value,unit\n"
        + "5," + SearchSpace.official().arch(5) + ",cifar10,npu,latency,0.5,ms\n");
    Path again = dir.resolve("again.duckdb");
    HardwareImporter.importHardware(exported, again, HardwareSelection.all(), false);
    try (Store st = Store.open(again)) {
      assertThat(st.reader().hardware("npu", "cifar10", "latency").value(5)).isEqualTo(0.5);
    }
  }
}
