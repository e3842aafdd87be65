package org.nb201.bench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nb201.bench.CostRecord;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.ProxyRecord;
import org.nb201.bench.ProxySet;
import org.nb201.bench.ProxyTable;
import org.nb201.bench.SearchRun;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.space.Arch;
import org.nb201.space.Split;
import org.nb201.space.provenance.Provenance;

/**
 * The typed queries the query API is built on. Each is one SQL statement (prepared once and
 * reused); dataset and split names are checked against the fixed format lists before they reach
 * SQL. Unknown values are {@code NaN}; an averaged trial has seed {@link #AVERAGED}.
 */
public final class StoreReader {
  /** The seed value reported for trials whose values were averaged over seeds before import. */
  public static final int AVERAGED = Integer.MIN_VALUE;

  private final Store store;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  StoreReader(Store store) {
    this.store = store;
  }

  /** Receives one (index, seed) trial. */
  @FunctionalInterface
  public interface TrialVisitor {
    void trial(int index, int seed);
  }

  /** Receives what one (index, seed, split) measured at an epoch, and its time summed over epochs 0..epoch. */
  @FunctionalInterface
  public interface EpochVisitor {
    void row(int index, int seed, Split split, double accuracy, double loss, double timeSum, int timeCount);
  }

  /** Receives the time of one (seed, split) of a trial set, summed over all its epochs. */
  @FunctionalInterface
  public interface TimeVisitor {
    void row(int seed, Split split, int timeCount, double timeSum);
  }

  /** The trials of one (dataset, hp), ordered by index then seed (averaged first). */
  public void trials(String dataset, int hp, TrialVisitor v) {
    String sql = "SELECT index, seed FROM trials WHERE dataset = " + lit(dataset) + " AND hp = ?"
        + " ORDER BY index, seed NULLS FIRST";
    query(sql, rs -> v.trial(rs.getInt(1), seed(rs, 2)), hp);
  }

  /** What the store holds for one architecture, e.g. {@code [cifar10/200 seeds 777 888, cifar100/12 seeds 111]}. */
  public List<String> trialSetsOf(int index) {
    List<String> out = new ArrayList<>();
    query("SELECT dataset, hp, string_agg(coalesce(CAST(seed AS VARCHAR), 'averaged'), ' ' ORDER BY seed NULLS FIRST)"
        + " FROM trials WHERE index = ? GROUP BY dataset, hp ORDER BY dataset, hp",
        rs -> out.add(rs.getString(1) + "/" + rs.getInt(2) + " seeds " + rs.getString(3)), index);
    return out;
  }

  /** The hp values present, ascending. */
  public List<Integer> hps() {
    List<Integer> out = new ArrayList<>();
    query("SELECT DISTINCT hp FROM trials ORDER BY hp", rs -> out.add(rs.getInt(1)));
    return out;
  }

  /** The dataset keys present, in format order. */
  public List<String> datasets() {
    List<String> out = new ArrayList<>();
    query("SELECT DISTINCT dataset FROM trials ORDER BY dataset", rs -> out.add(rs.getString(1)));
    return out;
  }

  /** Architectures with at least one trial of this hp (any dataset): the official "evaluated indexes". */
  public BitSet evaluated(int hp) {
    BitSet out = new BitSet();
    query("SELECT DISTINCT index FROM trials WHERE hp = ?", rs -> out.set(rs.getInt(1)), hp);
    return out;
  }

  /** One (dataset, hp) trial set of a store: how many trials, architectures and which seeds. */
  public record TrialSet(String dataset, int hp, long trials, long archs, String seeds) {}

  /** The (dataset, hp) trial sets of the store, in store order. */
  public List<TrialSet> trialSets() {
    List<TrialSet> out = new ArrayList<>();
    query("SELECT dataset, hp, count(*), count(DISTINCT index),"
        + " concat_ws(' ', CASE WHEN bool_or(seed IS NULL) THEN 'averaged' END,"
        + " array_to_string(list_sort(list_distinct(list(seed) FILTER (WHERE seed IS NOT NULL))), ' '))"
        + " FROM trials GROUP BY dataset, hp ORDER BY dataset, hp",
        rs -> out.add(new TrialSet(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getString(5))));
    return out;
  }

