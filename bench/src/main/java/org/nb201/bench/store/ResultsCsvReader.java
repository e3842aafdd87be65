package org.nb201.bench.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.StoreSink;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.space.Split;

/**
 * Reads a tidy results CSV ({@link TidyCsv#RESULTS_HEADER}) in two passes. The first checks every
 * row and remembers, per trial, its last line; the second builds each trial and hands it to the
 * sink as soon as its last row has been read. So rows may come in any order, and a file sorted by
 * trial needs memory for one trial only.
 */
final class ResultsCsvReader {
  private static final int COLUMNS = 10;

  private final Path file;
  private final String name;

  /** Per trial: the last line it appears on, and which (split, epoch) cells it has seen. */
  private static final class Seen {
    long lastLine;
    final long[] cells;

    Seen(int hp) {
      cells = new long[(4 * hp + 63) / 64];
    }

    boolean mark(int split, int hp, int epoch) {
      int bit = split * hp + epoch;
      boolean fresh = (cells[bit >>> 6] & (1L << bit)) == 0;
      cells[bit >>> 6] |= 1L << bit;
      return fresh;
    }
  }

  /** One parsed row. */
  private record Row(TrialKey key, EpochMetrics metrics) {}

  ResultsCsvReader(Path file) {
    this.file = file;
    this.name = file.getFileName().toString();
  }

  /** First pass: checks every row; returns the last line of each trial. */
  Map<TrialKey, Long> check(CsvProblems problems) throws IOException {
    Map<TrialKey, Seen> seen = new HashMap<>();
    CsvFields f = new CsvFields(name, problems);
    try (CsvLines lines = new CsvLines(file)) {
      Boolean top5 = null;
      for (List<String> fields = lines.next(); fields != null; fields = lines.next()) {
        f.at(lines.line());
        if (top5 == null) {
          top5 = f.header(fields, TidyCsv.RESULTS_HEADER, "top5");
          continue;
        }
        if (fields.isEmpty()) {
          continue;
        }
        Row row = parse(fields, f, top5);
        if (row == null) {
          continue;
        }
        Seen s = seen.computeIfAbsent(row.key(), k -> new Seen(k.hp()));
        if (!s.mark(row.metrics().split().ordinal(), row.key().hp(), row.metrics().epoch())) {
          f.problem("duplicate row: " + MetricsAppender.describe(row.key()) + " already has split "
              + row.metrics().split() + " epoch " + row.metrics().epoch() + " on an earlier line");
        }
        s.lastLine = lines.line();
      }
      if (top5 == null) {
        f.at(1);
        f.problem("file is empty; expected the header '" + TidyCsv.RESULTS_HEADER + "'");
      }
    }
    Map<TrialKey, Long> last = new HashMap<>(seen.size() * 2);
    seen.forEach((k, s) -> last.put(k, s.lastLine));
    return last;
  }

  /** Second pass over a checked file: emits each trial to {@code sink} after its last row. */
  int emit(Map<TrialKey, Long> lastLine, StoreSink sink) throws IOException {
    Map<TrialKey, List<EpochMetrics>> open = new HashMap<>();
    CsvProblems none = new CsvProblems();
    CsvFields f = new CsvFields(name, none);
    int trials = 0;
    try (CsvLines lines = new CsvLines(file)) {
      boolean top5 = f.header(lines.next(), TidyCsv.RESULTS_HEADER, "top5");
      for (List<String> fields = lines.next(); fields != null; fields = lines.next()) {
        if (fields.isEmpty()) {
          continue;
        }
        Row row = parse(fields, f, top5);
        if (row == null) {
          throw new IOException(name + ":" + lines.line() + ": changed while it was being imported");
        }
        open.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row.metrics());
        if (lastLine.get(row.key()) == lines.line()) {
          sink.addTrial(new Trial(row.key(), open.remove(row.key())));
          trials++;
        }
      }
    }
    return trials;
  }

  private static Row parse(List<String> c, CsvFields f, boolean top5) {
    int columns = COLUMNS + (top5 ? 1 : 0);
    if (c.size() != columns) {
      f.problem("has " + c.size() + " fields, expected " + columns + " (" + TidyCsv.RESULTS_HEADER
          + (top5 ? ",top5" : "") + ")");
      return null;
    }
    if (c.stream().anyMatch(s -> s.startsWith("\0"))) {
      f.problem("unterminated double quote");
      return null;
    }
    int index = f.archIndex(c.get(0), c.get(1));
    String dataset = f.dataset(c.get(2));
    int hp = f.integer("hp", c.get(3), 1, StoreFormat.MAX_HP);
    int seed = c.get(4).isEmpty() ? -1 : f.integer("seed", c.get(4), 0, Integer.MAX_VALUE);
    int epoch = hp == CsvFields.BAD ? CsvFields.BAD : f.integer("epoch", c.get(5), 0, hp - 1);
    Split split = null;
    try {
      split = Split.byKey(c.get(6));
    } catch (IllegalArgumentException e) {
      f.problem(e.getMessage());
    }
    Double acc = f.number("accuracy", c.get(7), 0, 100);
    Double loss = f.number("loss", c.get(8), 0, CsvFields.ANY);
    Double time = f.number("time", c.get(9), 0, CsvFields.ANY);
    Double t5 = top5 ? f.number("top5", c.get(10), 0, 100) : Double.valueOf(Double.NaN);
    if (acc != null && t5 != null && t5 < acc) {
      f.problem("top5 " + c.get(10) + " is below accuracy " + c.get(7) + "; top-5 accuracy is at least top-1");
      return null;
    }
    if (index == CsvFields.BAD || dataset == null || hp == CsvFields.BAD || seed == CsvFields.BAD
        || epoch == CsvFields.BAD || split == null || acc == null || loss == null || time == null || t5 == null) {
      return null;
    }
    TrialKey key = new TrialKey(index, dataset, hp, seed < 0 ? null : seed);
    return new Row(key, new EpochMetrics(epoch, split, acc, loss, time, t5));
  }
}
