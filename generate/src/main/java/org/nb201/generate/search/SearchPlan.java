package org.nb201.generate.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nb201.generate.AtomicFiles;
import org.nb201.generate.Json;
import org.nb201.generate.Shard;
import org.nb201.space.Messages;

/**
 * A plan of weight-sharing searches: every (method, dataset, seed) of its config, each a
 * content-addressed {@link SearchTrial}. Stored as JSON lines like a training plan: a header
 * ({@code format nb201-search-plan}, {@code version}, {@code config} with the methods, datasets,
 * seeds and the settings given, {@code trials}, {@code checksum} of the trial lines), then one
 * trial per line with its {@code id}. Shards are cut by position, as for training plans.
 */
public record SearchPlan(List<String> methods, List<String> datasets, List<Integer> seeds,
    Map<String, String> overrides, List<SearchTrial> trials, String checksum) {
  /** The header's {@code format} value. */
  public static final String FORMAT = "nb201-search-plan";
  static final int VERSION = 1;

  public SearchPlan {
    methods = List.copyOf(methods);
    datasets = List.copyOf(datasets);
    seeds = List.copyOf(seeds);
    overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
    trials = List.copyOf(trials);
  }

  /**
   * Every search of {@code methods} x {@code datasets} x {@code seeds} (in that nesting order) with
   * {@code overrides} applied to each method's official defaults.
   *
   * @throws IllegalArgumentException for an empty or repeated list value, an unknown method or dataset,
   *     or a bad setting, naming it
   */
  public static SearchPlan of(List<String> methods, List<String> datasets, List<Integer> seeds,
      Map<String, String> overrides) {
    requireValues("--search", methods);
    requireValues("--datasets", datasets);
    requireValues("--seeds", seeds);
    List<SearchTrial> trials = new ArrayList<>();
    for (String method : methods) {
      for (String dataset : datasets) {
        for (int seed : seeds) {
          trials.add(SearchTrial.of(method, dataset, seed, overrides));
        }
      }
    }
    return new SearchPlan(methods, datasets, seeds, overrides, trials, checksumOf(trialLines(trials)));
  }

  private static void requireValues(String option, List<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(option + " is empty; a search plan needs at least one value");
    }
    Set<Object> seen = new HashSet<>();
    for (Object v : values) {
      if (!seen.add(v)) {
        throw new IllegalArgumentException(option + " lists " + v + " more than once; give each value once");
      }
    }
  }

  /** The trials of shard {@code shard}, in plan order. */
  public List<SearchTrial> select(Shard shard) {
    List<SearchTrial> out = new ArrayList<>();
    for (int p = shard.k(); p < trials.size(); p += shard.n()) {
      out.add(trials.get(p));
    }
    return out;
  }

  /** The trials by id. */
  public Map<String, SearchTrial> byId() {
    Map<String, SearchTrial> m = new HashMap<>();
    for (SearchTrial t : trials) {
      m.put(t.id(), t);
    }
    return m;
  }

  /** Writes the plan atomically. */
  public void write(Path file) throws IOException {
    List<String> lines = trialLines(trials);
    JsonObject header = new JsonObject();
    header.addProperty("format", FORMAT);
    header.addProperty("version", VERSION);
    JsonObject config = new JsonObject();
    JsonArray m = new JsonArray();
    methods.forEach(m::add);
    config.add("methods", m);
    JsonArray d = new JsonArray();
    datasets.forEach(d::add);
    config.add("datasets", d);
    JsonArray s = new JsonArray();
    seeds.forEach(s::add);
    config.add("seeds", s);
    config.add("settings", Json.GSON.toJsonTree(overrides));
    header.add("config", config);
    header.addProperty("trials", trials.size());
    header.addProperty("checksum", checksum);
    AtomicFiles.write(file, Json.GSON.toJson(header) + "\n" + String.join("\n", lines) + "\n");
  }

  /**
   * Whether {@code file} starts with a search plan's header (it is then read with {@link #read}); a
   * file that cannot be read as text is not, and is left to the training plan's reader to name.
   */
  public static boolean isSearchPlan(Path file) {
    String first;
    try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      first = r.readLine();
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
    if (first == null) {
      return false;
    }
    try {
      JsonObject h = JsonParser.parseString(first).getAsJsonObject();
      return h.has("format") && FORMAT.equals(h.get("format").getAsString());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Reads and checks a search plan; every problem is one line naming the file and the line. */
  public static SearchPlan read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("plan " + file + " does not exist; create one with 'nb201 plan --search'");
    } catch (IOException e) {
      throw new IllegalArgumentException(Messages.cannotRead("plan", file, e, "a plan file written by 'nb201 plan'"),
          e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("plan " + file + " is empty; expected a header line and search lines");
    }
    JsonObject header;
    List<String> methods = new ArrayList<>();
    List<String> datasets = new ArrayList<>();
    List<Integer> seeds = new ArrayList<>();
    Map<String, String> overrides = new LinkedHashMap<>();
    int declared;
    String checksum;
    try {
      header = JsonParser.parseString(lines.get(0)).getAsJsonObject();
      if (!FORMAT.equals(header.get("format").getAsString())) {
        throw new IllegalArgumentException("not an nb201 search plan");
      }
      if (header.get("version").getAsInt() != VERSION) {
        throw new IllegalArgumentException("search plan version " + header.get("version") + " unsupported, expected "
            + VERSION);
      }
      JsonObject c = header.getAsJsonObject("config");
      c.getAsJsonArray("methods").forEach(e -> methods.add(e.getAsString()));
      c.getAsJsonArray("datasets").forEach(e -> datasets.add(e.getAsString()));
      c.getAsJsonArray("seeds").forEach(e -> seeds.add(e.getAsInt()));
      c.getAsJsonObject("settings").entrySet().forEach(e -> overrides.put(e.getKey(), e.getValue().getAsString()));
      declared = header.get("trials").getAsInt();
      checksum = header.get("checksum").getAsString();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("plan " + file + " line 1: bad header (" + Messages.clip(e.getMessage())
          + "); expected the header line written by 'nb201 plan --search'");
    }
    List<String> body = lines.subList(1, lines.size());
    if (body.size() != declared) {
      throw new IllegalArgumentException("plan " + file + " is truncated or corrupt: header declares " + declared
          + " searches, found " + body.size());
    }
    if (!checksumOf(body).equals(checksum)) {
      throw new IllegalArgumentException("plan " + file + " is corrupt: checksum of the search lines does not match"
          + " the header");
    }
    List<SearchTrial> trials = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      try {
        JsonObject o = JsonParser.parseString(body.get(i)).getAsJsonObject();
        Map<String, String> settings = new TreeMap<>();
        o.getAsJsonObject("settings").entrySet().forEach(e -> settings.put(e.getKey(), e.getValue().getAsString()));
        SearchTrial t = new SearchTrial(o.get("method").getAsString(), o.get("dataset").getAsString(),
            o.get("seed").getAsInt(), settings);
        if (!t.id().equals(o.get("id").getAsString())) {
          throw new IllegalArgumentException("id " + o.get("id") + " does not match the search's content");
        }
        if (!ids.add(t.id())) {
          throw new IllegalArgumentException("search " + t.id() + " appears twice");
        }
        trials.add(t);
      } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
        throw new IllegalArgumentException("plan " + file + " line " + (i + 2) + ": not a search (" + e.getMessage()
            + ")");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("plan " + file + " line " + (i + 2) + ": " + e.getMessage());
      }
    }
    return new SearchPlan(methods, datasets, seeds, overrides, trials, checksum);
  }

  static List<String> trialLines(List<SearchTrial> trials) {
    List<String> lines = new ArrayList<>(trials.size());
    for (SearchTrial t : trials) {
      lines.add(Json.GSON.toJson(line(t)));
    }
    return lines;
  }

  /** A trial as a JSON object with its id. */
  static JsonObject line(SearchTrial t) {
    JsonObject o = new JsonObject();
    o.addProperty("id", t.id());
    o.addProperty("method", t.method());
    o.addProperty("dataset", t.dataset());
    o.addProperty("seed", t.seed());
    o.add("settings", Json.GSON.toJsonTree(t.settings()));
    return o;
  }

  private static String checksumOf(List<String> lines) {
    return Json.sha256(String.join("\n", lines));
  }
}
