package org.nb201.bench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.nb201.bench.CostRecord;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.ProxyRecord;
import org.nb201.bench.ProxySet;
import org.nb201.bench.SearchRun;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;
import org.nb201.space.ToolVersion;
import org.nb201.space.provenance.Provenance;

/**
 * Writes the small tables of a store at commit, once {@code metrics} is complete: {@code finals}
 * (derived from {@code metrics}), {@code archs} (all 15,625 official strings, so readers need no
 * nb201 code to map indices), {@code trials}, {@code costs}, {@code hardware}, {@code proxies},
 * {@code searches}, {@code provenance}
 * and {@code meta}, each sorted by its key.
 */
final class SmallTables {
  private final DuckDBConnection conn;

  SmallTables(DuckDBConnection conn) {
    this.conn = conn;
  }

  void write(List<StoreWriter.TrialRow> trials, Collection<CostRecord> costs, List<Provenance> provenance,
      Collection<StoreWriter.HardwareRows> hardware, Collection<StoreWriter.ProxyRow> proxies,
      Collection<StoreWriter.SearchRow> searches) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(StoreFormat.fillFinals());
    }
    writeArchs();
    writeTrials(trials);
    writeCosts(costs);
    writeHardware(hardware);
    writeProxies(proxies);
    writeSearches(searches);
    writeProvenance(provenance);
    writeMeta();
  }

  private void writeArchs() throws SQLException {
    SearchSpace space = SearchSpace.official();
    try (DuckDBAppender a = conn.createAppender(StoreFormat.CATALOG, "main", "archs")) {
      for (int i = 0; i < Arch.COUNT; i++) {
        a.beginRow().append((short) i).append(space.arch(i).toString()).endRow();
      }
    }
  }

  private void writeTrials(List<StoreWriter.TrialRow> trials) throws SQLException {
    List<StoreWriter.TrialRow> sorted = new ArrayList<>(trials);
    sorted.sort(Comparator.comparing(StoreWriter.TrialRow::key, MetricsAppender.KEY_ORDER));
    try (DuckDBAppender a = conn.createAppender(StoreFormat.CATALOG, "main", "trials")) {
      for (StoreWriter.TrialRow t : sorted) {
        a.beginRow().append((short) t.key().index()).append(t.key().dataset()).append((short) t.key().hp());
        if (t.key().seed() == null) {
          a.appendNull();
        } else {
          a.append(t.key().seed().intValue());
        }
        if (t.provenanceId() < 0) {
          a.appendNull();
        } else {
          a.append(t.provenanceId());
        }
        a.endRow();
      }
    }
  }

  private void writeCosts(Collection<CostRecord> costs) throws SQLException {
    List<CostRecord> sorted = new ArrayList<>(costs);
    sorted.sort(Comparator.comparingInt(CostRecord::index)
        .thenComparingInt(c -> StoreFormat.datasetCode(c.dataset())));
    try (DuckDBAppender a = conn.createAppender(StoreFormat.CATALOG, "main", "costs")) {
      for (CostRecord c : sorted) {
        a.beginRow().append((short) c.index()).append(c.dataset());
        value(a, c.flops());
        value(a, c.params());
        value(a, c.latency());
        a.endRow();
      }
    }
  }

  private void writeHardware(Collection<StoreWriter.HardwareRows> hardware) throws SQLException {
    List<StoreWriter.HardwareRows> sorted = new ArrayList<>(hardware);
    sorted.sort(Comparator.comparing((StoreWriter.HardwareRows h) -> h.table().device())
        .thenComparingInt(h -> StoreFormat.datasetCode(h.table().dataset()))
        .thenComparing(h -> h.table().metric()));
    try (DuckDBAppender a = conn.createAppender(StoreFormat.CATALOG, "main", "hardware")) {
      for (StoreWriter.HardwareRows h : sorted) {
        HardwareTable t = h.table();
        for (int i = 0; i < Arch.COUNT; i++) {
          double v = t.value(i);
          if (Double.isNaN(v)) {
            continue;
          }
          a.beginRow().append((short) i).append(t.dataset()).append(t.device()).append(t.metric()).append(v)
              .append(t.unit());
          if (h.provenanceId() < 0) {
            a.appendNull();
          } else {
            a.append(h.provenanceId());
          }
          a.endRow();
        }
      }
    }
  }

  /** In {@link StoreFormat#PROXIES_ORDER}: a proxy set's scores are one contiguous run. */
  private void writeProxies(Collection<StoreWriter.ProxyRow> proxies) throws SQLException {
    List<StoreWriter.ProxyRow> sorted = new ArrayList<>(proxies);
    Comparator<ProxySet> bySet = Comparator.comparingInt((ProxySet s) -> StoreFormat.datasetCode(s.dataset()))
        .thenComparing(ProxySet::proxy).thenComparingInt(ProxySet::channels).thenComparingInt(ProxySet::cells)
        .thenComparingInt(ProxySet::seed).thenComparingInt(ProxySet::batch).thenComparing(ProxySet::source);
    sorted.sort(Comparator.comparing((StoreWriter.ProxyRow r) -> r.record().set(), bySet)
        .thenComparingInt(r -> r.record().index()));
    try (DuckDBAppender a = conn.createAppender(StoreFormat.CATALOG, "main", "proxies")) {
      for (StoreWriter.ProxyRow row : sorted) {
        ProxyRecord r = row.record();
        ProxySet s = r.set();
        a.beginRow().append((short) r.index()).append(s.dataset()).append(s.proxy()).append((short) s.channels())
            .append((short) s.cells()).append(s.seed()).append(s.batch()).append(s.source());
        value(a, r.value());
        value(a, r.seconds());
        if (r.note() == null) {
          a.appendNull();
        } else {
          a.append(r.note());
        }
        if (row.provenanceId() < 0) {
          a.appendNull();
        } else {
          a.append(row.provenanceId());
        }
        a.endRow();
      }
    }
  }

  /** In {@link StoreFormat#SEARCHES_ORDER}: one row per (search, epoch), a search's epochs contiguous. */
  private void writeSearches(Collection<StoreWriter.SearchRow> searches) throws SQLException {
    List<StoreWriter.SearchRow> sorted = new ArrayList<>(searches);
    sorted.sort(Comparator.comparingInt((StoreWriter.SearchRow r) -> StoreFormat.datasetCode(r.run().dataset()))
        .thenComparing(r -> r.run().method()).thenComparingInt(r -> r.run().seed())
        .thenComparing(r -> r.run().search()));
    SearchSpace space = SearchSpace.official();
    try (DuckDBAppender a = conn.createAppender(StoreFormat.CATALOG, "main", "searches")) {
      for (StoreWriter.SearchRow row : sorted) {
        SearchRun s = row.run();
        for (SearchRun.Epoch e : s.epochs()) {
          a.beginRow().append(s.search()).append(s.method()).append(s.dataset()).append(s.seed())
              .append((short) s.channels()).append((short) s.cells()).append((short) s.epochs().size())
              .append(s.settings()).append((short) s.chosenIndex()).append(space.arch(s.chosenIndex()).toString())
              .append((short) e.epoch()).append((short) e.genotypeIndex())
              .append(space.arch(e.genotypeIndex()).toString());
          value(a, e.seconds());
          a.append(e.images());
          value(a, e.lr());
          value(a, e.trainLoss());
          value(a, e.trainTop1());
          value(a, e.archLoss());
          value(a, e.archTop1());
          value(a, e.validLoss());
          value(a, e.validTop1());
          if (row.provenanceId() < 0) {
            a.appendNull();
          } else {
            a.append(row.provenanceId());
          }
          a.endRow();
        }
      }
    }
  }

  private void writeProvenance(List<Provenance> provenance) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO provenance VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int id = 0; id < provenance.size(); id++) {
        ProvenanceColumns.Row p = ProvenanceColumns.row(provenance.get(id));
        ps.setInt(1, id);
        ps.setString(2, p.source());
        ps.setString(3, p.sha256());
        ps.setLong(4, p.bytes());
        ps.setString(5, p.toolVersion());
        ps.setString(6, p.importedAt());
        ps.setString(7, p.config());
        ps.setString(8, p.machine());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void writeMeta() throws SQLException {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", StoreFormat.FORMAT_NAME);
    meta.put("format_version", Integer.toString(StoreFormat.VERSION));
    meta.put("tool", "nb201");
    meta.put("tool_version", ToolVersion.get());
    meta.put("created", Instant.now().toString());
    meta.put("duckdb_version", duckdbVersion());
    meta.put("space", "nas-bench-201 topology, official index order (sha256 of the joined strings "
        + SearchSpace.OFFICIAL_SHA256 + ")");
    meta.put("metrics_order", StoreFormat.METRICS_ORDER);
    meta.put("units", "accuracy/top5 percent; loss mean cross-entropy; time seconds per epoch on that split;"
        + " flops/params millions; latency seconds per batch of 256;"
        + " hardware latency milliseconds and energy millijoules per inference; proxies seconds per score;"
        + " searches seconds per epoch, top1 percent, loss mean cross-entropy");
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
      for (Map.Entry<String, String> e : meta.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setString(2, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private String duckdbVersion() throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void value(DuckDBAppender a, double v) throws SQLException {
    if (Double.isNaN(v)) {
      a.appendNull();
    } else {
      a.append(v);
    }
  }
}
