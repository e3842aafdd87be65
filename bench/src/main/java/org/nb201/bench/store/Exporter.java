package org.nb201.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Exports a store for tools that do not read DuckDB: a folder of Parquet files (one per table,
 * zstd-compressed) or the tidy CSV pair that {@link TidyCsv} imports. Both are written by DuckDB's
 * {@code COPY}, so the store is read once without passing rows through Java. Each export is all or
 * nothing: the files are written under temporary names and renamed into place only when every one
 * of them is complete, so a failure half way (a full disk, a killed process) leaves no partial set.
 */
public final class Exporter {
  private Exporter() {}

  /** Writes {@code <table>.parquet} for every table into {@code dir} (created if absent); returns the files. */
  public static List<Path> parquet(Store store, Path dir) {
    return parquet(store, dir, StoreFormat.tables(store.formatVersion()));
  }

  /** The Parquet export of {@code tables}; a new folder appears whole, an existing one gets all files or none. */
  static List<Path> parquet(Store store, Path dir, List<String> tables) {
    Path target = dir.toAbsolutePath().normalize();
    boolean existed = Files.isDirectory(target);
    Path staging = existed ? target.resolve(".export-" + ProcessHandle.current().pid())
        : target.resolveSibling("." + target.getFileName() + ".export-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(staging.getParent());
      deleteTree(staging);
      Files.createDirectory(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory " + dir + ": " + e.getMessage(), e);
    }
    try {
      for (String table : tables) {
        copy(store, "SELECT * FROM " + table, staging.resolve(table + ".parquet"), dir.resolve(table + ".parquet"),
            "FORMAT parquet, COMPRESSION zstd");
      }
      if (existed) {
        for (String table : tables) {
          move(staging.resolve(table + ".parquet"), target.resolve(table + ".parquet"));
        }
      } else {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new StoreException("cannot export " + store.path() + " to " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(staging);
    }
    List<Path> files = new ArrayList<>();
    for (String table : tables) {
      files.add(dir.resolve(table + ".parquet"));
    }
    return files;
  }

  /**
   * Writes the tidy results CSV to {@code results} and the costs CSV to {@code costs}, rows in
   * store order, both or neither. The {@code top5} column is added only when the store has top-5 values.
   */
  public static void csv(Store store, Path results, Path costs) {
    csv(store, results, costs, null);
  }

  /**
   * {@link #csv(Store, Path, Path)} and, when {@code hardware} is not {@code null}, the tidy hardware CSV
   * ({@link #hardwareCsv}) too: all three files or none.
   */
  public static void csv(Store store, Path results, Path costs, Path hardware) {
    boolean top5 = store.withConnection(c -> {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(top5) > 0 FROM metrics")) {
        rs.next();
        return rs.getBoolean(1);
      }
    });
    if (results.toAbsolutePath().normalize().equals(costs.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("results and costs CSV are the same file " + results + "; expected two paths");
    }
    if (hardware != null && (same(hardware, results) || same(hardware, costs))) {
      throw new IllegalArgumentException("the hardware CSV " + hardware + " is also the results or costs CSV;"
          + " expected three paths");
    }
    Path resultsTemp = temp(results);
    Path costsTemp = temp(costs);
    Path hardwareTemp = hardware == null ? null : temp(hardware);
    try {
      copy(store, "SELECT m.index, a.arch, m.dataset, m.hp, m.seed, m.epoch, m.split, m.accuracy, m.loss, m.time"
          + (top5 ? ", m.top5" : "") + " FROM metrics m JOIN archs a ON a.index = m.index ORDER BY m."
          + StoreFormat.KEY_ORDER.replace(", ", ", m."), resultsTemp, results, "FORMAT csv, HEADER true, NULLSTR ''");
      copy(store, "SELECT c.index, a.arch, c.dataset, c.flops, c.params, c.latency FROM costs c"
          + " JOIN archs a ON a.index = c.index ORDER BY c.index, c.dataset", costsTemp, costs,
          "FORMAT csv, HEADER true, NULLSTR ''");
      if (hardware != null) {
        copy(store, hardwareSelect(store), hardwareTemp, hardware, "FORMAT csv, HEADER true, NULLSTR ''");
      }
      move(resultsTemp, results);
      move(costsTemp, costs);
      if (hardware != null) {
        move(hardwareTemp, hardware);
      }
    } catch (IOException e) {
      throw new StoreException("cannot export " + store.path() + " to " + results + ": " + e.getMessage(), e);
    } finally {
      deleteTree(resultsTemp);
      deleteTree(costsTemp);
      if (hardwareTemp != null) {
        deleteTree(hardwareTemp);
      }
    }
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /**
   * Writes the device values as the tidy hardware CSV ({@link HardwareCsv#HEADER}) in store order
   * (device, dataset, metric, index), which {@code nb201 import hw} reads back; a store without
   * device values gives the header only.
   */
  public static void hardwareCsv(Store store, Path out) {
    Path temp = temp(out);
    try {
      copy(store, hardwareSelect(store), temp, out, "FORMAT csv, HEADER true, NULLSTR ''");
      move(temp, out);
    } catch (IOException e) {
      throw new StoreException("cannot export " + store.path() + " to " + out + ": " + e.getMessage(), e);
    } finally {
      deleteTree(temp);
    }
  }

  private static String hardwareSelect(Store store) {
    return store.has("hardware")
        ? "SELECT h.index, a.arch, h.dataset, h.device, h.metric, h.value, h.unit FROM hardware h"
            + " JOIN archs a ON a.index = h.index ORDER BY h.device, h.dataset, h.metric, h.index"
        : "SELECT NULL AS index, NULL AS arch, NULL AS dataset, NULL AS device, NULL AS metric, NULL AS value,"
            + " NULL AS unit WHERE false";
  }

  /** The default hardware file next to a results CSV: {@code x.csv} gives {@code x.hardware.csv}. */
  public static Path hardwareSibling(Path results) {
    String name = results.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return results.resolveSibling(stem + ".hardware.csv");
  }

  /** The default costs file next to a results CSV: {@code x.csv} gives {@code x.costs.csv}. */
  public static Path costsSibling(Path results) {
    String name = results.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return results.resolveSibling(stem + ".costs.csv");
  }

  /** A hidden temporary name next to {@code file}, unique to this process. */
  private static Path temp(Path file) {
    Path abs = file.toAbsolutePath();
    return abs.resolveSibling(".tmp-" + abs.getFileName() + "-" + ProcessHandle.current().pid());
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary " + p + ": " + e.getMessage(), e);
    }
  }

  /** Copies the rows of {@code select} into the file {@code out}; errors name {@code shown}, the user's path. */
  private static void copy(Store store, String select, Path out, Path shown, String options) {
    Path abs = out.toAbsolutePath();
    if (abs.getParent() != null && !Files.isDirectory(abs.getParent())) {
      throw new StoreException("cannot export to " + shown + ": directory " + abs.getParent() + " does not exist");
    }
    store.scanning(c -> {
      try (Statement st = c.createStatement()) {
        st.execute("COPY (" + select + ") TO '" + abs.toString().replace("'", "''") + "' (" + options + ")");
      }
      return null;
    }, e -> new StoreException("cannot export " + store.path() + " to " + shown + ": " + StoreErrors.firstLine(e), e));
  }
}
