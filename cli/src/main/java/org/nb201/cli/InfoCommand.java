package org.nb201.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreException;
import org.nb201.bench.store.StoreFormat;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 info}: what a store holds and where it came from. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {"Describe a store: format, size, row counts, the (dataset, hp) trial",
      "sets with their seeds, the device values (hardware table) and the provenance of its data."})
final class InfoCommand implements Runnable {
  /** Provenance rows listed in text output; the rest are counted. */
  static final int LISTED_SOURCES = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<store>", description = "The benchmark store.")
  Path store;

  @Option(names = "--verify", description = "Also read every block of the file (DuckDB checks each checksum).")
  boolean verify;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  public void run() {
    try (Store s = StoreCli.open(store)) {
      if (verify) {
        try {
          s.verify();
        } catch (StoreException e) {
          throw new UserException(e.getMessage(), e);
        }
      }
      StoreReader r = s.reader();
      List<StoreReader.TrialSet> sets = r.trialSets();
      List<Provenance> sources = r.provenance();
      List<StoreReader.HardwareSet> hardware = r.hardwareSets();
      long size = size(s.path());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        JsonObject o = new JsonObject();
        o.addProperty("store", s.path().toString());
        o.addProperty("bytes", size);
        s.meta().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> o.addProperty(e.getKey(), e.getValue()));
        JsonObject rows = new JsonObject();
        for (String t : StoreFormat.tables()) {
          rows.addProperty(t, r.rowCount(t));
        }
        o.add("rows", rows);
        JsonArray ts = new JsonArray();
        for (StoreReader.TrialSet t : sets) {
          JsonObject x = new JsonObject();
          x.addProperty("dataset", t.dataset());
          x.addProperty("hp", t.hp());
          x.addProperty("trials", t.trials());
          x.addProperty("archs", t.archs());
          x.addProperty("seeds", t.seeds());
          ts.add(x);
        }
        o.add("trial_sets", ts);
        JsonArray hw = new JsonArray();
        for (StoreReader.HardwareSet h : hardware) {
          JsonObject x = new JsonObject();
          x.addProperty("device", h.device());
          x.addProperty("dataset", h.dataset());
          x.addProperty("metric", h.metric());
          x.addProperty("unit", h.unit());
          x.addProperty("cells", h.cells());
          hw.add(x);
        }
        o.add("hardware", hw);
        JsonArray ps = new JsonArray();
        sources.forEach(p -> ps.add(new GsonBuilder().serializeSpecialFloatingPointValues().create()
            .toJsonTree(row(p))));
        o.add("provenance", ps);
        if (verify) {
          o.addProperty("verified", true);
        }
        out.println(new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(o));
      } else {
        out.printf(Locale.ROOT, "store       %s (%.1f MB)%n", s.path(), size / 1e6);
        out.println("format      " + s.meta().get("format") + " " + s.formatVersion() + ", written by nb201 "
            + s.meta().get("tool_version") + " with DuckDB " + s.meta().get("duckdb_version") + " at "
            + s.meta().get("created"));
        out.println("rows        metrics " + r.rowCount("metrics") + ", trials " + r.rowCount("trials") + ", costs "
            + r.rowCount("costs") + ", archs " + r.rowCount("archs") + ", hardware " + r.rowCount("hardware")
            + ", proxies " + r.rowCount("proxies") + ", searches " + r.rowCount("searches"));
        out.println("trial sets  " + (sets.isEmpty() ? "none" : String.format(Locale.ROOT, "%-15s %4s %8s %6s  %s",
            "dataset", "hp", "trials", "archs", "seeds")));
        for (StoreReader.TrialSet t : sets) {
          out.printf(Locale.ROOT, "            %-15s %4d %8d %6d  %s%n", t.dataset(), t.hp(), t.trials(), t.archs(),
              t.seeds());
        }
        out.println("hardware    " + (hardware.isEmpty() ? "none" + (s.has("hardware") ? "" : " (format 1 store)")
            : String.format(Locale.ROOT, "%-15s %-15s %-8s %4s %6s", "device", "dataset", "metric", "unit", "cells")));
        for (StoreReader.HardwareSet h : hardware) {
          out.printf(Locale.ROOT, "            %-15s %-15s %-8s %4s %6d%n", h.device(), h.dataset(), h.metric(),
              h.unit(), h.cells());
        }
        out.println("provenance  " + sources.size() + " source" + (sources.size() == 1 ? "" : "s"));
        for (Provenance p : sources.subList(0, Math.min(LISTED_SOURCES, sources.size()))) {
          Input source = p.primary();
          out.println("            " + source.name() + (source.sha256().isEmpty() ? "" : "  sha256 " + source.sha256())
              + "  " + new GsonBuilder().disableHtmlEscaping().create().toJson(p.config()) + "  (nb201 "
              + p.toolVersion() + ", " + p.createdAt() + ", " + p.machine().describe()
              + (p.engine() == null ? "" : ", " + p.engine().describe()) + ")");
        }
        if (sources.size() > LISTED_SOURCES) {
          out.println("            ... and " + (sources.size() - LISTED_SOURCES) + " more (--json lists all)");
        }
        if (verify) {
          out.println("verified    every block read, all checksums match");
        }
      }
      out.flush();
    }
  }

  /**
   * A provenance row as JSON sees it: the table's columns {@code source}, {@code sha256}, {@code bytes},
   * {@code tool_version} and {@code imported_at}, then the rest of the provenance ({@link Provenance#toMap}).
   */
  private static Map<String, Object> row(Provenance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", p.primary().name());
    m.put("sha256", p.primary().sha256());
    m.put("bytes", p.primary().bytes());
    m.put("tool_version", p.toolVersion());
    m.put("imported_at", p.createdAt().toString());
    p.toMap().forEach((k, v) -> {
      if (!k.equals("created_at")) {
        m.putIfAbsent(k, v);
      }
    });
    return m;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
