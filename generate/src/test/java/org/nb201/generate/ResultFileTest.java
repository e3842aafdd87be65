package org.nb201.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.store.Store;
import org.nb201.space.Split;
import org.nb201.space.provenance.Backend;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Machine;
import org.nb201.space.provenance.Provenance;

/**
 * Result files carry the trainer's provenance: version 2 as the provenance map, and version 1 files
 * (a flat object of strings; {@code result-v1.json} was written by nb201 0.1.0's demo) still read.
 */
class ResultFileTest {
  @TempDir Path dir;

  private Path v1() throws Exception {
    Path results = ResultFile.dir(dir);
    Files.createDirectories(results);
    Path f = results.resolve("bfa1bb4d5d121b6d.json");
    try (InputStream in = getClass().getResourceAsStream("result-v1.json")) {
      Files.copy(in, f);
    }
    return f;
  }

  @Test
  void readsTheProvenanceOfAVersion1File() throws Exception {
    TrialOutcome o = ResultFile.read(v1(), null);
    assertThat(o.spec().index()).isEqualTo(821);
    Provenance p = o.provenance();
    assertThat(p.toolVersion()).isEqualTo("0.1.0");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-12-01T10:46:57.176525626Z"));
    assertThat(p.finishedAt()).isEqualTo(Instant.parse("2026-12-01T10:47:24.141181351Z"));
    assertThat(p.seeds()).containsExactly(777L);
    assertThat(p.config()).containsEntry("arch",
        "|skip_connect~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|nor_conv_1x1~0|none~1|avg_pool_3x3~2|")
        .containsEntry("epochs", 4L).containsEntry("weight_decay", 5.0E-4).containsEntry("nesterov", true)
        .hasSize(15);
    assertThat(p.inputs()).containsExactly(
        new Input(Input.DATA, "fashion-mnist", Input.MD5_LIST, "ac1951be9d8a15feb3e24415bc1da1d7", -1));
    assertThat(p.machine()).isEqualTo(new Machine("Linux 6.18.44-fc-v973 amd64", "", "", -1,
        "Intel(R) Xeon(R) Processor", "17.0.15", "vm"));
    assertThat(p.engine()).isEqualTo(new Backend("PyTorch", "2.7.1", "0.36.0", "cpu", 1, 1,
        "glibc 2.36 mmap_threshold=32MiB trim_threshold=1GiB top_pad=64MiB"));
  }

  @Test
  void writesVersion2AndReadsItBack() throws Exception {
    TrialSpec spec = new TrialSpec(11472, "fashion-mnist", 2, 888, 4, 1, 64, 32, 32);
    Provenance p = Provenance.builder().optCreatedAt(Instant.parse("2025-05-06T07:08:09Z"))
        .optFinishedAt(Instant.parse("2025-05-06T07:09:09Z")).putConfig("epochs", 2L).putConfig("lr", 0.1)
        .addSeed(888).addInput(new Input(Input.DATA, "fashion-mnist", Input.MD5_LIST, "ab".repeat(16), -1))
        .optMachine(Machine.current().withHost())
        .optEngine(new Backend("PyTorch", "2.7.1", "0.36.0", "cpu", 2, 1, "default")).build();
    List<EpochMetrics> m = List.of(new EpochMetrics(0, Split.TRAIN, 50, 1.5, 2.0, 80),
        EpochMetrics.of(0, Split.X_VALID, 40, 1.7, 0.5));
    Path f = ResultFile.write(dir, new TrialOutcome(spec, m, 1.0, 0.1, 0.01, p));
    assertThat(Files.readString(f)).startsWith("{\"format\":\"nb201-trial-result\",\"version\":2,");
    TrialOutcome back = ResultFile.read(f, spec);
    assertThat(back.provenance()).isEqualTo(p);
    assertThat(back.metrics()).isEqualTo(m);
  }

  @Test
  void collectingAVersion1FileKeepsItsProvenanceWithoutTheHost() throws Exception {
    Path f = v1();
    Path store = dir.resolve("s.duckdb");
    Collector.write(store, List.of(new Collector.Outcome(ResultFile.read(f, null), f)), false);
    try (Store s = Store.open(store)) {
      Provenance row = s.reader().provenance().get(0);
      assertThat(row.primary()).isEqualTo(Input.file(Input.SOURCE, f).withName("trial bfa1bb4d5d121b6d ("
          + f.getFileName() + ")"));
      Provenance trial = ResultFile.read(f, null).provenance();
      assertThat(row.toMap()).isEqualTo(trial.withPrimary(row.primary()).toBuilder()
          .optMachine(trial.machine().withoutHost()).build().toMap());
      assertThat(row.machine().host()).isNull();
      assertThat(Map.copyOf(row.config())).containsEntry("data_dir", "/usr/share/datasets/fashion-mnist");
    }
  }
}
