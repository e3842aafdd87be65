package org.nb201.bench.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;

/**
 * Appends the metric rows of validated trials in store order ({@link StoreFormat#METRICS_ORDER}):
 * rows with values to {@code metrics}, time-only rows to a side table that the writer appends
 * after them at commit. Trials are buffered per architecture and sorted when the architecture
 * changes, so an importer that visits architectures in increasing index order produces sorted
 * tables with no extra pass; otherwise {@link #sorted()} turns false and the writer sorts once.
 */
final class MetricsAppender {
  static final Comparator<TrialKey> KEY_ORDER = Comparator
      .comparingInt(TrialKey::index)
      .thenComparingInt((TrialKey k) -> StoreFormat.datasetCode(k.dataset()))
      .thenComparingInt(TrialKey::hp)
      .thenComparing(TrialKey::seed, Comparator.nullsFirst(Comparator.naturalOrder()));
  private static final Comparator<EpochMetrics> ROW_ORDER = Comparator
      .comparingInt((EpochMetrics m) -> m.split().ordinal())
      .thenComparingInt(EpochMetrics::epoch);

  /** Name of the side table (in the attached side database) that collects time-only rows. */
  static final String SIDE = "side";

  private final DuckDBAppender values;
  private final DuckDBAppender timeOnly;
  private final List<Trial> pending = new ArrayList<>();
  private int currentIndex = -1;
  private boolean sorted = true;
  private boolean carried;
  private long rows;

  MetricsAppender(DuckDBConnection conn) throws SQLException {
    this.values = conn.createAppender(StoreFormat.CATALOG, "main", "metrics");
    this.timeOnly = conn.createAppender(SIDE, "main", "metrics");
  }

  /** Checks what the key alone cannot: storable dataset, hp, seed, epochs and unique (split, epoch). */
  static void validate(Trial trial) {
    TrialKey k = trial.key();
    StoreFormat.checkDataset(k.dataset());
    if (k.hp() > StoreFormat.MAX_HP) {
      throw new IllegalArgumentException(describe(k) + ": hp " + k.hp() + " too large, expected at most "
          + StoreFormat.MAX_HP);
    }
    if (k.seed() != null && k.seed() < 0) {
      throw new IllegalArgumentException(describe(k) + ": seed must be >= 0 or absent (averaged)");
    }
    long[] seen = new long[(4 * k.hp() + 63) / 64];
    for (EpochMetrics m : trial.metrics()) {
      if (m.epoch() >= k.hp()) {
        throw new IllegalArgumentException(describe(k) + ": epoch " + m.epoch() + " out of range, expected 0.."
            + (k.hp() - 1) + " for hp " + k.hp());
      }
      int bit = m.split().ordinal() * k.hp() + m.epoch();
      if ((seen[bit >>> 6] & (1L << bit)) != 0) {
        throw new IllegalArgumentException(describe(k) + ": split " + m.split() + " epoch " + m.epoch()
            + " given twice");
      }
      seen[bit >>> 6] |= 1L << bit;
    }
  }

  /** How errors name a trial: {@code trial (index 0, cifar10, hp 200, seed 777)}. */
  static String describe(TrialKey k) {
    return "trial (index " + k.index() + ", " + k.dataset() + ", hp " + k.hp() + ", seed "
        + (k.seed() == null ? "averaged" : k.seed().toString()) + ")";
  }

  /** Buffers a validated trial; flushes the previous architecture's trials when the index changes. */
  void add(Trial trial) throws SQLException {
    int index = trial.key().index();
    if (index != currentIndex) {
      flush();
      if (index < currentIndex || carried) {
        sorted = false;
      }
      currentIndex = index;
    }
    pending.add(trial);
  }

  /** Writes the buffered trials in store order. */
  void flush() throws SQLException {
    pending.sort(Comparator.comparing(Trial::key, KEY_ORDER));
    for (Trial t : pending) {
      TrialKey k = t.key();
      List<EpochMetrics> ms = new ArrayList<>(t.metrics());
      ms.sort(ROW_ORDER);
      for (EpochMetrics m : ms) {
        boolean timeOnlyRow = Double.isNaN(m.accuracy()) && Double.isNaN(m.loss()) && Double.isNaN(m.top5());
        DuckDBAppender a = timeOnlyRow ? timeOnly : values;
        a.beginRow().append((short) k.index()).append(k.dataset()).append((short) k.hp());
        if (k.seed() == null) {
          a.appendNull();
        } else {
          a.append(k.seed().intValue());
        }
        a.append(m.split().key()).append((short) m.epoch());
        value(a, m.accuracy());
        value(a, m.loss());
        value(a, m.time());
        value(a, m.top5());
        a.endRow();
        rows++;
      }
    }
    pending.clear();
  }

  private static void value(DuckDBAppender a, double v) throws SQLException {
    if (Double.isNaN(v)) {
      a.appendNull();
    } else {
      a.append(v);
    }
  }

  /** The tables already hold the rows of a carried-over store: any trial added now needs the sort pass. */
  void carriedOver() {
    carried = true;
  }

  /** Whether every architecture arrived after all smaller indices (then no sort pass is needed). */
  boolean sorted() {
    return sorted;
  }

  long rows() {
    return rows;
  }

  void close() throws SQLException {
    flush();
    values.close();
    timeOnly.close();
  }
}
