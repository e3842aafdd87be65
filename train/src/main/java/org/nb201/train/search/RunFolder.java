package org.nb201.train.search;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The folder of one search run: {@value #RUN_FILE}, an append-only JSON-lines record, and
 * {@value #CHECKPOINT}, the atomic checkpoint of the last finished epoch ({@link CheckpointFile}).
 * The run file's lines (format {@value #FORMAT} version 1, documented in {@code docs/search-run-format.md}):
 * {@code {"type": "config", "format", "version", "config": {...}, "provenance": {...}}} first, then
 * per epoch {@code {"type": "epoch", ...}} ({@link SearchEpoch#toMap()}), a
 * {@code {"type": "resume", "from_epoch", "provenance"}} whenever a run is continued, and
 * {@code {"type": "result", "method", "arch", "arch_index", "seconds"}} at the end. An epoch's
 * checkpoint is written before its line, so after a crash the run file lacks at most the last
 * checkpointed epoch, which a resume appends from the checkpoint. Every line is forced to disk.
 */
public final class RunFolder {
  /** The run file's name. */
  public static final String RUN_FILE = "run.jsonl";
  /** The checkpoint's name. */
  public static final String CHECKPOINT = "checkpoint.bin";
  /** The run file's format name. */
  public static final String FORMAT = "nb201-search-run";
  static final int VERSION = 1;
  /** Settings that may change between a run and its resumption (data can move; its checksum is checked). */
  static final Set<String> MOVABLE = Set.of("data_dir", "split_dir", "verify_data");

  private static final Type MAP = new TypeToken<LinkedHashMap<String, Object>>() {}.getType();
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private final Path dir;

  private RunFolder(Path dir) {
    this.dir = dir;
  }

  /** What an existing run folder holds. */
  public record State(RunFolder folder, Map<String, Object> config, Map<String, Object> provenance,
      List<SearchEpoch> epochs, Map<String, Object> result) {
    /** Whether the run finished. */
    public boolean finished() {
      return result != null;
    }
  }

  public Path dir() {
    return dir;
  }

  public Path runFile() {
    return dir.resolve(RUN_FILE);
  }

  public Path checkpoint() {
    return dir.resolve(CHECKPOINT);
  }

  /** A folder for a new run; refuses one that already holds a run. */
  public static RunFolder create(Path dir) throws IOException {
    RunFolder f = new RunFolder(dir);
    if (Files.exists(f.runFile())) {
      throw new RunFolderException(dir + " already holds a run (" + RUN_FILE + "); resume it or choose another"
          + " run folder");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new RunFolderException(dir + " is not a directory");
    }
    Files.createDirectories(dir);
    return f;
  }

  /** Writes the config line of a new run. */
  public void writeHeader(Map<String, Object> config, Map<String, Object> provenance) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "config");
    line.put("format", FORMAT);
    line.put("version", VERSION);
    line.put("config", config);
    line.put("provenance", provenance);
    Path tmp = dir.resolve(RUN_FILE + ".tmp");
    Files.write(tmp, (GSON.toJson(line) + "\n").getBytes(StandardCharsets.UTF_8));
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    Files.move(tmp, runFile(), StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(dir);
  }

  /** Appends an epoch line. */
  public void appendEpoch(SearchEpoch epoch) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "epoch");
    line.putAll(epoch.toMap());
    append(line);
  }

  /** Appends a resume line. */
  public void appendResume(int fromEpoch, Map<String, Object> provenance) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "resume");
    line.put("from_epoch", fromEpoch);
    line.put("provenance", provenance);
    append(line);
  }

  /** Appends the result line. */
  public void appendResult(SearchResult r) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "result");
    line.put("method", r.method());
    line.put("arch", r.arch().toString());
    line.put("arch_index", r.archIndex());
    line.put("seconds", r.seconds());
    append(line);
  }

  private void append(Map<String, Object> line) throws IOException {
    byte[] b = (GSON.toJson(line) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel c = FileChannel.open(runFile(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(b);
      while (buf.hasRemaining()) {
        c.write(buf);
      }
      c.force(true);
    }
  }

  /** Reads and checks an existing run folder. */
  public static State open(Path dir) throws IOException {
    RunFolder f = new RunFolder(dir);
    Path file = f.runFile();
    if (!Files.isRegularFile(file)) {
      throw new RunFolderException("nothing to resume in " + dir + " (no " + RUN_FILE + ")");
    }
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.endsWith("\n")) {
      throw new RunFolderException("run file " + file + " is damaged (its last line is incomplete)");
    }
    String[] lines = text.split("\n", -1);
    Map<String, Object> config = null;
    Map<String, Object> provenance = null;
    List<SearchEpoch> epochs = new ArrayList<>();
    Map<String, Object> result = null;
    for (int i = 0; i < lines.length - 1; i++) {
      int no = i + 1;
      Map<String, Object> line;
      try {
        line = GSON.fromJson(lines[i], MAP);
      } catch (JsonParseException e) {
        throw damaged(file, no, "not a JSON object");
      }
      if (line == null) {
        throw damaged(file, no, "empty line");
      }
      Object type = line.get("type");
      if (i == 0) {
        if (!"config".equals(type) || !FORMAT.equals(line.get("format"))
            || !(line.get("config") instanceof Map<?, ?>)) {
          throw damaged(file, no, "not an " + FORMAT + " config line");
        }
        if (!(line.get("version") instanceof Number v) || v.intValue() != VERSION) {
          throw damaged(file, no, "format version " + line.get("version") + ", this nb201 reads " + VERSION);
        }
        config = stringMap(line.get("config"));
        provenance = line.get("provenance") instanceof Map<?, ?> ? stringMap(line.get("provenance")) : Map.of();
        continue;
      }
      if (result != null) {
        throw damaged(file, no, "a line after the result");
      }
      if ("epoch".equals(type)) {
        SearchEpoch e;
        try {
          e = SearchEpoch.fromMap(line);
        } catch (RuntimeException ex) {
          throw damaged(file, no, "bad epoch record (" + ex.getMessage() + ")");
        }
        if (e.epoch() != epochs.size()) {
          throw damaged(file, no, "epoch " + e.epoch() + " where epoch " + epochs.size() + " was expected");
        }
        epochs.add(e);
      } else if ("result".equals(type)) {
        result = line;
      } else if (!"resume".equals(type)) {
        throw damaged(file, no, "unknown line type " + type);
      }
    }
    if (config == null) {
      throw damaged(file, 1, "no config line");
    }
    return new State(f, config, provenance, epochs, result);
  }

  /** Refuses settings that differ from the run's, except {@link #MOVABLE} ones. */
  static void requireSameConfig(Path dir, Map<String, Object> stored, Map<String, Object> now) throws IOException {
    Map<String, Object> a = normalised(stored);
    Map<String, Object> b = normalised(now);
    for (String k : union(a, b)) {
      if (!MOVABLE.contains(k) && !Objects.equals(a.get(k), b.get(k))) {
        throw new RunFolderException("the run in " + dir + " was started with " + k + "=" + text(a.get(k))
            + ", not " + text(b.get(k)) + "; resume it with its own settings");
      }
    }
  }

  private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    for (String k : b.keySet()) {
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  /** Values as their JSON round trip gives them (numbers as doubles). */
  private static Map<String, Object> normalised(Map<String, Object> m) {
    return GSON.fromJson(GSON.toJson(m), MAP);
  }

  private static String text(Object v) {
    if (v == null) {
      return "(unset)";
    }
    return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringMap(Object o) {
    return new LinkedHashMap<>((Map<String, Object>) o);
  }

  private static RunFolderException damaged(Path file, int line, String why) {
    return new RunFolderException("run file " + file + " is damaged at line " + line + " (" + why + ")");
  }

  /** Forces a directory's entries (a rename) to disk where the platform allows it. */
  static void syncDirectory(Path dir) {
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can open a directory; the rename is still atomic
    }
  }
}
