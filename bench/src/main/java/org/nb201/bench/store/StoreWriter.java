package org.nb201.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.nb201.bench.CostRecord;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.ProxyRecord;
import org.nb201.bench.SearchRun;
import org.nb201.bench.StoreSink;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.space.provenance.Provenance;

/**
 * Writes a new store. Everything goes to hidden temporary files next to the target; {@link
 * #commit()} renames the finished one onto the target in one atomic step, {@link #close()} without
 * commit deletes them. So a store is either complete or absent, never half-written, and an existing file is
 * only replaced when the writer was created with {@code overwrite}. The temporary files carry the
 * writer's process id; a new writer of the same target deletes those of processes that are gone
 * (a killed import). Metric rows end up sorted by
 * {@link StoreFormat#METRICS_ORDER}; importers that visit architectures in index order avoid the
 * extra sort pass. {@link #carryOver(Store)} starts the new store with everything an existing one
 * holds, which is how a store is updated: a new file replaces the old one atomically. Not thread-safe.
 */
public final class StoreWriter implements StoreSink, AutoCloseable {
  private final Path target;
  private final boolean overwrite;
  private final Path staging;
  private DuckDBConnection conn;
  private MetricsAppender metrics;
  private final Set<TrialKey> trialKeys = new HashSet<>();
  private final List<TrialRow> trials = new ArrayList<>();
  private final Map<Long, CostRecord> costs = new HashMap<>();
  private final List<Provenance> provenance = new ArrayList<>();
  private final Map<String, HardwareRows> hardware = new LinkedHashMap<>();
  private final Map<String, ProxyRow> proxies = new LinkedHashMap<>();
  private final Map<String, SearchRow> searches = new LinkedHashMap<>();
  private int currentProvenance = -1;
  private long carriedRows;
  private boolean committed;
  private boolean closed;

  /** A trial as the {@code trials} table holds it. */
  record TrialRow(TrialKey key, int provenanceId) {}

  /** A hardware table and the provenance row its values point to. */
  record HardwareRows(HardwareTable table, int provenanceId) {}
  /** A proxy score and the provenance row it points to. */
  record ProxyRow(ProxyRecord record, int provenanceId) {}
  /** A search and the provenance row its epoch rows point to. */
  record SearchRow(SearchRun run, int provenanceId) {}

