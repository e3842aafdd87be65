package org.nb201.generate.proxy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nb201.generate.AtomicFiles;
import org.nb201.generate.CorruptResultException;
import org.nb201.generate.ResultFile;
import org.nb201.space.provenance.Provenance;

/**
 * One chunk's scores on disk, {@code results/<chunk id>.json} beside the trial results: a compact
 * JSON object on the first line ({@code format nb201-proxy-chunk}, the chunk, the provenance, one
 * {@code [index, proxy, batch, value, seconds, note]} row per score, {@code value} null when the
 * score is not a finite number) and {@code sha256:<hex of that line>} on the second. Written
 * atomically; any change is detected by the checksum.
 */
public final class ChunkFile {
  static final String FORMAT = "nb201-proxy-chunk";
  static final int VERSION = 1;

  private ChunkFile() {}

  /** One score as a chunk file holds it ({@code value} NaN when the file holds null). */
  public record Score(int index, String proxy, int batch, double value, double seconds, String note) {}

  /** What a chunk file holds. */
  public record Content(ProxyChunk chunk, List<Score> scores, Provenance provenance) {}

  /** Writes the scores of {@code chunk} atomically. */
  public static void write(Path out, ProxyChunk chunk, List<Score> scores, Provenance provenance)
      throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("version", VERSION);
    o.addProperty("id", chunk.id());
    o.add("job", ProxyPlan.GSON.toJsonTree(chunk.job()));
    JsonArray idx = new JsonArray();
    chunk.indices().forEach(idx::add);
    o.add("indices", idx);
    o.add("provenance", ProxyPlan.GSON.toJsonTree(provenance.toMap()));
    JsonArray rows = new JsonArray();
    for (Score s : scores) {
      JsonArray r = new JsonArray();
      r.add(s.index());
      r.add(s.proxy());
      r.add(s.batch());
      r.add(Double.isFinite(s.value()) ? ProxyPlan.GSON.toJsonTree(s.value()) : JsonNull.INSTANCE);
      r.add(s.seconds());
      r.add(s.note() == null ? JsonNull.INSTANCE : ProxyPlan.GSON.toJsonTree(s.note()));
      rows.add(r);
    }
    o.add("scores", rows);
    String body = ProxyPlan.GSON.toJson(o);
    AtomicFiles.write(ResultFile.path(out, chunk.id()), body + "\nsha256:" + sha256(body) + "\n");
  }

  /** Reads and checks the result of {@code expected}: checksum, format, the same chunk, every cell and proxy scored. */
  public static Content read(Path file, ProxyChunk expected) throws CorruptResultException {
    String name = file.getFileName().toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CorruptResultException(name + ": unreadable (" + e.getMessage() + ")");
    }
    int nl = text.indexOf('\n');
    if (nl < 0 || !text.startsWith("sha256:", nl + 1) || !text.endsWith("\n")) {
      throw new CorruptResultException(name + ": truncated (no checksum line)");
    }
    String body = text.substring(0, nl);
    if (!sha256(body).equals(text.substring(nl + 1 + "sha256:".length(), text.length() - 1))) {
      throw new CorruptResultException(name + ": checksum mismatch (the file was altered or damaged)");
    }
    try {
      JsonObject o = JsonParser.parseString(body).getAsJsonObject();
      if (!FORMAT.equals(o.get("format").getAsString()) || o.get("version").getAsInt() != VERSION) {
        throw new CorruptResultException(name + ": not a version " + VERSION + " nb201 proxy chunk");
      }
      if (!o.get("id").getAsString().equals(expected.id())) {
        throw new CorruptResultException(name + ": holds chunk " + o.get("id").getAsString() + ", expected "
            + expected.id());
      }
      Provenance prov = Provenance.fromMap(ProxyPlan.GSON.fromJson(o.getAsJsonObject("provenance"), Map.class));
      List<Score> scores = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (JsonElement el : o.getAsJsonArray("scores")) {
        JsonArray r = el.getAsJsonArray();
        Score s = new Score(r.get(0).getAsInt(), r.get(1).getAsString(), r.get(2).getAsInt(),
            r.get(3).isJsonNull() ? Double.NaN : r.get(3).getAsDouble(), r.get(4).getAsDouble(),
            r.get(5).isJsonNull() ? null : r.get(5).getAsString());
        seen.add(s.index() + "/" + s.proxy());
        scores.add(s);
      }
      for (int i : expected.indices()) {
        for (String p : expected.job().proxies()) {
          if (!seen.contains(i + "/" + p)) {
            throw new CorruptResultException(name + ": no " + p + " score for index " + i);
          }
        }
      }
      return new Content(expected, scores, prov);
    } catch (CorruptResultException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CorruptResultException(name + ": malformed content (" + e.getMessage() + ")");
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
