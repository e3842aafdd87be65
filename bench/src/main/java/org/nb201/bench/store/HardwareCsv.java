package org.nb201.bench.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.HardwareValues;
import org.nb201.space.Arch;

/**
 * The tidy hardware CSV: header {@link #HEADER}, one row per (cell, dataset, device, metric).
 * {@code index} or {@code arch} may be empty but not both, and must agree when both are given;
 * {@code metric} is {@code latency} (unit {@code ms}) or {@code energy} (unit {@code mJ}); the value
 * is a plain decimal number, finite and non-negative; a cell without a measurement has no row. Every
 * row is checked before anything is used and each bad one reported as {@code file:line: problem};
 * {@link Exporter#hardwareCsv} writes the same format.
 */
public final class HardwareCsv {
  /** The header of a hardware CSV. */
  public static final String HEADER = "index,arch,dataset,device,metric,value,unit";

  /** Which (device, dataset, metric) tables to keep. */
  @FunctionalInterface
  public interface Filter {
    boolean accepts(String device, String dataset, String metric);
  }

  private HardwareCsv() {}

  /**
   * The tables of {@code file} that {@code filter} keeps, in order of first appearance (all rows
   * are checked, also those filtered out).
   *
   * @throws CsvImportException listing the bad rows
   */
  public static List<HardwareTable> read(Path file, Filter filter) throws CsvImportException, IOException {
    CsvProblems problems = new CsvProblems();
    CsvFields f = new CsvFields(file.getFileName().toString(), problems);
    Map<String, double[]> tables = new LinkedHashMap<>();
    Map<String, String[]> keys = new HashMap<>();
    Map<String, Long> firstLine = new HashMap<>();
    try (CsvLines lines = new CsvLines(file)) {
      boolean header = false;
      for (List<String> c = lines.next(); c != null; c = lines.next()) {
        f.at(lines.line());
        if (!header) {
          f.header(c, HEADER, null);
          header = true;
          continue;
        }
        if (c.isEmpty()) {
          continue;
        }
        if (c.size() != 7) {
          f.problem("has " + c.size() + " fields, expected 7 (" + HEADER + ")");
          continue;
        }
        int index = f.archIndex(c.get(0), c.get(1));
        String dataset = f.dataset(c.get(2));
        String device = c.get(3);
        String metric = c.get(4);
        try {
          HardwareTable.checkDevice(device);
        } catch (IllegalArgumentException e) {
          f.problem(e.getMessage());
          device = null;
        }
        if (!HardwareTable.METRICS.contains(metric)) {
          f.problem("unknown metric '" + metric + "'; expected one of " + String.join(", ", HardwareTable.METRICS));
          continue;
        }
        String unit = HardwareTable.unitOf(metric);
        if (!c.get(6).equals(unit)) {
          f.problem("unit '" + c.get(6) + "' for " + metric + "; expected " + unit + " (convert the values first)");
          continue;
        }
        String problem = c.get(5).isEmpty() ? "is empty; leave out the row of a cell without a measurement"
            : HardwareValues.problem(HardwareValues.parse(c.get(5)), metric);
        if (problem != null) {
          f.problem("value " + problem);
          continue;
        }
        if (index == CsvFields.BAD || dataset == null || device == null) {
          continue;
        }
        String key = device + "\t" + dataset + "\t" + metric;
        Long earlier = firstLine.putIfAbsent(key + "\t" + index, lines.line());
        if (earlier != null) {
          f.problem("duplicate " + metric + " of (index " + index + ", " + dataset + ", " + device
              + "), first given on line " + earlier);
          continue;
        }
        if (filter.accepts(device, dataset, metric)) {
          keys.putIfAbsent(key, new String[] {device, dataset, metric});
          tables.computeIfAbsent(key, k -> nan())[index] = HardwareValues.of(HardwareValues.parse(c.get(5)));
        }
      }
      if (!header) {
        f.at(1);
        f.problem("file is empty; expected the header '" + HEADER + "'");
      }
    }
    problems.throwIfAny();
    List<HardwareTable> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : tables.entrySet()) {
      String[] k = keys.get(e.getKey());
      out.add(new HardwareTable(k[0], k[1], k[2], e.getValue()));
    }
    return out;
  }

  private static double[] nan() {
    double[] v = new double[Arch.COUNT];
    Arrays.fill(v, Double.NaN);
    return v;
  }
}
