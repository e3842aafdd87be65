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
import org.nb201.bench.ProxySet;
import org.nb201.bench.ProxyTable;
import org.nb201.space.provenance.Provenance;

/** The {@code proxies} table (format 3): round trip, NULL for scores that are not numbers, old stores. */
class ProxiesTableTest {
  static final ProxySet SYNFLOW = new ProxySet("synflow", "cifar10", 16, 5, 0, 1, "none");
  static final ProxySet NASWOT = new ProxySet("naswot", "cifar10", 16, 5, 0, 128, "train");

  @TempDir
  Path dir;

  private Path write() {
    Path target = dir.resolve("p.duckdb");
    try (StoreWriter w = StoreWriter.create(target)) {
      w.addProvenance(Provenance.of("nb201 proxies", Map.of("seed", 0)));
      w.addTrial(StoreWriterTest.trial(3, "cifar10", 12, 777, 50));
      w.addProxy(new ProxyRecord(1651, NASWOT, Double.NEGATIVE_INFINITY, 0.5, "-inf: singular kernel"));
      w.addProxy(new ProxyRecord(3, NASWOT, 812.25, 1.25, null));
      w.addProxy(new ProxyRecord(3, SYNFLOW, 7.004e49, 0.035, null));
      w.addProxy(new ProxyRecord(0, SYNFLOW, 1.5e20, 0.03, null));
      w.commit();
    }
    return target;
  }

  @Test
  void roundTripsScoresAndStoresNoNumberForNonFiniteOnes() throws Exception {
    Path store = write();
    try (Store s = Store.open(store)) {
      assertThat(s.formatVersion()).isEqualTo(StoreFormat.VERSION);
      assertThat(s.has("proxies")).isTrue();
      StoreReader r = s.reader();
      assertThat(r.rowCount("proxies")).isEqualTo(4);
      assertThat(r.proxySets()).extracting(StoreReader.ProxySetInfo::set).containsExactly(NASWOT, SYNFLOW);
      assertThat(r.proxySets().get(0).scored()).isEqualTo(2);
      assertThat(r.proxySets().get(0).withValue()).isEqualTo(1);
      ProxyTable naswot = r.proxyTable(NASWOT);
      assertThat(naswot.value(3)).isEqualTo(812.25);
      assertThat(naswot.seconds(3)).isEqualTo(1.25);
      assertThat(naswot.value(1651)).isNaN();
      assertThat(naswot.scored(1651)).isTrue();
      assertThat(naswot.scored(4)).isFalse();
      assertThat(naswot.notes()).containsExactly(java.util.Map.entry(1651, "-inf: singular kernel"));
      assertThat(r.proxyTable(SYNFLOW).value(3)).isEqualTo(7.004e49);
      List<ProxyRecord> rows = new ArrayList<>();
      List<Integer> prov = new ArrayList<>();
      r.proxyRows((rec, id) -> {
        rows.add(rec);
        prov.add(id);
      });
      assertThat(rows).extracting(ProxyRecord::index).containsExactly(3, 1651, 0, 3); // store order
      assertThat(prov).containsOnly(0);
      s.verify();
    }
    // in SQL, a score that is not a number is NULL with its note
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store, ro); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT value IS NULL, note, typeof(dataset) FROM proxies WHERE index = 1651")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.getString(2)).isEqualTo("-inf: singular kernel");
      assertThat(rs.getString(3)).startsWith("ENUM");
    }
  }

  @Test
  void rejectsTwoScoresOfOneCellAndSet() {
    try (StoreWriter w = StoreWriter.create(dir.resolve("d.duckdb"))) {
      w.addProxy(new ProxyRecord(3, SYNFLOW, 1, 0, null));
      assertThatThrownBy(() -> w.addProxy(new ProxyRecord(3, SYNFLOW, 2, 0, null)))
          .hasMessage("synflow on cifar10 (C16 N5, seed 0, batch 1, none) of index 3 added twice");
      assertThatThrownBy(() -> w.addProxy(new ProxyRecord(3, new ProxySet("synflow", "mnist", 16, 5, 0, 1, "none"), 2,
          0, null))).hasMessageStartingWith("unknown dataset 'mnist'");
    }
  }

  @Test
  void aVersion1StoreOpensWithNoProxies() throws Exception {
    Path p = dir.resolve("format-v1.duckdb");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("format-v1.duckdb.gz"))) {
      Files.copy(in, p);
    }
    try (Store s = Store.open(p)) {
      assertThat(s.formatVersion()).isEqualTo(1);
      assertThat(s.has("proxies")).isFalse();
      assertThat(s.reader().rowCount("proxies")).isZero();
      assertThat(s.reader().proxySets()).isEmpty();
      assertThat(s.reader().proxyTable(SYNFLOW).valueCount()).isZero();
      s.verify();
    }
  }

  @Test
  void aVersion2StoreOpensWithNoProxies() throws Exception {
    Path p = dir.resolve("format-v2.duckdb");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("format-v2.duckdb.gz"))) {
      Files.copy(in, p);
    }
    try (Store s = Store.open(p)) {
      assertThat(s.formatVersion()).isEqualTo(2);
      assertThat(s.has("hardware")).isTrue();
      assertThat(s.has("proxies")).isFalse();
      assertThat(s.reader().rowCount("proxies")).isZero();
      assertThat(s.reader().proxySets()).isEmpty();
      s.verify();
    }
  }

  @Test
  void aCurrentStoreWithoutItsProxiesTableIsRefused() throws Exception {
    Path p = write();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + p); Statement st = c.createStatement()) {
      st.execute("DROP TABLE proxies");
    }
    assertThatThrownBy(() -> Store.open(p)).isInstanceOf(StoreException.class)
        .hasMessageContaining("lacks tables [proxies]; a format " + StoreFormat.VERSION + " store has all of");
  }

  @Test
  void readsTheCommittedFormat3Fixture() throws Exception {
    Path p = dir.resolve("format-v3.duckdb");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("format-v3.duckdb.gz"))) {
      Files.copy(in, p);
    }
    try (Store s = Store.open(p)) {
      assertThat(s.formatVersion()).isEqualTo(3);
      ProxyTable t = s.reader().proxyTable(NASWOT);
      assertThat(t.value(3)).isEqualTo(812.25);
      assertThat(t.notes()).containsEntry(1651, "-inf: singular kernel");
      s.verify();
    }
  }
}