  /** The provenance rows, by id. */
  public List<Provenance> provenance() {
    List<Provenance> out = new ArrayList<>();
    query("SELECT source, sha256, bytes, tool_version, imported_at, config, machine FROM provenance ORDER BY id",
        rs -> out.add(ProvenanceColumns.read(new ProvenanceColumns.Row(rs.getString(1), rs.getString(2), rs.getLong(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))));
    return out;
  }

  /** Receives one row of the {@code trials} table ({@code provenanceId} -1 when NULL). */
  @FunctionalInterface
  public interface TrialRowVisitor {
    void trial(TrialKey key, int provenanceId);
  }

  /** Every row of the {@code trials} table, in store order. */
  public void trialRows(TrialRowVisitor v) {
    query("SELECT index, dataset, hp, seed, provenance_id FROM trials ORDER BY " + TRIAL_ORDER, rs -> {
      int seed = seed(rs, 4);
      int prov = rs.getInt(5);
      v.trial(new TrialKey(rs.getInt(1), rs.getString(2), rs.getInt(3), seed == AVERAGED ? null : seed),
          rs.wasNull() ? -1 : prov);
    });
  }

  private static final String TRIAL_ORDER = "index, dataset, hp, seed NULLS FIRST";

  /**
   * One (device, dataset, metric) of the {@code hardware} table: its unit, how many cells have a
   * value, and the provenance row the values came from (-1 when unknown).
   */
  public record HardwareSet(String device, String dataset, String metric, String unit, int cells, int provenanceId) {}

  /** The hardware sets of the store, by device, dataset, metric; empty for a store without the table. */
  public List<HardwareSet> hardwareSets() {
    List<HardwareSet> out = new ArrayList<>();
    if (!store.has("hardware")) {
      return out;
    }
    query("SELECT device, dataset, metric, min(unit), count(*), coalesce(min(provenance_id), -1) FROM hardware"
        + " GROUP BY device, dataset, metric ORDER BY device, dataset, metric",
        rs -> out.add(new HardwareSet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getInt(6))));
    return out;
  }

  /** The values of one (device, dataset, metric) by index ({@code NaN} where absent, also in a store without them). */
  public HardwareTable hardware(String device, String dataset, String metric) {
    double[] values = new double[org.nb201.space.Arch.COUNT];
    Arrays.fill(values, Double.NaN);
    if (store.has("hardware")) {
      query("SELECT index, value FROM hardware WHERE device = ? AND dataset = " + lit(dataset) + " AND metric = ?",
          rs -> values[rs.getInt(1)] = rs.getDouble(2), device, metric);
    }
    return new HardwareTable(device, dataset, metric, values);
  }

  /** One stored device value of an architecture. */
  public record HardwareValue(String device, String dataset, String metric, String unit, double value) {}

  /** Every device value of architecture {@code index}, by device, dataset, metric. */
  public List<HardwareValue> hardwareOf(int index) {
    List<HardwareValue> out = new ArrayList<>();
    if (store.has("hardware")) {
      query("SELECT device, dataset, metric, unit, value FROM hardware WHERE index = ?"
          + " ORDER BY device, dataset, metric", rs -> out.add(new HardwareValue(rs.getString(1), rs.getString(2),
              rs.getString(3), rs.getString(4), rs.getDouble(5))), index);
    }
    return out;
  }

