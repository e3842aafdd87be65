package org.nb201.space.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.ToolVersion;

/** The one provenance model: defaults, file checksums, the stable map form and reading it back. */
class ProvenanceTest {
  @TempDir Path dir;

  @Test
  void aFileInputCarriesItsSha256AndSize() throws Exception {
    Path f = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
    Provenance p = Provenance.ofFile(f, Map.of("importer", "test"));
    // SHA-256("abc"), FIPS 180-2 appendix B.1
    assertThat(p.primary()).isEqualTo(new Input(Input.SOURCE, "abc.txt", Input.SHA256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3));
    assertThat(p.primary().sha256()).isEqualTo(p.primary().checksum());
    assertThat(p.toolVersion()).isEqualTo(ToolVersion.get());
    assertThat(p.machine().host()).isNull();
    assertThat(p.machine().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(p.engine()).isNull();
    assertThat(Provenance.of("generated", Map.of()).primary().sha256()).isEmpty();
  }

  @Test
  void theMapHasStableKeysAndReadsBackAfterAJsonRoundTrip() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("algorithm", "rea");
    config.put("runs", 20);
    config.put("budget", 12000.0);
    Provenance p = Provenance.builder().optCreatedAt(Instant.parse("2025-01-02T03:04:05Z"))
        .optFinishedAt(Instant.parse("2025-01-02T03:05:00Z")).optConfig(config).addSeed(777).addSeed(888)
        .addInput(new Input(Input.STORE, "/data/nb201.duckdb", Input.SHA256, "ab".repeat(32), 1234))
        .addInput(new Input(Input.DATA, "fashion-mnist", Input.MD5_LIST, "cd".repeat(16), -1))
        .optMachine(new Machine("Linux", "6.1", "amd64", 2, "Xeon", "17.0.15", "node1"))
        .optEngine(new Backend("PyTorch", "2.7.1", "0.36.0", "cpu", 2, 1, "glibc 2.36 default")).build();
    Map<String, Object> m = p.toMap();
    assertThat(m.keySet()).containsExactly("tool_version", "created_at", "finished_at", "config", "seeds", "inputs",
        "machine", "engine");
    assertThat(p.machine().toMap().keySet()).containsExactly("os", "os_version", "arch", "cores", "cpu",
        "java", "host");
    assertThat(p.engine().toMap().keySet()).containsExactly("name", "version", "djl", "device", "threads",
        "interop_threads", "native_heap");
    assertThat(((List<?>) m.get("inputs")).get(0)).isEqualTo(Map.of("role", "store", "name", "/data/nb201.duckdb",
        "algorithm", "sha256", "checksum", "ab".repeat(32), "bytes", 1234L));
    Provenance back = Provenance.fromMap(asJsonReaderGivesIt(m));
    assertThat(back.toMap()).isEqualTo(withReaderNumbersInConfig(m));
    assertThat(back.seeds()).containsExactly(777L, 888L);
    assertThat(back.inputs()).isEqualTo(p.inputs());
    assertThat(back.machine()).isEqualTo(p.machine());
    assertThat(back.engine()).isEqualTo(p.engine());
    assertThat(back.createdAt()).isEqualTo(p.createdAt());
    assertThat(back.finishedAt()).isEqualTo(p.finishedAt());
  }

  @Test
  void storesLeaveTheHostOutAndOldMachineLinesStayReadable() {
    Machine m = Machine.current().withHost();
    assertThat(m.host()).isNotNull();
    assertThat(m.withoutHost().toMap()).doesNotContainKey("host");
    assertThat(m.describe()).contains(m.cores() + " cores", "Java " + System.getProperty("java.version"));
    Machine old = Machine.described("Linux amd64, 2 cores, Java 17.0.15");
    assertThat(old.describe()).isEqualTo("Linux amd64, 2 cores, Java 17.0.15");
    assertThat(Machine.fromMap(old.toMap())).isEqualTo(old);
  }

  /** What Gson's default object reader returns: every number a double. */
  private static Map<String, Object> asJsonReaderGivesIt(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, doubles(v)));
    return out;
  }

  private static Object doubles(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Map<?, ?> inner) {
      Map<String, Object> out = new LinkedHashMap<>();
      inner.forEach((k, x) -> out.put(String.valueOf(k), doubles(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ProvenanceTest::doubles).toList();
    }
    return v;
  }

  /** The config map is free-form: its numbers come back as the reader gave them; everything else is typed. */
  private static Map<String, Object> withReaderNumbersInConfig(Map<String, Object> original) {
    Map<String, Object> expected = new LinkedHashMap<>(original);
    expected.put("config", doubles(original.get("config")));
    return expected;
  }
}
