package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.ProxyRecord;
import org.nb201.bench.SearchRun;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Provenance;

/** The {@code searches} table (format 4): round trip, NULL for absent values, carry-over, older stores. */
class SearchesTableTest {
  static final SearchRun DARTS = new SearchRun("00112233445566aa", "darts-v1", "fashion-mnist", 1, 4, 1,
      "{\"epochs\":\"2\"}", 1462, List.of(
          new SearchRun.Epoch(0, 3, 1.5, 200, 0.025, 2.25, 12.5, 2.5, 10.0, 2.375, 11.0),
          new SearchRun.Epoch(1, 1462, 1.25, 200, 0.001, 2.0, 20.0, 2.125, 15.5, 2.0, 18.0)));
  static final SearchRun GDAS = new SearchRun("ffeeddccbbaa0011", "gdas", "fashion-mnist", 0, 4, 1,
      "{\"epochs\":\"1\"}", 11472, List.of(
          new SearchRun.Epoch(0, 11472, 0.75, 128, 0.025, 2.3, 9.0, 2.31, 8.5, Double.NaN, Double.NaN)));

  @TempDir
  Path dir;

  static Path write(Path target) {
    try (StoreWriter w = StoreWriter.create(target)) {
      w.addProvenance(Provenance.of("nb201 generate (search)", Map.of("seed", 1)));
      w.addTrial(StoreWriterTest.trial(3, "cifar10", 12, 777, 50));
      w.putSearch(GDAS);
      w.putSearch(DARTS);
      w.commit();
    }
    return target;
  }

  @Test
  void roundTripsSearchesOneRowPerEpoch() throws Exception {
    Path store = write(dir.resolve("s.duckdb"));
    try (Store s = Store.open(store)) {
      assertThat(s.formatVersion()).isEqualTo(4);
      assertThat(s.has("searches")).isTrue();
      StoreReader r = s.reader();
      assertThat(r.rowCount("searches")).isEqualTo(3);
      // store order: dataset, method, seed, search
      assertThat(r.searches()).containsExactly(DARTS, GDAS);
      List<Integer> prov = new ArrayList<>();
      r.searchRuns((run, id) -> prov.add(id));
      assertThat(prov).containsExactly(0, 0);
      s.verify();
    }
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store, ro); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT chosen, genotype, epochs, valid_top1 IS NULL, typeof(dataset)"
            + " FROM searches WHERE method = 'gdas'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(SearchSpace.official().arch(11472).toString());
      assertThat(rs.getString(2)).isEqualTo(rs.getString(1));
      assertThat(rs.getInt(3)).isEqualTo(1);
      assertThat(rs.getBoolean(4)).isTrue();
      assertThat(rs.getString(5)).startsWith("ENUM");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void carryOverKeepsSearchesAndPutReplacesOneOfTheSameTrial() throws Exception {
    Path store = write(dir.resolve("a.duckdb"));
    Path next = dir.resolve("b.duckdb");
    SearchRun redone = new SearchRun(GDAS.search(), "gdas", "fashion-mnist", 0, 4, 1, GDAS.settings(), 3,
        List.of(new SearchRun.Epoch(0, 3, 0.5, 128, 0.025, 2.0, 9.5, 2.0, 9.0, Double.NaN, Double.NaN)));
    try (Store old = Store.open(store); StoreWriter w = StoreWriter.create(next)) {
      assertThat(w.carryOver(old)).isEqualTo(1);
      assertThat(w.searchCount()).isEqualTo(2);
      w.addProvenance(Provenance.of("again", Map.of()));
      assertThat(w.putSearch(redone)).isTrue();
      w.addProxy(new ProxyRecord(3, ProxiesTableTest.SYNFLOW, 1.0, 0.1, null));
      w.commit();
    }
    try (Store s = Store.open(next)) {
      assertThat(s.reader().searches()).containsExactly(DARTS, redone);
      List<Integer> prov = new ArrayList<>();
      s.reader().searchRuns((run, id) -> prov.add(id));
      assertThat(prov).containsExactly(0, 1);
      assertThat(s.reader().rowCount("proxies")).isEqualTo(1);
    }
  }

  @Test
  void olderStoresOpenWithNoSearches() throws Exception {
    for (int v = 1; v <= 3; v++) {
      Path p = dir.resolve("format-v" + v + ".duckdb");
      try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("format-v" + v + ".duckdb.gz"))) {
        Files.copy(in, p);
      }
      try (Store s = Store.open(p)) {
        assertThat(s.formatVersion()).isEqualTo(v);
        assertThat(s.has("searches")).isFalse();
        assertThat(s.reader().rowCount("searches")).isZero();
        assertThat(s.reader().searches()).isEmpty();
        s.verify();
      }
    }
  }

  @Test
  void aVersion4StoreWithoutItsSearchesTableIsRefused() throws Exception {
    Path p = write(dir.resolve("d.duckdb"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + p); Statement st = c.createStatement()) {
      st.execute("DROP TABLE searches");
    }
    assertThatThrownBy(() -> Store.open(p)).isInstanceOf(StoreException.class)
        .hasMessageContaining("lacks tables [searches]; a format 4 store has all of");
  }

  @Test
  void rejectsBadSearchRecords() {
    assertThatThrownBy(() -> new SearchRun("xyz", "gdas", "cifar10", 0, 4, 1, "{}", 0, GDAS.epochs()))
        .hasMessageStartingWith("a search needs its 16-hex-digit trial id");
    assertThatThrownBy(() -> new SearchRun(GDAS.search(), "gdas", "cifar10", 0, 4, 1, "{}", 0,
        List.of(DARTS.epochs().get(1)))).hasMessageContaining("epoch records must be 0..0 in order");
    try (StoreWriter w = StoreWriter.create(dir.resolve("e.duckdb"))) {
      assertThatThrownBy(() -> w.putSearch(new SearchRun(GDAS.search(), "gdas", "mnist", 0, 4, 1, "{}", 0,
          GDAS.epochs()))).hasMessageStartingWith("unknown dataset 'mnist'");
    }
  }

  @Test
  void readsTheCommittedFormat4Fixture() throws Exception {
    Path p = dir.resolve("format-v4.duckdb");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("format-v4.duckdb.gz"))) {
      Files.copy(in, p);
    }
    try (Store s = Store.open(p)) {
      assertThat(s.formatVersion()).isEqualTo(4);
      assertThat(s.reader().searches()).containsExactly(DARTS, GDAS);
      assertThat(s.reader().proxyTable(ProxiesTableTest.NASWOT).value(3)).isEqualTo(812.25);
      s.verify();
    }
  }
}
