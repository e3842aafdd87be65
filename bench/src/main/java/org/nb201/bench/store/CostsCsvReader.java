package org.nb201.bench.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.CostRecord;

/** Reads and checks a tidy costs CSV ({@link TidyCsv#COSTS_HEADER}); small enough to hold in memory. */
final class CostsCsvReader {
  private final Path file;

  CostsCsvReader(Path file) {
    this.file = file;
  }

  /** Every valid record; problems for the others (also duplicates of an (index, dataset)). */
  List<CostRecord> read(CsvProblems problems) throws IOException {
    String name = file.getFileName().toString();
    CsvFields f = new CsvFields(name, problems);
    List<CostRecord> out = new ArrayList<>();
    Map<Long, Long> firstLine = new HashMap<>();
    try (CsvLines lines = new CsvLines(file)) {
      boolean header = false;
      for (List<String> c = lines.next(); c != null; c = lines.next()) {
        f.at(lines.line());
        if (!header) {
          f.header(c, TidyCsv.COSTS_HEADER, null);
          header = true;
          continue;
        }
        if (c.isEmpty()) {
          continue;
        }
        if (c.size() != 6) {
          f.problem("has " + c.size() + " fields, expected 6 (" + TidyCsv.COSTS_HEADER + ")");
          continue;
        }
        int index = f.archIndex(c.get(0), c.get(1));
        String dataset = f.dataset(c.get(2));
        Double flops = f.number("flops", c.get(3), 0, CsvFields.ANY);
        Double params = f.number("params", c.get(4), 0, CsvFields.ANY);
        Double latency = f.number("latency", c.get(5), 0, CsvFields.ANY);
        if (index == CsvFields.BAD || dataset == null || flops == null || params == null || latency == null) {
          continue;
        }
        Long earlier = firstLine.putIfAbsent((long) index * 16 + StoreFormat.datasetCode(dataset), lines.line());
        if (earlier != null) {
          f.problem("duplicate costs of (index " + index + ", " + dataset + "), first given on line " + earlier);
          continue;
        }
        out.add(new CostRecord(index, dataset, flops, params, latency));
      }
      if (!header) {
        f.at(1);
        f.problem("file is empty; expected the header '" + TidyCsv.COSTS_HEADER + "'");
      }
    }
    return out;
  }
}