  /** Row count of a store table (0 for a table that the store's older format does not have). */
  public long rowCount(String table) {
    if (!StoreFormat.tables().contains(table)) {
      throw new IllegalArgumentException("unknown table '" + table + "'; expected one of " + StoreFormat.tables());
    }
    if (!store.has(table)) {
      return 0; // a table of a later format version: an older store has no rows of it
    }
    long[] n = new long[1];
    query("SELECT count(*) FROM " + table, rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  /**
   * Per (index, seed, split) of archs {@code from..to} (inclusive) on one (dataset, hp): accuracy
   * and loss at {@code epoch} and the time summed over epochs 0..epoch with how many epochs had one.
   * The last epoch is read from the small {@code finals} table, other epochs from {@code metrics}.
   */
  public void epochRows(int from, int to, String dataset, int hp, int epoch, EpochVisitor v) {
    RowHandler rows = rs -> v.row(rs.getInt(1), seed(rs, 2), Split.byKey(rs.getString(3)), num(rs, 4), num(rs, 5),
        num(rs, 6), rs.getInt(7));
    if (epoch == hp - 1) {
      query("SELECT index, seed, split, accuracy, loss, time_total, timed_epochs FROM finals"
          + " WHERE index BETWEEN ? AND ? AND dataset = " + lit(dataset) + " AND hp = ?", rows, from, to, hp);
    } else {
      String sql = "SELECT index, seed, split, max(accuracy) FILTER (WHERE epoch = $4),"
          + " max(loss) FILTER (WHERE epoch = $4), sum(time), count(time)"
          + " FROM metrics WHERE index BETWEEN $1 AND $2 AND dataset = " + lit(dataset) + " AND hp = $3"
          + " AND epoch <= $4 GROUP BY index, seed, split";
      if (to - from >= 64) {
        scan(sql, rows, from, to, hp, epoch);
      } else {
        query(sql, rows, from, to, hp, epoch);
      }
    }
  }

  /** Receives one (dataset, hp, seed, split) row of an architecture's {@code finals}. */
  @FunctionalInterface
  public interface FinalsVisitor {
    void row(String dataset, int hp, int seed, Split split, double accuracy, double loss, double timeTotal,
        int timedEpochs);
  }

  /**
   * Every {@code finals} row of one architecture (all datasets and hps): the cheapest lookup a
   * store offers, one short scan filtered on the leading sort key only.
   */
  public void finalsOf(int index, FinalsVisitor v) {
    query("SELECT dataset, hp, seed, split, accuracy, loss, time_total, timed_epochs FROM finals WHERE index = ?",
        rs -> v.row(rs.getString(1), rs.getInt(2), seed(rs, 3), Split.byKey(rs.getString(4)), num(rs, 5), num(rs, 6),
            num(rs, 7), rs.getInt(8)), index);
  }

  /** Receives one (index, seed) of a whole-dataset scan: a split's values at an epoch plus summed times. */
  @FunctionalInterface
  public interface FinalVisitor {
    void row(int index, int seed, double accuracy, double loss, double trainTimeSum, int trainTimeCount,
        double splitTimeSum, int splitTimeCount);
  }

  /**
   * One scan over a whole (dataset, hp): per (index, seed), accuracy and loss of {@code split} at
   * {@code epoch}, and the train and {@code split} times summed over epochs 0..epoch.
   */
  public void splitRows(String dataset, int hp, String split, int epoch, FinalVisitor v) {
    String s = lit(split);
    String sql = epoch == hp - 1
        ? "SELECT index, seed, max(accuracy) FILTER (WHERE split = " + s + "), max(loss) FILTER (WHERE split = "
            + s + "), sum(time_total) FILTER (WHERE split = 'train'), sum(timed_epochs) FILTER (WHERE split = 'train'),"
            + " sum(time_total) FILTER (WHERE split = " + s + "), sum(timed_epochs) FILTER (WHERE split = " + s + ")"
            + " FROM finals WHERE dataset = " + lit(dataset) + " AND hp = $1"
            + " AND split IN ('train', " + s + ") GROUP BY index, seed"
        : "SELECT index, seed, max(accuracy) FILTER (WHERE split = " + s + " AND epoch = $2),"
            + " max(loss) FILTER (WHERE split = " + s + " AND epoch = $2),"
            + " sum(time) FILTER (WHERE split = 'train'), count(time) FILTER (WHERE split = 'train'),"
            + " sum(time) FILTER (WHERE split = " + s + "), count(time) FILTER (WHERE split = " + s + ")"
            + " FROM metrics WHERE dataset = " + lit(dataset) + " AND hp = $1 AND epoch <= $2"
            + " AND split IN ('train', " + s + ") GROUP BY index, seed";
    RowHandler rows = rs -> v.row(rs.getInt(1), seed(rs, 2), num(rs, 3), num(rs, 4), num(rs, 5), rs.getInt(6),
        num(rs, 7), rs.getInt(8));
    if (epoch == hp - 1) {
      query(sql, rows, hp);
    } else {
      scan(sql, rows, hp, epoch);
    }
  }

  /** Receives one recorded accuracy of a per-epoch scan. */
  @FunctionalInterface
  public interface CurveVisitor {
    void row(int index, int seed, int epoch, double accuracy);
  }

  /**
   * Every recorded accuracy of {@code split} on one (dataset, hp), at every epoch: one parallel scan
   * of {@code metrics} (rows without an accuracy are skipped; rows come in no particular order).
   * What whole-benchmark analyses of learning curves read, e.g. how rankings change over training.
   */
  public void accuracyCurves(String dataset, int hp, String split, CurveVisitor v) {
    // index, epoch and seed packed into one BIGINT: two columns per row instead of four (JDBC's
    // per-value cost dominates a scan of millions of rows; measured about a third faster)
    String sql = "SELECT (CAST(index AS BIGINT) << 48) | (CAST(epoch AS BIGINT) << 32)"
        + " | (CAST(coalesce(seed, " + AVERAGED + ") AS BIGINT) & 4294967295), accuracy FROM metrics"
        + " WHERE dataset = " + lit(dataset) + " AND hp = ? AND split = " + lit(split) + " AND accuracy IS NOT NULL";
    scan(sql, rs -> {
      long key = rs.getLong(1);
      v.row((int) (key >>> 48), (int) key, (int) (key >>> 32 & 0xffff), rs.getDouble(2));
    }, hp);
  }

  /**
   * How completely one (dataset, hp, split) holds its final-epoch accuracy: architectures with rows
   * for the split, with a value for at least one trial, and with a value for every trial.
   */
  public record SplitCoverage(String dataset, int hp, String split, long archs, long valued, long complete) {}

  /** The final-epoch coverage of every (dataset, hp, split) in the store, in store order (from {@code finals}). */
  public List<SplitCoverage> splitCoverage() {
    List<SplitCoverage> out = new ArrayList<>();
    query("WITH t AS (SELECT index, dataset, hp, count(*) AS n FROM trials GROUP BY ALL),"
        + " f AS (SELECT index, dataset, hp, split, count(accuracy) AS v FROM finals GROUP BY ALL)"
        + " SELECT f.dataset, f.hp, f.split, count(*), count(*) FILTER (WHERE f.v > 0),"
        + " count(*) FILTER (WHERE f.v >= t.n) FROM f JOIN t USING (index, dataset, hp)"
        + " GROUP BY ALL ORDER BY f.dataset, f.hp, f.split",
        rs -> out.add(new SplitCoverage(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6))));
    return out;
  }

  /** Per (seed, split) of one trial set: time summed over all epochs, with how many epochs had one. */
  public void timeTotals(int index, String dataset, int hp, TimeVisitor v) {
    String sql = "SELECT seed, split, timed_epochs, time_total FROM finals WHERE index = ? AND dataset = "
        + lit(dataset) + " AND hp = ? ORDER BY seed NULLS FIRST, split";
    query(sql, rs -> v.row(seed(rs, 1), Split.byKey(rs.getString(2)), rs.getInt(3), num(rs, 4)), index, hp);
  }

  /** The costs of one architecture on one dataset, if the store has them. */
  public Optional<CostRecord> cost(int index, String dataset) {
    List<CostRecord> out = new ArrayList<>(1);
    String sql = "SELECT flops, params, latency FROM costs WHERE index = ? AND dataset = " + lit(dataset);
    query(sql, rs -> out.add(new CostRecord(index, dataset, num(rs, 1), num(rs, 2), num(rs, 3))), index);
    return out.stream().findFirst();
  }

  /** All costs of one dataset, indexed by architecture ({@code null} where absent). */
  public CostRecord[] costs(String dataset) {
    CostRecord[] out = new CostRecord[Arch.COUNT];
    String sql = "SELECT index, flops, params, latency FROM costs WHERE dataset = " + lit(dataset);
    query(sql, rs -> out[rs.getInt(1)] = new CostRecord(rs.getInt(1), dataset, num(rs, 2), num(rs, 3), num(rs, 4)));
    return out;
  }

  /** One full trial with all its rows, if present. */
  public Optional<Trial> trial(TrialKey key) {
    List<EpochMetrics> rows = new ArrayList<>();
    boolean[] found = new boolean[1];
    String seedTest = key.seed() == null ? "seed IS NULL" : "seed = " + key.seed();
    query("SELECT count(*) FROM trials WHERE index = ? AND dataset = " + lit(key.dataset()) + " AND hp = ? AND "
        + seedTest, rs -> found[0] = rs.getLong(1) > 0, key.index(), key.hp());
    if (!found[0]) {
      return Optional.empty();
    }
    query("SELECT epoch, split, accuracy, loss, time, top5 FROM metrics WHERE index = ? AND dataset = "
        + lit(key.dataset()) + " AND hp = ? AND " + seedTest + " ORDER BY split, epoch",
        rs -> rows.add(new EpochMetrics(rs.getInt(1), Split.byKey(rs.getString(2)), num(rs, 3), num(rs, 4),
            num(rs, 5), num(rs, 6))), key.index(), key.hp());
    return Optional.of(new Trial(key, rows));
  }

  /** A proxy set with how many architectures it scored, with and without a number, and their seconds. */
  public record ProxySetInfo(ProxySet set, int scored, int withValue, double seconds) {}

  /** The proxy sets the store holds, in store order (none for a store older than format 3). */
  public List<ProxySetInfo> proxySets() {
    List<ProxySetInfo> out = new ArrayList<>();
    if (!store.has("proxies")) {
      return out;
    }
    query("SELECT proxy, dataset, channels, cells, seed, batch, source, count(*), count(value), sum(seconds)"
        + " FROM proxies GROUP BY ALL ORDER BY dataset, proxy, channels, cells, seed, batch, source",
        rs -> out.add(new ProxySetInfo(new ProxySet(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
            rs.getInt(5), rs.getInt(6), rs.getString(7)), rs.getInt(8), rs.getInt(9), num(rs, 10))));
    return out;
  }

  /** The scores of one proxy set over the whole space (all absent when the store has none of it). */
  public ProxyTable proxyTable(ProxySet set) {
    double[] values = new double[Arch.COUNT];
    double[] seconds = new double[Arch.COUNT];
    Arrays.fill(values, Double.NaN);
    Arrays.fill(seconds, Double.NaN);
    Map<Integer, String> notes = new HashMap<>();
    if (store.has("proxies")) {
      StoreFormat.checkDataset(set.dataset());
      query("SELECT index, value, seconds, note FROM proxies WHERE proxy = ? AND dataset = " + lit(set.dataset())
          + " AND channels = ? AND cells = ? AND seed = ? AND batch = ? AND source = ?", rs -> {
            int i = rs.getInt(1);
            values[i] = num(rs, 2);
            seconds[i] = num(rs, 3);
            String note = rs.getString(4);
            if (note != null) {
              notes.put(i, note);
            }
          }, set.proxy(), set.channels(), set.cells(), set.seed(), set.batch(), set.source());
    }
    return new ProxyTable(set, values, seconds, notes);
  }

  /** Receives one stored proxy score and the provenance row it points to (-1 for none). */
  @FunctionalInterface
  public interface ProxyVisitor {
    void row(ProxyRecord record, int provenanceId);
  }

  /** Every proxy score, in store order (none for a store older than format 3). */
  public void proxyRows(ProxyVisitor v) {
    if (!store.has("proxies")) {
      return;
    }
    query("SELECT index, proxy, dataset, channels, cells, seed, batch, source, value, seconds, note, provenance_id"
        + " FROM proxies ORDER BY " + StoreFormat.PROXIES_ORDER, rs -> {
          ProxySet set = new ProxySet(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
              rs.getInt(7), rs.getString(8));
          int prov = rs.getInt(12);
          prov = rs.wasNull() ? -1 : prov;
          v.row(new ProxyRecord(rs.getInt(1), set, num(rs, 9), num(rs, 10), rs.getString(11)), prov);
        });
  }

  /** Receives one stored search and the provenance row its epoch rows point to (-1 for none). */
  @FunctionalInterface
  public interface SearchVisitor {
    void run(SearchRun run, int provenanceId);
  }

  /** Every stored search with its epochs, in store order (none for a store older than format 4). */
  public void searchRuns(SearchVisitor v) {
    if (!store.has("searches")) {
      return;
    }
    List<Object[]> heads = new ArrayList<>();
    List<List<SearchRun.Epoch>> epochs = new ArrayList<>();
    query("SELECT search, method, dataset, seed, channels, cells, settings, chosen_index, provenance_id, epoch,"
        + " genotype_index, seconds, images, lr, train_loss, train_top1, arch_loss, arch_top1, valid_loss, valid_top1"
        + " FROM searches ORDER BY " + StoreFormat.SEARCHES_ORDER, rs -> {
          String id = rs.getString(1);
          if (heads.isEmpty() || !heads.get(heads.size() - 1)[0].equals(id)) {
            int prov = rs.getInt(9);
            prov = rs.wasNull() ? -1 : prov;
            heads.add(new Object[] {id, rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                rs.getString(7), rs.getInt(8), prov});
            epochs.add(new ArrayList<>());
          }
          long images = rs.getLong(13);
          images = rs.wasNull() ? 0 : images;
          epochs.get(epochs.size() - 1).add(new SearchRun.Epoch(rs.getInt(10), rs.getInt(11), num(rs, 12),
              images, num(rs, 14), num(rs, 15), num(rs, 16), num(rs, 17), num(rs, 18),
              num(rs, 19), num(rs, 20)));
        });
    for (int i = 0; i < heads.size(); i++) {
      Object[] h = heads.get(i);
      v.run(new SearchRun((String) h[0], (String) h[1], (String) h[2], (int) h[3], (int) h[4], (int) h[5],
          (String) h[6], (int) h[7], epochs.get(i)), (int) h[8]);
    }
  }

  /** Every stored search, in store order (none for a store older than format 4). */
  public List<SearchRun> searches() {
    List<SearchRun> out = new ArrayList<>();
    searchRuns((run, id) -> out.add(run));
    return out;
  }

  /** Runs a query with parameters and hands each row to {@code rows}; used by exporters and views. */
  void query(String sql, RowHandler rows, Object... params) {
    run(false, sql, rows, params);
  }

  /** As {@link #query} for a scan over much of {@code metrics}: DuckDB uses all cores. */
  void scan(String sql, RowHandler rows, Object... params) {
    run(true, sql, rows, params);
  }

  private void run(boolean scan, String sql, RowHandler rows, Object... params) {
    Store.SqlWork<Void> work = c -> {
      PreparedStatement ps = statement(c, sql);
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.row(rs);
        }
      }
      return null;
    };
    if (scan) {
      store.scanning(work, e -> StoreErrors.reading(store.path(), e));
    } else {
      store.withConnection(work);
    }
  }

  /** Handles one result row. */
  @FunctionalInterface
  interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private PreparedStatement statement(Connection c, String sql) throws SQLException {
    PreparedStatement ps = prepared.get(sql);
    if (ps == null) {
      ps = c.prepareStatement(sql);
      prepared.put(sql, ps);
    }
    return ps;
  }

  /** A dataset or split name as a SQL literal, after checking it against the format's fixed lists. */
  static String lit(String name) {
    if (!StoreFormat.DATASETS.contains(name) && !StoreFormat.SPLITS.contains(name)) {
      StoreFormat.checkDataset(name);
    }
    return "'" + name + "'";
  }

  static double num(ResultSet rs, int col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? Double.NaN : v;
  }

  static int seed(ResultSet rs, int col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? AVERAGED : v;
  }
}
