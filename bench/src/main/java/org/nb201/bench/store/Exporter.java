package org.nb201.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports a store for tools that do not read DuckDB: a folder of Parquet files (one per table,
 * zstd-compressed) or the tidy CSV pair that {@link TidyCsv} imports. Both are written by DuckDB's
 * {@code COPY}, so the store is read once without passing rows through Java.
 */
public final class Exporter {
  private Exporter() {}

  /** Writes {@code <table>.parquet} for every table into {@code dir} (created if absent); returns the files. */
  public static List<Path> parquet(Store store, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory " + dir + ": " + e.getMessage(), e);
    }
    List<Path> files = new ArrayList<>();
    for (String table : StoreFormat.tables(store.formatVersion())) {
      Path f = dir.resolve(table + ".parquet");
      copy(store, "SELECT * FROM " + table, f, "FORMAT parquet, COMPRESSION zstd");
      files.add(f);
    }
    return files;
  }

  /**
   * Writes the tidy results CSV to {@code results} and the costs CSV to {@code costs}, rows in
   * store order. The {@code top5} column is added only when the store has top-5 values.
   */
  public static void csv(Store store, Path results, Path costs) {
    boolean top5 = store.withConnection(c -> {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(top5) > 0 FROM metrics")) {
        rs.next();
        return rs.getBoolean(1);
      }
    });
    copy(store, "SELECT m.index, a.arch, m.dataset, m.hp, m.seed, m.epoch, m.split, m.accuracy, m.loss, m.time"
        + (top5 ? ", m.top5" : "") + " FROM metrics m JOIN archs a ON a.index = m.index ORDER BY m."
        + StoreFormat.KEY_ORDER.replace(", ", ", m."), results, "FORMAT csv, HEADER true, NULLSTR ''");
    copy(store, "SELECT c.index, a.arch, c.dataset, c.flops, c.params, c.latency FROM costs c"
        + " JOIN archs a ON a.index = c.index ORDER BY c.index, c.dataset", costs, "FORMAT csv, HEADER true, NULLSTR ''");
  }

  /** The default costs file next to a results CSV: {@code x.csv} gives {@code x.costs.csv}. */
  public static Path costsSibling(Path results) {
    String name = results.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return results.resolveSibling(stem + ".costs.csv");
  }

  private static void copy(Store store, String select, Path out, String options) {
    Path abs = out.toAbsolutePath();
    if (abs.getParent() != null && !Files.isDirectory(abs.getParent())) {
      throw new StoreException("cannot export to " + out + ": directory " + abs.getParent() + " does not exist");
    }
    store.scanning(c -> {
      try (Statement st = c.createStatement()) {
        st.execute("COPY (" + select + ") TO '" + abs.toString().replace("'", "''") + "' (" + options + ")");
      }
      return null;
    }, e -> new StoreException("cannot export " + store.path() + " to " + out + ": " + StoreErrors.firstLine(e), e));
  }
}
