package org.nb201.bench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.nb201.space.provenance.Input;

/**
 * A store opened read-only. Opening checks that the file exists, is a DuckDB database, has the
 * nb201 tables and a format version this code reads, and fails otherwise with a one-line
 * {@link StoreException}; it never modifies the file. Queries go through {@link #reader()};
 * one store may be shared by threads (calls are serialised on its connection).
 */
public final class Store implements AutoCloseable {
  /** DuckDB's memory limit for a reader: its block cache and the working memory of scans and exports. */
  public static final String MEMORY_LIMIT = "1GB";
  /** Size of the three DuckDB header blocks; a shorter file cannot be a database. */
  private static final int HEADER_BYTES = 3 * 4096;

  private final Path path;
  private final Connection conn;
  private final Map<String, String> meta;
  private final int formatVersion;
  private final StoreReader reader;
  private Input file;

  private Store(Path path, Connection conn, Map<String, String> meta, int formatVersion) {
    this.path = path;
    this.conn = conn;
    this.meta = meta;
    this.formatVersion = formatVersion;
    this.reader = new StoreReader(this);
  }

  /** Opens {@code file} read-only; see the class comment for what is checked. */
  public static Store open(Path file) {
    Path p = file.toAbsolutePath().normalize();
    checkFile(p);
    Connection c;
    try {
      Properties props = new Properties();
      props.setProperty("duckdb.read_only", "true");
      c = DriverManager.getConnection("jdbc:duckdb:" + p, props);
    } catch (SQLException e) {
      throw StoreErrors.reading(p, e);
    }
    try {
      try (Statement st = c.createStatement()) {
        st.execute("SET threads = 1"); // point lookups: no hand-off to a thread pool (measured faster)
        // DuckDB caches blocks it read up to its memory limit (default 80% of RAM): keep readers lean
        st.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
        // large sorts (CSV export) may spill: never next to the store, which stays untouched
        String tmp = Path.of(System.getProperty("java.io.tmpdir"), "nb201-duckdb").toString();
        st.execute("SET temp_directory = '" + tmp.replace("'", "''") + "'");
      }
      Map<String, String> meta = readMeta(p, c);
      int version = Integer.parseInt(meta.get("format_version"));
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM metrics")) {
        rs.next();
      }
      return new Store(p, c, meta, version);
    } catch (SQLException e) {
      closeQuietly(c);
      throw StoreErrors.reading(p, e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void checkFile(Path p) {
    if (!Files.exists(p)) {
      throw new StoreException("store " + p + " not found; expected a store file written by nb201"
          + " (nb201 import ...)");
    }
    if (Files.isDirectory(p)) {
      throw new StoreException(p + " is a directory; expected a store file written by nb201");
    }
    byte[] head = new byte[12];
    long size;
    try (InputStream in = Files.newInputStream(p)) {
      size = Files.size(p);
      int n = in.readNBytes(head, 0, head.length);
      if (n < head.length) {
        throw new StoreException(p + " is not a store: only " + size + " bytes; expected a DuckDB database");
      }
    } catch (IOException e) {
      throw new StoreException("cannot read store " + p + ": " + e.getMessage(), e);
    }
    if (!"DUCK".equals(new String(head, 8, 4, StandardCharsets.ISO_8859_1))) {
      throw new StoreException(p + " is not a DuckDB database (no DUCK magic at byte 8); expected a store"
          + " written by nb201");
    }
    if (size < HEADER_BYTES) {
      throw new StoreException("store " + p + " is truncated: " + size + " bytes, shorter than the DuckDB"
          + " header; re-create it from its sources");
    }
  }

  private static Map<String, String> readMeta(Path p, Connection c) throws SQLException {
    Set<String> tables = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    if (!tables.contains("meta")) {
      throw new StoreException(p + " is a DuckDB database but not an nb201 store (no meta table)");
    }
    Map<String, String> meta = new LinkedHashMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM meta")) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
    }
    if (!StoreFormat.FORMAT_NAME.equals(meta.get("format"))) {
      throw new StoreException(p + " is a DuckDB database but not an nb201 store (meta format is "
          + meta.get("format") + ", expected " + StoreFormat.FORMAT_NAME + ")");
    }
    int version = checkVersion(p, meta);
    List<String> missing = new ArrayList<>();
    for (String t : StoreFormat.tables(version)) {
      if (!tables.contains(t)) {
        missing.add(t);
      }
    }
    if (!missing.isEmpty()) {
      throw new StoreException("store " + p + " lacks tables " + missing + "; a format " + version
          + " store has all of " + StoreFormat.tables(version));
    }
    return Map.copyOf(meta);
  }

  private static int checkVersion(Path p, Map<String, String> meta) {
    int v;
    try {
      v = Integer.parseInt(meta.getOrDefault("format_version", ""));
    } catch (NumberFormatException e) {
      throw new StoreException("store " + p + " has no valid format_version in its meta table");
    }
    if (v > StoreFormat.VERSION) {
      throw new StoreException("store " + p + " has format version " + v + "; this nb201 reads versions "
          + StoreFormat.MIN_READABLE + ".." + StoreFormat.VERSION + "; upgrade nb201");
    }
    if (v < StoreFormat.MIN_READABLE) {
      throw new StoreException("store " + p + " has format version " + v + ", older than this nb201 reads ("
          + StoreFormat.MIN_READABLE + ".." + StoreFormat.VERSION + "); re-create it from its sources");
    }
    return v;
  }

  /** The store file. */
  public Path path() {
    return path;
  }

  /** The format version the file was written with. */
  public int formatVersion() {
    return formatVersion;
  }

  /**
   * Whether this store has {@code table}: every table of its format version (a version-1 store has
   * no {@code hardware}, {@code proxies} or {@code searches} table, a version-2 store no {@code proxies},
   * a version-3 store no {@code searches}; a missing table reads as holding no rows).
   */
  public boolean has(String table) {
    return StoreFormat.tables(formatVersion).contains(table);
  }

  /** The {@code meta} table as a map (format, tool version, creation time, ...). */
  public Map<String, String> meta() {
    return meta;
  }

  /** When the store was written, from {@code meta}. */
  public Instant created() {
    return Instant.parse(meta.get("created"));
  }

  /**
   * The store file as an input of a result: its absolute path, SHA-256 and size. Looked up on the
   * first call and kept: stores are immutable and this one is open read-only. The SHA-256 is
   * remembered per user between runs while the file is unchanged, so a file is hashed once, not on
   * every search. Anyone can check it with {@code sha256sum}.
   */
  public synchronized Input fileInput() {
    if (file == null) {
      file = StoreChecksums.of(path);
    }
    return file;
  }

  /** Hex SHA-256 of the store file ({@link #fileInput()}). */
  public String checksum() {
    return fileInput().checksum();
  }

  /** Typed queries over this store. */
  public StoreReader reader() {
    return reader;
  }

  /**
   * Reads every value of every column of every table in the file once (the tables and columns come
   * from the catalog, so a table added later is read too), so that any damaged block (DuckDB
   * checksums each) is reported now as a {@link StoreException} instead of during a later query.
   */
  public void verify() {
    scanning(c -> {
      Map<String, List<String>> columns = new LinkedHashMap<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT schema_name, table_name, column_name FROM duckdb_columns()"
              + " WHERE database_name = current_database() AND NOT internal"
              + " ORDER BY schema_name, table_name, column_index")) {
        while (rs.next()) {
          String table = quote(rs.getString(1)) + "." + quote(rs.getString(2));
          columns.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(3));
        }
      }
      try (Statement st = c.createStatement()) {
        for (Map.Entry<String, List<String>> t : columns.entrySet()) {
          // hash() needs every value: a whole-table count could be answered from metadata alone
          StringBuilder sql = new StringBuilder("SELECT count(*)");
          for (String col : t.getValue()) {
            sql.append(", bit_xor(hash(").append(quote(col)).append("))");
          }
          try (ResultSet rs = st.executeQuery(sql.append(" FROM ").append(t.getKey()).toString())) {
            rs.next();
          }
        }
      }
      return null;
    }, e -> StoreErrors.reading(path, e));
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Runs {@code work} on the connection, serialised, turning database errors into {@link StoreException}. */
  <T> T withConnection(SqlWork<T> work) {
    return withConnection(work, e -> StoreErrors.reading(path, e));
  }

  /** As {@link #withConnection(SqlWork)} with a caller-chosen error message. */
  <T> T withConnection(SqlWork<T> work, Function<SQLException, StoreException> onError) {
    synchronized (conn) {
      try {
        return work.run(conn);
      } catch (SQLException e) {
        throw onError.apply(e);
      }
    }
  }

  /**
   * As {@link #withConnection(SqlWork, Function)} for a scan over much of the store: DuckDB may use
   * every core meanwhile (the connection otherwise runs single-threaded, which is faster for the
   * point lookups that dominate).
   */
  <T> T scanning(SqlWork<T> work, Function<SQLException, StoreException> onError) {
    return withConnection(c -> {
      try (Statement st = c.createStatement()) {
        st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      }
      try {
        return work.run(c);
      } finally {
        try (Statement st = c.createStatement()) {
          st.execute("SET threads = 1");
        }
      }
    }, onError);
  }

  /** A unit of work on the store's connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  @Override
  public void close() {
    synchronized (conn) {
      closeQuietly(conn);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // read-only: nothing to lose
    }
  }

  @Override
  public String toString() {
    return "Store[" + path + ", format " + formatVersion + "]";
  }
}
