package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.provenance.Provenance;
import org.nb201.bench.CostRecord;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.space.Arch;

/** The format-2 {@code hardware} table: writing, reading, carrying a store over, and version-1 stores. */
class HardwareTableStoreTest {
  @TempDir
  Path dir;

  static HardwareTable table(String device, String dataset, String metric, double scale) {
    double[] v = new double[Arch.COUNT];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 7 == 3 ? Double.NaN : scale * (1 + i % 100) / 8.0; // exact binary fractions
    }
    return new HardwareTable(device, dataset, metric, v);
  }

  private Path v1Store() throws Exception {
    Path p = dir.resolve("format-v1.duckdb");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("format-v1.duckdb.gz"))) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void hardwareTablesRoundTripWithUnitsAndProvenance() throws Exception {
    Path target = dir.resolve("hw.duckdb");
    HardwareTable fpga = table("fpga", "cifar10", "latency", 1);
    HardwareTable edge = table("edgegpu", "cifar100", "energy", 3);
    try (StoreWriter w = StoreWriter.create(target)) {
      w.addProvenance(Provenance.of("first", Map.of()));
      w.addHardware(fpga);
      w.addProvenance(Provenance.of("second", Map.of()));
      w.addHardware(edge);
      assertThatThrownBy(() -> w.addHardware(table("fpga", "cifar10", "latency", 2)))
          .hasMessage("fpga latency (ms) on cifar10 added twice");
      w.commit();
    }
    try (Store s = Store.open(target)) {
      StoreReader r = s.reader();
      assertThat(s.formatVersion()).isEqualTo(StoreFormat.VERSION);
      assertThat(r.hardwareSets()).containsExactly(
          new StoreReader.HardwareSet("edgegpu", "cifar100", "energy", "mJ", fpga.cells(), 1),
          new StoreReader.HardwareSet("fpga", "cifar10", "latency", "ms", fpga.cells(), 0));
      assertThat(r.hardware("fpga", "cifar10", "latency")).isEqualTo(fpga);
      assertThat(r.hardware("edgegpu", "cifar100", "energy")).isEqualTo(edge);
      assertThat(r.hardware("fpga", "cifar100", "latency").cells()).isZero();
      assertThat(r.hardwareOf(11)).containsExactly(
          new StoreReader.HardwareValue("edgegpu", "cifar100", "energy", "mJ", 4.5),
          new StoreReader.HardwareValue("fpga", "cifar10", "latency", "ms", 1.5));
      assertThat(r.hardwareOf(3)).isEmpty(); // 3 % 7 == 3: not measured
      assertThat(r.rowCount("hardware")).isEqualTo(2L * fpga.cells());
      s.verify();
    }
  }

  @Test
  void aVersion1StoreOpensWithoutDeviceValuesAndIsCarriedIntoTheCurrentVersion() throws Exception {
    Path v1 = v1Store();
    long metricRows;
    List<String> metricsBefore;
    List<TrialKey> trialsBefore = new ArrayList<>();
    try (Store s = Store.open(v1)) {
      assertThat(s.formatVersion()).isEqualTo(1);
      assertThat(s.has("hardware")).isFalse();
      assertThat(s.reader().hardwareSets()).isEmpty();
      assertThat(s.reader().hardwareOf(0)).isEmpty();
      assertThat(s.reader().rowCount("hardware")).isZero();
      s.verify();
      metricRows = s.reader().rowCount("metrics");
      metricsBefore = metricRows(s);
      s.reader().trialRows((k, p) -> trialsBefore.add(k));
    }
    Path out = dir.resolve("v2.duckdb");
    try (Store old = Store.open(v1); StoreWriter w = StoreWriter.create(out)) {
      assertThat(w.carryOver(old)).isEqualTo(trialsBefore.size());
      w.addProvenance(Provenance.of("device file", Map.of()));
      w.addHardware(table("pixel3", "cifar10", "latency", 1));
      w.commit();
    }
    try (Store s = Store.open(out)) {
      assertThat(s.formatVersion()).isEqualTo(StoreFormat.VERSION);
      assertThat(s.reader().rowCount("metrics")).isEqualTo(metricRows);
      assertThat(metricRows(s)).isEqualTo(metricsBefore); // same rows in the same physical order
      List<TrialKey> after = new ArrayList<>();
      s.reader().trialRows((k, p) -> after.add(k));
      assertThat(after).isEqualTo(trialsBefore);
      assertThat(s.reader().provenance()).extracting(p -> p.primary().name())
          .containsExactly("format-v1 fixture", "device file");
      assertThat(s.reader().hardwareSets()).singleElement()
          .satisfies(h -> assertThat(h.provenanceId()).isEqualTo(1));
      assertThat(s.reader().cost(0, "cifar10-valid")).get().extracting(CostRecord::latency).isEqualTo(0.01393598);
      s.verify();
    }
  }

  @Test
  void carriedOverStoresKeepHardwareAndMayDropOrAddTrials() throws Exception {
    Path first = dir.resolve("a.duckdb");
    try (StoreWriter w = StoreWriter.create(first)) {
      w.addProvenance(Provenance.of("trials", Map.of()));
      w.addTrial(StoreWriterTest.trial(5, "cifar10", 12, 777, 50));
      w.addTrial(StoreWriterTest.trial(9, "cifar10", 12, 777, 60));
      w.addProvenance(Provenance.of("hw", Map.of()));
      w.addHardware(table("fpga", "cifar10", "latency", 1));
      w.addHardware(table("fpga", "cifar10", "energy", 1));
      w.commit();
    }
    Path second = dir.resolve("b.duckdb");
    try (Store old = Store.open(first); StoreWriter w = StoreWriter.create(second)) {
      w.carryOver(old);
      assertThat(w.dropHardware("fpga", "cifar10", "energy")).isTrue();
      assertThat(w.dropHardware("fpga", "cifar10", "energy")).isFalse();
      w.addProvenance(Provenance.of("new", Map.of()));
      w.addHardware(table("fpga", "cifar10", "energy", 5));
      w.addTrial(StoreWriterTest.trial(7, "cifar10", 12, 777, 55)); // between the carried ones: sorted at commit
      assertThatThrownBy(() -> w.addTrial(StoreWriterTest.trial(5, "cifar10", 12, 777, 1)))
          .hasMessageContaining("added twice");
      w.commit();
    }
    try (Store s = Store.open(second)) {
      StoreReader r = s.reader();
      assertThat(r.hardware("fpga", "cifar10", "energy")).isEqualTo(table("fpga", "cifar10", "energy", 5));
      assertThat(r.hardware("fpga", "cifar10", "latency")).isEqualTo(table("fpga", "cifar10", "latency", 1));
      assertThat(r.hardwareSets()).extracting(StoreReader.HardwareSet::provenanceId).containsExactly(2, 1);
      List<String> order = new ArrayList<>();
      r.query("SELECT DISTINCT index FROM (SELECT index, row_number() OVER () AS n FROM metrics"
          + " WHERE accuracy IS NOT NULL) GROUP BY index ORDER BY min(n)", rs -> order.add(rs.getString(1)));
      assertThat(order).containsExactly("5", "7", "9");
      assertThat(r.trial(new TrialKey(9, "cifar10", 12, 777))).get()
          .isEqualTo(sorted(StoreWriterTest.trial(9, "cifar10", 12, 777, 60)));
      assertThat(r.provenance()).extracting(p -> p.primary().name()).containsExactly("trials", "hw", "new");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("a.duckdb", "b.duckdb");
    }
  }

  @Test
  void badTablesAreRefused() {
    double[] v = new double[Arch.COUNT];
    assertThatThrownBy(() -> new HardwareTable("fpga", "cifar10", "power", v))
        .hasMessage("unknown hardware metric 'power'; expected one of latency, energy");
    assertThatThrownBy(() -> new HardwareTable("my device", "cifar10", "latency", v))
        .hasMessageStartingWith("device name 'my device' is not valid");
    assertThatThrownBy(() -> new HardwareTable("fpga", "cifar10", "latency", new double[3]))
        .hasMessage("a hardware table has one value per cell (15625), got 3");
    double[] bad = v.clone();
    bad[17] = -1;
    assertThatThrownBy(() -> new HardwareTable("fpga", "cifar10", "latency", bad))
        .hasMessage("fpga latency of index 17 is -1.0; expected a finite value >= 0 (or NaN for not measured)");
    double[] copy = Arrays.copyOf(v, v.length);
    HardwareTable t = new HardwareTable("fpga", "cifar10", "latency", copy);
    copy[0] = 5;
    assertThat(t.value(0)).isZero();
  }

  private static Trial sorted(Trial t) {
    List<EpochMetrics> rows = new ArrayList<>(t.metrics());
    rows.sort(Comparator.comparing(EpochMetrics::split).thenComparingInt(EpochMetrics::epoch));
    return new Trial(t.key(), rows);
  }

  private static List<String> metricRows(Store s) {
    List<String> rows = new ArrayList<>();
    s.reader().query("SELECT * FROM metrics", rs -> {
      StringBuilder sb = new StringBuilder();
      for (int c = 1; c <= 10; c++) {
        sb.append(rs.getString(c)).append('|');
      }
      rows.add(sb.toString());
    });
    return rows;
  }
}
