package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.data.Offset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
  @TempDir
  Path dir;

  @Test
  void parquetFolderHasEveryTableAndTheSameRows() throws Exception {
    Path store = SpecSample.store(dir);
    Path out = dir.resolve("parquet");
    List<Path> files;
    try (Store s = Store.open(store)) {
      files = Exporter.parquet(s, out);
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("meta.parquet",
        "provenance.parquet", "archs.parquet", "trials.parquet", "costs.parquet", "metrics.parquet",
        "finals.parquet", "hardware.parquet", "proxies.parquet", "searches.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT count(*), avg(accuracy) FILTER (WHERE dataset = 'cifar10' AND split ="
          + " 'ori-test' AND epoch = 199 AND index = 0) FROM read_parquet('" + out.resolve("metrics.parquet") + "')");
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(9192);
      assertThat(rs.getDouble(2)).isCloseTo(85.8633, Offset.offset(1e-4));
      rs = st.executeQuery("SELECT arch FROM read_parquet('" + out.resolve("archs.parquet") + "') WHERE index = 11472");
      rs.next();
      assertThat(rs.getString(1))
          .isEqualTo("|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|");
    }
  }

  @Test
  void exportIntoAMissingDirectoryFailsClearly() throws Exception {
    Path store = SpecSample.store(dir);
    try (Store s = Store.open(store)) {
      assertThatThrownBy(() -> Exporter.csv(s, dir.resolve("no/such/x.csv"), dir.resolve("no/such/y.csv")))
          .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
    }
  }

  @Test
  void aParquetExportThatFailsHalfWayLeavesNothing() throws Exception {
    Path store = SpecSample.store(dir);
    List<String> tables = List.of("meta", "provenance", "archs", "trials", "no_such_table", "metrics", "finals");
    Path work = Files.createDirectory(dir.resolve("work"));
    Path fresh = work.resolve("fresh");
    Path existing = Files.createDirectory(work.resolve("existing"));
    Files.writeString(existing.resolve("meta.parquet"), "an older export");
    try (Store s = Store.open(store)) {
      assertThatThrownBy(() -> Exporter.parquet(s, fresh, tables)).isInstanceOf(StoreException.class)
          .hasMessageContaining("cannot export").hasMessageContaining("no_such_table.parquet");
      assertThatThrownBy(() -> Exporter.parquet(s, existing, tables)).isInstanceOf(StoreException.class);
    }
    assertThat(fresh).doesNotExist();
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).containsExactly(existing);
    }
    try (Stream<Path> left = Files.list(existing)) {
      assertThat(left).containsExactly(existing.resolve("meta.parquet"));
    }
    assertThat(existing.resolve("meta.parquet")).hasContent("an older export");
  }

  @Test
  void aCsvExportWritesBothFilesOrNeither() throws Exception {
    Path store = SpecSample.store(dir);
    Path work = Files.createDirectory(dir.resolve("work"));
    Path results = Files.writeString(work.resolve("r.csv"), "an older export");
    try (Store s = Store.open(store)) {
      // the results file is complete before the costs file fails: it must not replace the old one
      assertThatThrownBy(() -> Exporter.csv(s, results, work.resolve("no/such/c.csv")))
          .isInstanceOf(StoreException.class).hasMessageContaining("no/such/c.csv");
      assertThatThrownBy(() -> Exporter.csv(s, results, results)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(results).hasContent("an older export");
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).containsExactly(results);
    }
  }

  @Test
  void costsSiblingName() {
    assertThat(Exporter.costsSibling(Path.of("/a/results.csv"))).isEqualTo(Path.of("/a/results.costs.csv"));
    assertThat(Exporter.costsSibling(Path.of("out"))).isEqualTo(Path.of("out.costs.csv"));
  }
}
