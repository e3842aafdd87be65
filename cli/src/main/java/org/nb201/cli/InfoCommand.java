package org.nb201.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nb201.bench.store.Provenance;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreException;
import org.nb201.bench.store.StoreFormat;
import org.nb201.bench.store.StoreReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 info}: what a store holds and where it came from. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {"Describe a store: format, size, row counts, the (dataset, hp) trial",
      "sets with their seeds, and the provenance of its data."})
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
      long size = size(s.path());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        JsonObject o = new JsonObject();
        o.addProperty("store", s.path().toString());
        o.addProperty("bytes", size);
        s.meta().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
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
        JsonArray ps = new JsonArray();
        sources.forEach(p -> ps.add(new GsonBuilder().create().toJsonTree(new Source(p))));
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
            + r.rowCount("costs") + ", archs " + r.rowCount("archs") + (s.has("proxies") ? ", proxies "
            + r.rowCount("proxies") : ""));
        out.println("trial sets  " + (sets.isEmpty() ? "none" : String.format(Locale.ROOT, "%-15s %4s %8s %6s  %s",
            "dataset", "hp", "trials", "archs", "seeds")));
        for (StoreReader.TrialSet t : sets) {
          out.printf(Locale.ROOT, "            %-15s %4d %8d %6d  %s%n", t.dataset(), t.hp(), t.trials(), t.archs(),
              t.seeds());
        }
        out.println("provenance  " + sources.size() + " source" + (sources.size() == 1 ? "" : "s"));
        for (Provenance p : sources.subList(0, Math.min(LISTED_SOURCES, sources.size()))) {
          out.println("            " + p.source() + (p.sha256().isEmpty() ? "" : "  sha256 " + p.sha256())
              + "  " + p.config() + "  (nb201 " + p.toolVersion() + ", " + p.importedAt() + ", " + p.machine() + ")");
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

  /** A provenance row as JSON sees it. */
  private record Source(String source, String sha256, long bytes, String tool_version, String imported_at,
      String config, String machine) {
    Source(Provenance p) {
      this(p.source(), p.sha256(), p.bytes(), p.toolVersion(), p.importedAt().toString(), p.config(), p.machine());
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