  private StoreWriter(Path target, boolean overwrite) {
    this.target = target.toAbsolutePath().normalize();
    this.overwrite = overwrite;
    Path dir = this.target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new StoreException("cannot create store " + target + ": directory " + dir + " does not exist");
    }
    if (Files.isDirectory(this.target)) {
      throw new StoreException("cannot create store " + target + ": it is a directory, expected a file path");
    }
    if (!overwrite && Files.exists(this.target)) {
      throw new StoreException("store " + target + " already exists; choose another path or allow overwriting");
    }
    removeStaleTemps();
    this.staging = tempSibling("staging");
    try {
      conn = open(staging);
      try (Statement st = conn.createStatement()) {
        st.execute("ATTACH '" + sql(tempSibling("side")) + "' AS " + MetricsAppender.SIDE);
        st.execute("CREATE TABLE " + MetricsAppender.SIDE + ".main.metrics (index USMALLINT, dataset VARCHAR,"
            + " hp USMALLINT, seed INTEGER, split VARCHAR, epoch USMALLINT, accuracy DOUBLE, loss DOUBLE,"
            + " time DOUBLE, top5 DOUBLE)");
      }
      metrics = new MetricsAppender(conn);
    } catch (SQLException e) {
      discard();
      throw StoreErrors.writing(this.target, e);
    }
  }

  /** Starts a new store at {@code target}, which must not exist yet. */
  public static StoreWriter create(Path target) {
    return new StoreWriter(target, false);
  }

  /** Starts a new store at {@code target}; an existing file is replaced at commit when {@code overwrite}. */
  public static StoreWriter create(Path target, boolean overwrite) {
    return new StoreWriter(target, overwrite);
  }

  /** Records where the following trials come from; returns its id (also used for later trials). */
  public int addProvenance(Provenance p) {
    provenance.add(ProvenanceColumns.check(p));
    currentProvenance = provenance.size() - 1;
    return currentProvenance;
  }

  /** Attributes the following trials to an earlier {@link #addProvenance(Provenance)} id. */
  public void useProvenance(int id) {
    if (id < 0 || id >= provenance.size()) {
      throw new IllegalArgumentException("provenance id " + id + " unknown, expected 0.." + (provenance.size() - 1));
    }
    currentProvenance = id;
  }

  @Override
  public void addTrial(Trial trial) {
    checkOpen();
    MetricsAppender.validate(trial);
    if (!trialKeys.add(trial.key())) {
      throw new IllegalArgumentException(MetricsAppender.describe(trial.key()) + " added twice");
    }
    trials.add(new TrialRow(trial.key(), currentProvenance));
    try {
      metrics.add(trial);
    } catch (SQLException e) {
      throw StoreErrors.writing(target, e);
    }
  }

  @Override
  public void addCost(CostRecord cost) {
    checkOpen();
    int code = StoreFormat.checkDataset(cost.dataset());
    if (costs.putIfAbsent((long) cost.index() * 16 + code, cost) != null) {
      throw new IllegalArgumentException("costs of (index " + cost.index() + ", " + cost.dataset() + ") added twice");
    }
  }

  /**
   * Adds one device's values of one metric on one dataset, attributed to the current provenance;
   * a second table with the same (device, dataset, metric) is an error (see {@link #dropHardware}).
   */
  public void addHardware(HardwareTable table) {
    checkOpen();
    StoreFormat.checkDataset(table.dataset());
    if (hardware.putIfAbsent(hardwareKey(table.device(), table.dataset(), table.metric()),
        new HardwareRows(table, currentProvenance)) != null) {
      throw new IllegalArgumentException(table.describe() + " added twice");
    }
  }

  /** Removes the values of (device, dataset, metric) added or carried over so far; returns whether there were any. */
  public boolean dropHardware(String device, String dataset, String metric) {
    checkOpen();
    return hardware.remove(hardwareKey(device, dataset, metric)) != null;
  }

  private static String hardwareKey(String device, String dataset, String metric) {
    return device + "\t" + dataset + "\t" + metric;
  }

  /**
   * Starts this store with everything {@code old} holds: its provenance rows (with their ids),
   * trials, metric rows, costs, hardware values, proxy scores and searches. Must come before anything else is
   * added. The
   * metric rows are copied by DuckDB in store order without passing through Java, so a later
   * commit of a store that only gained small tables needs no sort; trials added afterwards make
   * the writer sort once at commit. A version-1 store is carried over into the current format.
   *
   * @return the number of trials carried over
   */
  public int carryOver(Store old) {
    checkOpen();
    if (!provenance.isEmpty() || !trials.isEmpty() || !costs.isEmpty() || !hardware.isEmpty()
        || !proxies.isEmpty() || !searches.isEmpty() || metrics.rows() > 0) {
      throw new IllegalStateException("carryOver must come before anything else is added to " + target);
    }
    StoreReader r = old.reader();
    provenance.addAll(r.provenance());
    r.trialRows((key, provenanceId) -> {
      trialKeys.add(key);
      trials.add(new TrialRow(key, provenanceId));
    });
    for (String dataset : StoreFormat.DATASETS) {
      for (CostRecord c : r.costs(dataset)) {
        if (c != null) {
          addCost(c);
        }
      }
    }
    for (StoreReader.HardwareSet set : r.hardwareSets()) {
      HardwareTable t = r.hardware(set.device(), set.dataset(), set.metric());
      hardware.put(hardwareKey(t.device(), t.dataset(), t.metric()), new HardwareRows(t, set.provenanceId()));
    }
    r.proxyRows((rec, id) -> proxies.put(proxyKey(rec), new ProxyRow(rec, id)));
    r.searchRuns((run, id) -> searches.put(run.search(), new SearchRow(run, id)));
    try (Statement st = conn.createStatement()) {
      st.execute("ATTACH '" + sql(old.path()) + "' AS carried (READ_ONLY)");
      try {
        // a plain INSERT ... SELECT keeps the rows in the order of the old file (DuckDB preserves
        // insertion order), which is the store order: values first, then time-only rows
        carriedRows += st.executeUpdate("INSERT INTO metrics " + castedSelect("carried.main.metrics")
            + " WHERE NOT " + StoreFormat.TIME_ONLY);
        carriedRows += st.executeUpdate("INSERT INTO " + MetricsAppender.SIDE + ".main.metrics"
            + " SELECT * FROM carried.main.metrics WHERE " + StoreFormat.TIME_ONLY);
      } finally {
        st.execute("DETACH carried");
      }
    } catch (SQLException e) {
      throw StoreErrors.writing(target, e);
    }
    metrics.carriedOver();
    currentProvenance = -1;
    return trials.size();
  }

  /** Adds the costs of one architecture on one dataset, replacing any added or carried over before. */
  public void putCost(CostRecord cost) {
    checkOpen();
    costs.put((long) cost.index() * 16 + StoreFormat.checkDataset(cost.dataset()), cost);
  }

  /**
   * Adds one training-free score, attributed to the current provenance; a second score of the same
   * (proxy set, index) is an error. A score that is not a number is stored as NULL with its note.
   */
  public void addProxy(ProxyRecord r) {
    checkOpen();
    StoreFormat.checkDataset(r.set().dataset());
    if (proxies.putIfAbsent(proxyKey(r), new ProxyRow(r, currentProvenance)) != null) {
      throw new IllegalArgumentException(r.set().describe() + " of index " + r.index() + " added twice");
    }
  }

  /**
   * Adds one training-free score as {@link #addProxy} does, replacing a score of the same (proxy set,
   * index) added or carried over before; returns whether it replaced one.
   */
  public boolean putProxy(ProxyRecord r) {
    checkOpen();
    StoreFormat.checkDataset(r.set().dataset());
    return proxies.put(proxyKey(r), new ProxyRow(r, currentProvenance)) != null;
  }

  /** Whether a score of this (proxy set, index) was added. */
  public boolean hasProxy(ProxyRecord r) {
    return proxies.containsKey(proxyKey(r));
  }

  private static String proxyKey(ProxyRecord r) {
    return r.set() + "\t" + r.index();
  }

  /**
   * Adds one finished search (its epoch rows), attributed to the current provenance, replacing a
   * search of the same trial id added or carried over before; returns whether it replaced one.
   */
  public boolean putSearch(SearchRun run) {
    checkOpen();
    StoreFormat.checkDataset(run.dataset());
    if (run.epochs().size() > StoreFormat.MAX_HP) {
      throw new IllegalArgumentException(run.describe() + ": more than " + StoreFormat.MAX_HP + " epochs");
    }
    return searches.put(run.search(), new SearchRow(run, currentProvenance)) != null;
  }

  /** Searches added (or carried over) so far. */
  public int searchCount() {
    return searches.size();
  }

  /** Proxy scores added so far. */
  public int proxyCount() {
    return proxies.size();
  }

  /** Trials added so far. */
  public int trialCount() {
    return trials.size();
  }

  /** Metric rows written so far, carried over ones included (rows still buffered for the current arch excluded). */
  public long metricRowCount() {
    return metrics.rows() + carriedRows;
  }

  /**
   * Finishes the store and atomically moves it to the target path. Afterwards the writer is closed.
   *
   * @return the target path
   */
  public Path commit() {
    checkOpen();
    try {
      metrics.close();
      Path side = tempSibling("side");
      if (!metrics.sorted()) {
        detachSide();
        conn.close();
        Path sortedFile = tempSibling("sorted");
        conn = open(sortedFile);
        copySorted(staging, side);
        Files.deleteIfExists(staging);
        Files.deleteIfExists(side);
        moveIntoPlace(sortedFile);
      } else {
        try (Statement st = conn.createStatement()) {
          st.execute("INSERT INTO metrics " + castedSelect(MetricsAppender.SIDE + ".main.metrics"));
        }
        detachSide();
        Files.deleteIfExists(side);
        moveIntoPlace(staging);
      }
      committed = true;
      // the searches on this store find its SHA-256 remembered instead of hashing it again
      StoreChecksums.seed(target);
      return target;
    } catch (SQLException e) {
      throw StoreErrors.writing(target, e);
    } catch (IOException e) {
      throw new StoreException("cannot write store " + target + ": " + e.getMessage(), e);
    } finally {
      close();
    }
  }

  private void moveIntoPlace(Path file) throws SQLException, IOException {
    new SmallTables(conn).write(trials, costs.values(), provenance, hardware.values(), proxies.values(),
        searches.values());
    try (Statement st = conn.createStatement()) {
      st.execute("CHECKPOINT");
    }
    conn.close();
    conn = null;
    Files.deleteIfExists(wal(file));
    if (overwrite) {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else {
      if (Files.exists(target)) {
        throw new StoreException("store " + target + " appeared while writing; not replacing it");
      }
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private void detachSide() throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("DETACH " + MetricsAppender.SIDE);
    }
  }

  /** Sorts the rows of both staging files into the (empty) metrics table of {@code conn}. */
  private void copySorted(Path unsorted, Path side) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("ATTACH '" + sql(unsorted) + "' AS staged (READ_ONLY)");
      st.execute("ATTACH '" + sql(side) + "' AS " + MetricsAppender.SIDE + " (READ_ONLY)");
      st.execute("INSERT INTO metrics SELECT * FROM (" + castedSelect("staged.main.metrics") + " UNION ALL "
          + castedSelect(MetricsAppender.SIDE + ".main.metrics") + ") ORDER BY " + StoreFormat.METRICS_ORDER);
      st.execute("DETACH staged");
      st.execute("DETACH " + MetricsAppender.SIDE);
    }
  }

  /** All metric columns of {@code table} with dataset and split cast to this database's enums. */
  private static String castedSelect(String table) {
    return "SELECT index, CAST(CAST(dataset AS VARCHAR) AS dataset_t) AS dataset, hp, seed,"
        + " CAST(CAST(split AS VARCHAR) AS split_t) AS split, epoch, accuracy, loss, time, top5 FROM " + table;
  }

  private static String sql(Path p) {
    return p.toString().replace("'", "''");
  }

  /** Aborts an uncommitted store: the temporary files are deleted and the target is untouched. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!committed) {
      discard();
    }
  }

  private void discard() {
    try {
      if (conn != null) {
        conn.close();
      }
    } catch (SQLException e) {
      // the files are deleted next; nothing else to release
    }
    conn = null;
    for (String kind : List.of("staging", "side", "sorted")) {
      Path p = tempSibling(kind);
      try {
        Files.deleteIfExists(p);
        Files.deleteIfExists(wal(p));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete temporary file " + p, e);
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("store writer for " + target + " is already "
          + (committed ? "committed" : "closed"));
    }
  }

  /**
   * Deletes the temporary files that writers of this target left when they were killed: only files
   * named like {@link #tempSibling} for this target whose owner process is gone (a live writer's,
   * this process's included, are kept).
   */
  private void removeStaleTemps() {
    String prefix = "." + target.getFileName() + ".";
    Pattern own = Pattern.compile(Pattern.quote(prefix)
        + "(?:staging|side|sorted)-(\\d{1,19})-[0-9a-f]+\\.tmp(?:\\.wal)?");
    DirectoryStream.Filter<Path> mine = p -> p.getFileName().toString().startsWith(prefix);
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent(), mine)) {
      for (Path p : ds) {
        Matcher m = own.matcher(p.getFileName().toString());
        if (m.matches() && !alive(m.group(1))) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot remove stale temporary files of " + target + ": " + e.getMessage(), e);
    }
  }

  private static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not a PID we wrote: leave the file alone
    }
  }

  private Path tempSibling(String kind) {
    return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid()
        + "-" + Integer.toHexString(System.identityHashCode(this)) + ".tmp");
  }

  private static Path wal(Path db) {
    return db.resolveSibling(db.getFileName() + ".wal");
  }

  /** A connection whose current database is a new store file of {@link StoreFormat#STORAGE_VERSION}. */
  private static DuckDBConnection open(Path file) throws SQLException {
    DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      st.execute("SET memory_limit = '4GB'");
      st.execute("ATTACH '" + sql(file) + "' AS " + StoreFormat.CATALOG + " (STORAGE_VERSION '"
          + StoreFormat.STORAGE_VERSION + "')");
      st.execute("USE " + StoreFormat.CATALOG);
      for (String sql : StoreFormat.ddl()) {
        st.execute(sql);
      }
    }
    return c;
  }
}
