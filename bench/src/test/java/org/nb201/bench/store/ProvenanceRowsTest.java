package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.provenance.Backend;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Machine;
import org.nb201.space.provenance.Provenance;

/**
 * The {@code provenance} table holds the whole provenance model in its format-1 columns (JSON in
 * {@code config} and {@code machine}), never a host name, and rows written before that stay readable.
 */
class ProvenanceRowsTest {
  @TempDir Path dir;

  @Test
  void aTrialsProvenanceRoundTripsWithoutItsHost() {
    Provenance p = Provenance.builder().optToolVersion("9.9").optCreatedAt(Instant.parse("2025-03-04T05:06:07Z"))
        .optFinishedAt(Instant.parse("2025-03-04T05:16:07Z")).putConfig("arch", "|none~0|").putConfig("epochs", 12L)
        .putConfig("lr", 0.1).addSeed(777)
        .addInput(new Input(Input.SOURCE, "trial t1 (t1.json)", Input.SHA256, "ef".repeat(32), 4321))
        .addInput(new Input(Input.DATA, "fashion-mnist", Input.MD5_LIST, "01".repeat(16), -1))
        .optMachine(new Machine("Linux", "6.1", "amd64", 2, "Xeon", "17.0.15", "secret-host"))
        .optEngine(new Backend("PyTorch", "2.7.1", "0.36.0", "cpu", 2, 1, "glibc 2.36 default")).build();
    Path store = dir.resolve("p.duckdb");
    try (StoreWriter w = StoreWriter.create(store)) {
      w.addProvenance(p);
      w.addTrial(StoreWriterTest.trial(3, "cifar10", 12, 777, 50));
      w.commit();
    }
    try (Store s = Store.open(store)) {
      List<String> raw = new ArrayList<>();
      s.reader().query("SELECT source, sha256, bytes, tool_version, imported_at, config, machine FROM provenance",
          rs -> {
            for (int c = 1; c <= 7; c++) {
              raw.add(rs.getString(c));
            }
          });
      assertThat(raw).containsExactly("trial t1 (t1.json)", "ef".repeat(32), "4321", "9.9", "2025-03-04T05:06:07Z",
          "{\"arch\":\"|none~0|\",\"epochs\":12,\"lr\":0.1,\"seeds\":[777],\"inputs\":[{\"role\":\"data\","
              + "\"name\":\"fashion-mnist\",\"algorithm\":\"md5-list\",\"checksum\":\"" + "01".repeat(16) + "\","
              + "\"bytes\":-1}],\"finished_at\":\"2025-03-04T05:16:07Z\"}",
          "{\"os\":\"Linux\",\"os_version\":\"6.1\",\"arch\":\"amd64\",\"cores\":2,\"cpu\":\"Xeon\","
              + "\"java\":\"17.0.15\",\"engine\":{\"name\":\"PyTorch\",\"version\":\"2.7.1\",\"djl\":\"0.36.0\","
              + "\"device\":\"cpu\","
              + "\"threads\":2,\"interop_threads\":1,\"native_heap\":\"glibc 2.36 default\"}}");
      // whole numbers of the free-form config come back as longs
      Provenance back = s.reader().provenance().get(0);
      assertThat(back.toMap()).isEqualTo(p.toBuilder().optMachine(p.machine().withoutHost()).build().toMap());
    }
  }

  @Test
  void reservedConfigKeysAndAMissingSourceAreRefused() {
    try (StoreWriter w = StoreWriter.create(dir.resolve("r.duckdb"))) {
      assertThatThrownBy(() -> w.addProvenance(Provenance.of("x", Map.of("seeds", 1))))
          .hasMessage("provenance config key 'seeds' is reserved in stores; rename it");
      assertThatThrownBy(() -> w.addProvenance(Provenance.builder().build()))
          .hasMessage("a store provenance row needs an input (its source)");
    }
  }

  @Test
  void aVersion1RowWrittenBeforeTheJsonColumnsReadsAsItWasWritten() throws Exception {
    Path p = dir.resolve("format-v1.duckdb");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("format-v1.duckdb.gz"))) {
      Files.copy(in, p);
    }
    try (Store s = Store.open(p)) {
      List<String> raw = new ArrayList<>();
      s.reader().query("SELECT source, sha256, config, machine FROM provenance", rs -> {
        for (int c = 1; c <= 4; c++) {
          raw.add(rs.getString(c));
        }
      });
      Provenance old = s.reader().provenance().get(0);
      assertThat(old.primary().name()).isEqualTo(raw.get(0));
      assertThat(old.primary().sha256()).isEqualTo(raw.get(1));
      assertThat(raw.get(3)).doesNotStartWith("{");
      assertThat(old.machine().describe()).isEqualTo(raw.get(3));
      assertThat(old.seeds()).isEmpty();
      assertThat(old.engine()).isNull();
    }
  }
}
