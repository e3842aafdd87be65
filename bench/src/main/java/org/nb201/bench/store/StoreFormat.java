package org.nb201.bench.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nb201.space.Dataset;
import org.nb201.space.Split;

/**
 * The on-disk layout of a store, format version {@value #VERSION}: the table definitions, the
 * fixed enum value lists and the sort order. The layout is documented for users of other
 * languages in {@code docs/store-format.md}; change both together and bump {@link #VERSION}.
 */
public final class StoreFormat {
  /**
   * The format this code writes: 2 added the {@code hardware} table, 3 the {@code proxies} table, 4 the
   * {@code searches} table (see {@link #TABLES_ADDED}).
   */
  public static final int VERSION = 4;
  /** The oldest format this code still reads. */
  public static final int MIN_READABLE = 1;
  /** The value of the {@code meta} key {@code format}: identifies an nb201 store. */
  public static final String FORMAT_NAME = "nb201-store";

  /**
   * The dataset keys the {@code dataset_t} enum holds, in this order (which is also the sort
   * order): the {@link Dataset} keys, i.e. the four official settings, then nb201's own embedded
   * default. Fixed by the format: adding a dataset is a new format version.
   */
  public static final List<String> DATASETS = Arrays.stream(Dataset.values()).map(Dataset::key).toList();

  /** The split keys of the {@code split_t} enum, in {@link Split} order. Fixed by the format as well. */
  public static final List<String> SPLITS = Arrays.stream(Split.values()).map(Split::key).toList();

  /** The logical order of metric rows: by trial, then split, then epoch. Exports use it. */
  public static final String KEY_ORDER = "index, dataset, hp, seed NULLS FIRST, split, epoch";

  /** SQL that is true for a time-only row: a split timed at an epoch where it was not evaluated. */
  public static final String TIME_ONLY = "(accuracy IS NULL AND loss IS NULL AND top5 IS NULL)";

  /**
   * The physical order of {@code metrics}: rows with values first, then the time-only rows, each
   * part in {@link #KEY_ORDER}. Sorted by architecture, lookups hit DuckDB's zone maps; keeping
   * the many NULL-valued rows apart lets DuckDB compress the value columns with ALP instead of
   * run-length encoding (about a third smaller, measured).
   */
  public static final String METRICS_ORDER = TIME_ONLY + ", " + KEY_ORDER;

  /**
   * The DuckDB storage version stores are written with: v1.0.0, so that every DuckDB since 1.0
   * (Python, R, Node, the CLI) can open a store, not only 2.x. Measured on the synthetic store:
   * about 8% larger than the 2.0 storage format (whose ALP packs accuracies tighter), 1% larger
   * than v1.2.0.
   */
  public static final String STORAGE_VERSION = "v1.0.0";

  /** The catalog name the writer attaches a new store file under. */
  static final String CATALOG = "store";

  /** Largest hp (number of epochs) a store can hold: epochs are stored as USMALLINT. */
  public static final int MAX_HP = 65_535;

  /**
   * The tables each format version added, oldest first: a store of version {@code v} has the
   * tables of versions 1..v. Version 2 added {@code hardware} (device latency and energy per cell),
   * version 3 {@code proxies} (training-free scores per cell), version 4 {@code searches} (weight-sharing
   * searches run as trials, one row per search epoch).
   */
  private static final List<List<String>> TABLES_ADDED = List.of(
      List.of("meta", "provenance", "archs", "trials", "costs", "metrics", "finals"),
      List.of("hardware"),
      List.of("proxies"),
      List.of("searches"));

  /** The order of {@code proxies} rows: by score set, then architecture. */
  public static final String PROXIES_ORDER = "dataset, proxy, channels, cells, seed, batch, source, index";

  /** The order of {@code searches} rows: by dataset, method, seed, search trial, then epoch. */
  public static final String SEARCHES_ORDER = "dataset, method, seed, search, epoch";

  private StoreFormat() {}

