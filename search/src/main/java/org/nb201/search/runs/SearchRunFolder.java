package org.nb201.search.runs;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.search.CurvePoint;
import org.nb201.search.RunResult;
import org.nb201.search.SearchConfig;
import org.nb201.space.SearchSpace;
import org.nb201.space.ToolVersion;
import org.nb201.space.provenance.Machine;

/**
 * Writes and reads a search-run folder ({@code docs/search-runs.md}): {@code config.json} (format,
 * configuration, signal, reported metrics, provenance with the store's SHA-256), {@code runs.jsonl}
 * (one JSON object per run), {@code curves.csv} (every accepted evaluation of every run) and,
 * from weight-sharing methods, {@code epochs.csv} (the genotype of every search epoch). Each file
 * is written to a temporary file and renamed into place; {@code config.json} comes last, so a
 * folder with a {@code config.json} is complete.
 */
public final class SearchRunFolder {
  /** The value of {@code format} in {@code config.json}. */
  public static final String FORMAT = "nb201-search-runs";
  /** The format version this code writes and reads. */
  public static final int VERSION = 1;
  public static final String CONFIG = "config.json";
  public static final String RUNS = "runs.jsonl";
  public static final String CURVES = "curves.csv";
  public static final String EPOCHS = "epochs.csv";
  /** The header of {@code curves.csv} (also what {@code nb201 search --curves} writes). */
  public static final String CURVES_HEADER = "run,seed,step,time,index,accuracy,best_index";
  /** The header of {@code epochs.csv}. */
  public static final String EPOCHS_HEADER = "run,epoch,index";

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
      .create();
  private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().serializeNulls()
      .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

  private SearchRunFolder() {}

