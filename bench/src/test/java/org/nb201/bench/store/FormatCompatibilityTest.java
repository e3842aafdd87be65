package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.query.MoreInfo;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.query.SeedChoice;

/**
 * A store written by format version 1 (committed as {@code format-v1.duckdb.gz}, DuckDB storage
 * v1.0.0) must stay readable: when the format changes, keep this test and add one for the new
 * version's fixture.
 */
class FormatCompatibilityTest {
  @TempDir
  Path dir;

  private Path fixture() throws Exception {
    Path p = dir.resolve("format-v1.duckdb");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("format-v1.duckdb.gz"))) {
      Files.copy(in, p);
    }
    return p;
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
