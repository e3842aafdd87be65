package org.nb201.jmh;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nb201.analysis.Analysis;
import org.nb201.analysis.Progress;
import org.nb201.analysis.Report;
import org.nb201.analysis.StoreData;
import org.nb201.analysis.render.HtmlReport;
import org.nb201.bench.query.Nb201Api;
import org.nb201.space.Arch;

/**
 * The speed of the whole {@code nb201 report} on a store, phase by phase, printed side by side for
 * several rounds in one JVM (round 1 is cold: it loads DuckDB's native library and compiles the
 * code): opening the store, each analysis (including the store scans it needs), drawing the charts
 * and writing the page, the store's SHA-256 (computed meanwhile on its own thread), wall and
 * process CPU time, and the load average, since the machine may be shared. Generates the full-size
 * synthetic store first when the path does not exist. Run with
 * {@code jmh/run analysis [store.duckdb] [--rounds N]}.
 */
public final class AnalysisReport {
  private AnalysisReport() {}

  public static void main(String[] args) throws Exception {
    Path store = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "jmh/target/synthetic-full.duckdb");
    int rounds = 3;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--rounds")) {
        rounds = Integer.parseInt(args[i + 1]);
      }
    }
    if (!Files.exists(store)) {
      new SyntheticStore(1).write(store, Arch.COUNT);
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Path out = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "nb201-report");
    for (int r = 0; r < rounds; r++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      try (Nb201Api api = Nb201Api.open(store)) {
        add(rows, "open the store", t0);
        long th = System.nanoTime();
        StoreData data = StoreData.of(api, true);
        add(rows, "SHA-256 of the store file", th);
        Report report = Report.build(data, Analysis.Inputs.defaults(), List.of(Analysis.values()), Progress.NONE);
        for (Report.Section s : report.sections()) {
          rows.computeIfAbsent("analysis " + s.analysis().key(), k -> new ArrayList<>()).add(secs(s.seconds()));
        }
        long t = System.nanoTime();
        HtmlReport.Written w = HtmlReport.write(report, List.of(), out, true, Progress.NONE);
        add(rows, String.format(Locale.ROOT, "charts and page (%d charts, %d tables, %.1f MB)", w.charts(),
            w.tables(), w.bytes() / 1e6), t);
      }
      add(rows, "whole report, wall", t0);
      rows.computeIfAbsent("whole report, process CPU", k -> new ArrayList<>())
          .add(secs((os.getProcessCpuTime() - cpu0) / 1e9));
      rows.computeIfAbsent("load average (1 min) after", k -> new ArrayList<>())
          .add(String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage()));
    }
    System.out.printf(Locale.ROOT, "nb201 report on %s (%.2f GB), %d cores, %d rounds in one JVM%n", store,
        Files.size(store) / 1e9, Runtime.getRuntime().availableProcessors(), rounds);
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-52s", "phase"));
    for (int r = 0; r < rounds; r++) {
      head.append(String.format(Locale.ROOT, " %10s", r == 0 ? "round 1" : "round " + (r + 1)));
    }
    System.out.println(head);
    for (Map.Entry<String, List<String>> e : rows.entrySet()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-52s", e.getKey()));
      e.getValue().forEach(v -> line.append(String.format(Locale.ROOT, " %10s", v)));
      System.out.println(line);
    }
  }

  private static void add(Map<String, List<String>> rows, String what, long t0) {
    rows.computeIfAbsent(what, k -> new ArrayList<>()).add(secs((System.nanoTime() - t0) / 1e9));
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }
}