  /**
   * Writes the runs of one search into {@code dir} (created if absent). {@code metrics} maps each
   * reported metric's key ({@code dataset/split}) to its final-epoch view, in column order; each
   * run records its returned cell's seed-mean value of each. A folder that already holds runs is
   * replaced only when {@code overwrite}.
   */
  public static void write(Path dir, SearchConfig config, SearchRuns.Signal signal, StoreIdentity store,
      List<RunResult> results, Map<String, FinalView> metrics, double wallSeconds, boolean overwrite) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException(dir + " exists and is not a folder; expected a folder for the search runs");
      }
      if (Files.exists(dir.resolve(CONFIG)) && !overwrite) {
        throw new IllegalArgumentException(dir + " already holds search runs (" + CONFIG + "); choose another folder"
            + " or remove it");
      }
      Files.createDirectories(dir);
      SearchSpace space = SearchSpace.official();
      StringBuilder runs = new StringBuilder();
      for (RunResult r : results) {
        int best = space.indexOf(r.best());
        JsonObject o = new JsonObject();
        o.addProperty("run", r.run());
        o.addProperty("seed", r.seed());
        o.addProperty("best_index", best);
        o.addProperty("best_arch", r.best().toString());
        o.addProperty("evaluated", r.evaluated());
        o.addProperty("simulated_time", r.usedTime());
        JsonObject m = new JsonObject();
        metrics.forEach((key, view) -> m.add(key, number(view.meanAccuracy(best))));
        o.add("metrics", m);
        runs.append(LINE.toJson(o)).append('\n');
      }
      Files.deleteIfExists(dir.resolve(CONFIG)); // an interrupted rewrite must not look complete
      atomicWrite(dir.resolve(RUNS), runs.toString());
      atomicWrite(dir.resolve(CURVES), curvesCsv(results));
      atomicWrite(dir.resolve(CONFIG), GSON.toJson(config(config, signal, store, List.copyOf(metrics.keySet()),
          wallSeconds)) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write search runs to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Every accepted evaluation of every run as {@code curves.csv} text ({@link #CURVES_HEADER}). */
  public static String curvesCsv(List<RunResult> results) {
    StringBuilder sb = new StringBuilder(CURVES_HEADER).append('\n');
    for (RunResult r : results) {
      for (CurvePoint p : r.curve()) {
        sb.append(r.run()).append(',').append(r.seed()).append(',').append(p.step()).append(',').append(p.time())
            .append(',').append(p.index()).append(',').append(p.accuracy()).append(',').append(p.bestIndex())
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** The algorithm's own settings, as {@code config.json} records them. */
  static Map<String, String> options(SearchConfig c) {
    Map<String, String> out = new LinkedHashMap<>();
    c.options().describe().forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private static JsonObject config(SearchConfig c, SearchRuns.Signal signal, StoreIdentity store, List<String> metrics,
      double wall) {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("format_version", VERSION);
    o.addProperty("algorithm", c.algorithm());
    o.addProperty("runs", c.runs());
    o.addProperty("budget", c.budget());
    o.addProperty("seed", c.seed());
    JsonObject opts = new JsonObject();
    options(c).forEach(opts::addProperty);
    o.add("options", opts);
    JsonObject s = new JsonObject();
    s.addProperty("dataset", signal.dataset());
    s.addProperty("hp", signal.hp());
    s.addProperty("split", signal.split());
    o.add("signal", s);
    JsonArray ms = new JsonArray();
    metrics.forEach(ms::add);
    o.add("metrics", ms);
    JsonObject prov = new JsonObject();
    prov.addProperty("tool_version", ToolVersion.get());
    prov.addProperty("created", Instant.now().toString());
    prov.addProperty("machine", Machine.current().describe());
    prov.addProperty("threads", c.threads());
    prov.addProperty("wall_seconds", wall);
    prov.add("store", LINE.toJsonTree(store));
    o.add("provenance", prov);
    return o;
  }

  /** Reads the folder {@code dir}; one-line errors name the file, the line and what is expected. */
  public static SearchRuns read(Path dir) {
    Path config = dir.resolve(CONFIG);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("search-run folder " + dir + " not found; expected a folder written by"
          + " nb201 search --out");
    }
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException(dir + " is not a complete search-run folder (no " + CONFIG + "); expected a"
          + " folder written by nb201 search --out");
    }
    try {
      SearchRuns.Header header = header(config, JsonParser.parseString(Files.readString(config)).getAsJsonObject());
      List<SearchRuns.Run> runs = runs(dir.resolve(RUNS));
      Map<Integer, List<CurvePoint>> curves = Files.exists(dir.resolve(CURVES)) ? curves(dir.resolve(CURVES))
          : Map.of();
      List<SearchRuns.EpochPoint> epochs = Files.exists(dir.resolve(EPOCHS)) ? epochs(dir.resolve(EPOCHS))
          : List.of();
      return new SearchRuns(dir.toAbsolutePath().normalize().getFileName().toString(), header, runs, curves, epochs);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(dir + " lacks " + Path.of(e.getFile()).getFileName() + "; expected a folder"
          + " written by nb201 search --out", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
      throw new IllegalArgumentException(config + ": not a valid " + FORMAT + " header (" + e.getMessage() + ")", e);
    }
  }

  private static SearchRuns.Header header(Path file, JsonObject o) {
    if (!FORMAT.equals(text(o, "format"))) {
      throw new IllegalArgumentException(file + ": format is " + text(o, "format") + ", expected " + FORMAT);
    }
    int v = o.get("format_version").getAsInt();
    if (v != VERSION) {
      throw new IllegalArgumentException(file + ": format version " + v + ", this nb201 reads version " + VERSION);
    }
    Map<String, String> options = new LinkedHashMap<>();
    o.getAsJsonObject("options").entrySet().forEach(e -> options.put(e.getKey(), e.getValue().getAsString()));
    JsonObject s = o.getAsJsonObject("signal");
    List<String> metrics = new ArrayList<>();
    o.getAsJsonArray("metrics").forEach(e -> metrics.add(e.getAsString()));
    JsonObject p = o.getAsJsonObject("provenance");
    StoreIdentity store = LINE.fromJson(p.get("store"), StoreIdentity.class);
    return new SearchRuns.Header(text(o, "algorithm"), o.get("runs").getAsInt(), o.get("budget").getAsDouble(),
        o.get("seed").getAsLong(), options, new SearchRuns.Signal(text(s, "dataset"), s.get("hp").getAsInt(),
        text(s, "split")), metrics, store, text(p, "tool_version"), text(p, "created"), text(p, "machine"),
        p.get("threads").getAsInt(), p.get("wall_seconds").getAsDouble());
  }

  private static List<SearchRuns.Run> runs(Path file) throws IOException {
    List<SearchRuns.Run> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int line = 0;
      for (String s = in.readLine(); s != null; s = in.readLine()) {
        line++;
        if (s.isBlank()) {
          continue;
        }
        try {
          JsonObject o = JsonParser.parseString(s).getAsJsonObject();
          Map<String, Double> m = new LinkedHashMap<>();
          for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("metrics").entrySet()) {
            m.put(e.getKey(), e.getValue().isJsonNull() ? Double.NaN : e.getValue().getAsDouble());
          }
          out.add(new SearchRuns.Run(o.get("run").getAsInt(), o.get("seed").getAsLong(), o.get("best_index").getAsInt(),
              o.get("evaluated").getAsInt(), o.get("simulated_time").getAsDouble(), m));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
          throw new IllegalArgumentException(file + ":" + line + ": not a run record (" + e.getMessage() + "); expected"
              + " one JSON object per line with run, seed, best_index, evaluated, simulated_time, metrics", e);
        }
      }
    }
    return out;
  }

  private static Map<Integer, List<CurvePoint>> curves(Path file) throws IOException {
    Map<Integer, List<CurvePoint>> out = new TreeMap<>();
    csv(file, CURVES_HEADER, 7, (line, f) -> out.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>())
        .add(new CurvePoint(Integer.parseInt(f[2]), Double.parseDouble(f[3]), Integer.parseInt(f[4]),
            Double.parseDouble(f[5]), Integer.parseInt(f[6]))));
    return out;
  }

  private static List<SearchRuns.EpochPoint> epochs(Path file) throws IOException {
    List<SearchRuns.EpochPoint> out = new ArrayList<>();
    csv(file, EPOCHS_HEADER, 3, (line, f) -> out.add(new SearchRuns.EpochPoint(Integer.parseInt(f[0]),
        Integer.parseInt(f[1]), Integer.parseInt(f[2]))));
    return out;
  }

  @FunctionalInterface
  private interface Row {
    void accept(int line, String[] fields);
  }

  private static void csv(Path file, String header, int fields, Row row) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (!header.equals(first)) {
        throw new IllegalArgumentException(file + ":1: header is '" + first + "', expected '" + header + "'");
      }
      int line = 1;
      for (String s = in.readLine(); s != null; s = in.readLine()) {
        line++;
        if (s.isBlank()) {
          continue;
        }
        String[] f = s.split(",", -1);
        try {
          if (f.length != fields) {
            throw new NumberFormatException(f.length + " fields");
          }
          row.accept(line, f);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + ":" + line + ": bad row '" + s + "' (" + e.getMessage()
              + "); expected " + header, e);
        }
      }
    }
  }

  private static String text(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  private static JsonElement number(double x) {
    return Double.isFinite(x) ? new JsonPrimitive(x) : JsonNull.INSTANCE;
  }

  private static void atomicWrite(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