  /** Statements that create an empty store of this format. */
  public static List<String> ddl() {
    return List.of(
        "CREATE TYPE dataset_t AS ENUM (" + quoted(DATASETS) + ")",
        "CREATE TYPE split_t AS ENUM (" + quoted(SPLITS) + ")",
        "CREATE TABLE meta (key VARCHAR NOT NULL, value VARCHAR)",
        "CREATE TABLE provenance (id INTEGER NOT NULL, source VARCHAR, sha256 VARCHAR, bytes BIGINT,"
            + " tool_version VARCHAR, imported_at VARCHAR, config VARCHAR, machine VARCHAR)",
        "CREATE TABLE archs (index USMALLINT NOT NULL, arch VARCHAR NOT NULL)",
        "CREATE TABLE trials (index USMALLINT NOT NULL, dataset dataset_t NOT NULL,"
            + " hp USMALLINT NOT NULL, seed INTEGER, provenance_id INTEGER)",
        "CREATE TABLE costs (index USMALLINT NOT NULL, dataset dataset_t NOT NULL,"
            + " flops DOUBLE, params DOUBLE, latency DOUBLE)",
        "CREATE TABLE metrics (index USMALLINT NOT NULL, dataset dataset_t NOT NULL,"
            + " hp USMALLINT NOT NULL, seed INTEGER, split split_t NOT NULL, epoch USMALLINT NOT NULL,"
            + " accuracy DOUBLE, loss DOUBLE, time DOUBLE, top5 DOUBLE)",
        "CREATE TABLE finals (index USMALLINT NOT NULL, dataset dataset_t NOT NULL, hp USMALLINT NOT NULL,"
            + " seed INTEGER, split split_t NOT NULL, accuracy DOUBLE, loss DOUBLE, top5 DOUBLE,"
            + " time_total DOUBLE, timed_epochs USMALLINT NOT NULL)",
        "CREATE TABLE hardware (index USMALLINT NOT NULL, dataset dataset_t NOT NULL, device VARCHAR NOT NULL,"
            + " metric VARCHAR NOT NULL, value DOUBLE NOT NULL, unit VARCHAR NOT NULL, provenance_id INTEGER)",
        "CREATE TABLE proxies (index USMALLINT NOT NULL, dataset dataset_t NOT NULL, proxy VARCHAR NOT NULL,"
            + " channels USMALLINT NOT NULL, cells USMALLINT NOT NULL, seed INTEGER NOT NULL, batch INTEGER NOT NULL,"
            + " source VARCHAR NOT NULL, value DOUBLE, seconds DOUBLE, note VARCHAR, provenance_id INTEGER)",
        "CREATE TABLE searches (search VARCHAR NOT NULL, method VARCHAR NOT NULL, dataset dataset_t NOT NULL,"
            + " seed INTEGER NOT NULL, channels USMALLINT NOT NULL, cells USMALLINT NOT NULL,"
            + " epochs USMALLINT NOT NULL, settings VARCHAR NOT NULL, chosen_index USMALLINT NOT NULL,"
            + " chosen VARCHAR NOT NULL, epoch USMALLINT NOT NULL, genotype_index USMALLINT NOT NULL,"
            + " genotype VARCHAR NOT NULL, seconds DOUBLE, images BIGINT, lr DOUBLE, train_loss DOUBLE,"
            + " train_top1 DOUBLE, arch_loss DOUBLE, arch_top1 DOUBLE, valid_loss DOUBLE, valid_top1 DOUBLE,"
            + " provenance_id INTEGER)");
  }

  /**
   * Fills {@code finals} from {@code metrics}: per (trial, split), the values at the last epoch
   * ({@code hp - 1}) and the time summed over all epochs with the number of epochs that had one.
   * Derived data, so that the default queries (last epoch) and whole-benchmark scans read a table
   * 200 times smaller than {@code metrics}.
   */
  public static String fillFinals() {
    return "INSERT INTO finals SELECT index, dataset, hp, seed, split,"
        + " max(accuracy) FILTER (WHERE epoch = hp - 1), max(loss) FILTER (WHERE epoch = hp - 1),"
        + " max(top5) FILTER (WHERE epoch = hp - 1), sum(time), count(time)"
        + " FROM metrics GROUP BY index, dataset, hp, seed, split ORDER BY " + KEY_ORDER.replace(", epoch", "");
  }

  /** The tables every store of this format ({@link #VERSION}) has. */
  public static List<String> tables() {
    return tables(VERSION);
  }

  /** The tables a store of format {@code version} has ({@link #MIN_READABLE}..{@link #VERSION}). */
  public static List<String> tables(int version) {
    if (version < 1 || version > VERSION) {
      throw new IllegalArgumentException("format version " + version + " unknown, expected 1.." + VERSION);
    }
    List<String> out = new ArrayList<>();
    for (List<String> added : TABLES_ADDED.subList(0, version)) {
      out.addAll(added);
    }
    return List.copyOf(out);
  }

  /** Position of {@code dataset} in {@link #DATASETS}, or -1. */
  public static int datasetCode(String dataset) {
    return DATASETS.indexOf(dataset);
  }

  /** The dataset key with this code; see {@link #datasetCode(String)}. */
  public static String datasetKey(int code) {
    return DATASETS.get(code);
  }

  /** Fails with the list of valid keys when {@code dataset} is not storable. */
  public static int checkDataset(String dataset) {
    int code = datasetCode(dataset);
    if (code < 0) {
      throw new IllegalArgumentException("unknown dataset '" + dataset + "'; expected one of "
          + String.join(", ", DATASETS));
    }
    return code;
  }

  private static String quoted(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (String v : values) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append('\'').append(v.replace("'", "''")).append('\'');
    }
    return sb.toString();
  }
}
