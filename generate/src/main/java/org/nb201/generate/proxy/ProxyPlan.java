package org.nb201.generate.proxy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nb201.generate.AtomicFiles;

/**
 * The chunks of one {@link ProxyJob} over a list of cells, as the JSON-lines file its workers read
 * ({@code plan-<job id>.jsonl} in the work directory): a header ({@code format}, {@code version},
 * the job, the number of chunks, a checksum of the chunk lines), then one chunk per line with its
 * id and cells. A chunk holds the chosen cells of one block of {@code chunkSize} consecutive
 * indices, so a run over more cells reuses every chunk whose block gained no cell.
 */
public record ProxyPlan(ProxyJob job, List<ProxyChunk> chunks) {
  static final String FORMAT = "nb201-proxy-plan";
  static final int VERSION = 1;
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  public ProxyPlan {
    chunks = List.copyOf(chunks);
  }

  /** {@code indices} of {@code job}, by blocks of {@code chunkSize} consecutive indices. */
  public static ProxyPlan of(ProxyJob job, List<Integer> indices, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("--chunk-size must be >= 1, got " + chunkSize);
    }
    if (indices.isEmpty()) {
      throw new IllegalArgumentException("no cells to score");
    }
    TreeMap<Integer, List<Integer>> blocks = new TreeMap<>();
    for (int i : new TreeSet<>(indices)) {
      blocks.computeIfAbsent(i / chunkSize, k -> new ArrayList<>()).add(i);
    }
    List<ProxyChunk> chunks = new ArrayList<>();
    blocks.values().forEach(cells -> chunks.add(new ProxyChunk(job, cells)));
    return new ProxyPlan(job, chunks);
  }

  /** Where the plan of {@code job} lives in {@code dir}. */
  public static Path file(Path dir, ProxyJob job) {
    return dir.resolve("plan-" + job.id() + ".jsonl");
  }

  /** Every cell of the plan, in order. */
  public List<Integer> indices() {
    List<Integer> out = new ArrayList<>();
    chunks.forEach(c -> out.addAll(c.indices()));
    return out;
  }

  /** The chunks by id. */
  public Map<String, ProxyChunk> byId() {
    Map<String, ProxyChunk> m = new HashMap<>();
    for (ProxyChunk c : chunks) {
      m.put(c.id(), c);
    }
    return m;
  }

  /** Writes the plan atomically. */
  public void write(Path file) throws IOException {
    List<String> lines = chunkLines();
    JsonObject h = new JsonObject();
    h.addProperty("format", FORMAT);
    h.addProperty("version", VERSION);
    h.add("job", GSON.toJsonTree(job));
    h.addProperty("chunks", chunks.size());
    h.addProperty("checksum", ProxyJob.hash(String.join("\n", lines)));
    AtomicFiles.write(file, GSON.toJson(h) + "\n" + String.join("\n", lines) + "\n");
  }

  private List<String> chunkLines() {
    List<String> lines = new ArrayList<>();
    for (ProxyChunk c : chunks) {
      JsonObject o = new JsonObject();
      o.addProperty("id", c.id());
      JsonArray a = new JsonArray();
      c.indices().forEach(a::add);
      o.add("indices", a);
      lines.add(GSON.toJson(o));
    }
    return lines;
  }

  /** Reads and checks a plan; every problem is one line naming the file. */
  public static ProxyPlan read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    try {
      JsonObject h = JsonParser.parseString(lines.get(0)).getAsJsonObject();
      if (!FORMAT.equals(h.get("format").getAsString()) || h.get("version").getAsInt() != VERSION) {
        throw new IllegalArgumentException("not a version " + VERSION + " nb201 proxy plan");
      }
      ProxyJob job = GSON.fromJson(h.get("job"), ProxyJob.class);
      job = new ProxyJob(job.proxies(), job.dataset(), job.channels(), job.cells(), job.seed(), job.batchSize(),
          job.source(), job.synflowDouble(), job.channelsLast(), job.bnNasEpochs(), job.bnNasImages());
      List<String> body = lines.subList(1, lines.size());
      if (body.size() != h.get("chunks").getAsInt()
          || !ProxyJob.hash(String.join("\n", body)).equals(h.get("checksum").getAsString())) {
        throw new IllegalArgumentException("truncated or altered (the chunk lines do not match the header)");
      }
      List<ProxyChunk> chunks = new ArrayList<>();
      for (String line : body) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        List<Integer> idx = new ArrayList<>();
        o.getAsJsonArray("indices").forEach(e -> idx.add(e.getAsInt()));
        ProxyChunk c = new ProxyChunk(job, idx);
        if (!c.id().equals(o.get("id").getAsString())) {
          throw new IllegalArgumentException("chunk " + o.get("id") + " does not match its content");
        }
        chunks.add(c);
      }
      return new ProxyPlan(job, chunks);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("proxy plan " + file + " is corrupt: " + e.getMessage(), e);
    }
  }
}
