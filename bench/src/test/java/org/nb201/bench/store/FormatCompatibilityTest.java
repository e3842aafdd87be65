package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.provenance.Provenance;
import org.nb201.bench.query.MoreInfo;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.query.SeedChoice;

/**
 * Stores written by every format version (committed as {@code format-v<N>.duckdb.gz}, DuckDB
 * storage v1.0.0) must stay readable: when the format changes, keep these tests and add one for the
 * new version's fixture. Version 2 is the version-1 fixture with device values added by
 * {@code nb201 import hw} (fpga latency of cells 0, 1 and 11472 from HELP's fpga.pt, edgegpu energy
 * of cell 0 as HW-NAS-Bench's README prints it).
 */
class FormatCompatibilityTest {
  @TempDir
  Path dir;

  private Path fixture() throws Exception {
    return fixture(1);
  }

  private Path fixture(int version) throws Exception {
    Path p = dir.resolve("format-v" + version + ".duckdb");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("format-v" + version + ".duckdb.gz"))) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void readsAVersion2StoreWithItsHardwareTable() throws Exception {
    try (Nb201Api api = Nb201Api.open(fixture(2))) {
      assertThat(api.store().formatVersion()).isEqualTo(2);
      assertThat(api.store().reader().provenance()).extracting(p -> p.primary().name())
          .containsExactly("format-v1 fixture", "format-v2-hardware.csv");
      assertThat(api.hardwareSets()).extracting(h -> h.device() + " " + h.metric() + " " + h.unit() + " " + h.cells())
          .containsExactly("edgegpu energy mJ 1", "fpga latency ms 3");
      assertThat(api.getHardwareInfo(11472, "cifar10")).containsExactly(Map.entry("edgegpu_energy", Double.NaN),
          Map.entry("fpga_latency", 3.64816));
      assertThat(api.getCostInfo(0, "cifar10-valid", 12).get("edgegpu_energy")).isEqualTo(24.226614330768584);
      assertThat(api.getMoreInfo(0, "cifar10-valid", null, 12, SeedChoice.fixed(111)).get("valid-accuracy"))
          .isEqualTo(51.0);
      api.store().verify();
    }
  }

  @Test
  void readsAVersion1Store() throws Exception {
    try (Nb201Api api = Nb201Api.open(fixture())) {
      assertThat(api.store().formatVersion()).isEqualTo(1);
      assertThat(api.store().reader().provenance()).singleElement()
          .satisfies(p -> assertThat(p.primary().name()).isEqualTo("format-v1 fixture"));
      MoreInfo m = api.getMoreInfo(0, "cifar10-valid", null, 12, SeedChoice.fixed(111));
      assertThat(m.get("train-accuracy")).isEqualTo(61.0);
      assertThat(m.get("valid-accuracy")).isEqualTo(51.0);
      assertThat(m.get("test-accuracy")).isEqualTo(51.5);
      assertThat(api.getMoreInfo(0, "cifar10-valid", 10, 12, SeedChoice.fixed(777)).has("test-accuracy")).isFalse();
      assertThatThrownBy(() -> api.getMoreInfo(0, "cifar10-valid", null, 12, SeedChoice.fixed(777)))
          .hasMessage("no train accuracy for (index 0, cifar10-valid, hp 12, seed 777, train, epoch 11)");
      assertThat(api.getLatency(0, "cifar10-valid", 12)).isEqualTo(0.01393598);
      api.store().verify();
    }
  }
}
