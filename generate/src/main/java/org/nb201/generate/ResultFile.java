package org.nb201.generate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.EpochMetrics;
import org.nb201.space.Split;
import org.nb201.space.provenance.Provenance;

/**
 * One trial's result on disk: {@code results/<id>.json}, a compact JSON object on the first line and
 * {@code sha256:<hex of that line>} on the second. Written atomically, so a file either is complete
 * or does not exist; any change to it is detected by the checksum. Version 2 holds the trainer's
 * {@link Provenance} as its {@code toMap()} object; version 1 files (a flat object of strings) are
 * still read ({@link LegacyProvenance}).
 */
public final class ResultFile {
  static final String FORMAT = "nb201-trial-result";
  static final int VERSION = 2;
  /** The oldest version this code reads. */
  static final int MIN_VERSION = 1;

  private ResultFile() {}

  /** The folder of result files under an output directory. */
  public static Path dir(Path out) {
    return out.resolve("results");
  }

  /** Where the result of trial {@code id} lives. */
  public static Path path(Path out, String id) {
    return dir(out).resolve(id + ".json");
  }

  /** Writes {@code outcome} atomically. */
  public static Path write(Path out, TrialOutcome outcome) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("version", VERSION);
    o.addProperty("id", outcome.spec().id());
    o.add("spec", Json.GSON.toJsonTree(outcome.spec()));
    JsonObject cost = new JsonObject();
    cost.addProperty("flops", outcome.flops());
    cost.addProperty("params", outcome.params());
    cost.addProperty("latency", outcome.latency());
    o.add("cost", cost);
    o.add("provenance", Json.GSON.toJsonTree(outcome.provenance().toMap()));
    JsonArray rows = new JsonArray();
    for (EpochMetrics m : outcome.metrics()) {
      JsonArray r = new JsonArray();
      r.add(m.epoch());
      r.add(m.split().key());
      r.add(m.accuracy());
      r.add(m.loss());
      r.add(m.time());
      r.add(m.top5());
      rows.add(r);
    }
    o.add("metrics", rows);
    Path file = path(out, outcome.spec().id());
    writeChecked(file, Json.GSON.toJson(o));
    return file;
  }

  /** Writes {@code body} (one line) and {@code sha256:<hex of it>} as the second line to {@code file}, atomically. */
  public static void writeChecked(Path file, String body) throws IOException {
    AtomicFiles.write(file, body + "\nsha256:" + Json.sha256(body) + "\n");
  }

  /**
   * The first line of a file {@link #writeChecked} wrote, once it is known to be complete and
   * unaltered; otherwise a {@link CorruptResultException} naming the file and what is wrong.
   */
  public static String checkedBody(Path file) throws CorruptResultException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CorruptResultException(file.getFileName() + ": unreadable (" + e.getMessage() + ")");
    }
    String name = file.getFileName().toString();
    int nl = text.indexOf('\n');
    if (nl < 0 || !text.startsWith("sha256:", nl + 1) || !text.endsWith("\n")) {
      throw new CorruptResultException(name + ": truncated (no checksum line)");
    }
    String body = text.substring(0, nl);
    String sum = text.substring(nl + 1 + "sha256:".length(), text.length() - 1);
    if (!Json.sha256(body).equals(sum)) {
      throw new CorruptResultException(name + ": checksum mismatch (the file was altered or damaged)");
    }
    return body;
  }

  /** Reads and checks a result file against the trial it should hold. */
  public static TrialOutcome read(Path file, TrialSpec expected) throws CorruptResultException {
    String body = checkedBody(file);
    String name = file.getFileName().toString();
    try {
      JsonObject o = JsonParser.parseString(body).getAsJsonObject();
      int version = o.get("version").getAsInt();
      if (!FORMAT.equals(o.get("format").getAsString()) || version < MIN_VERSION || version > VERSION) {
        throw new CorruptResultException(name + ": not a version " + MIN_VERSION + " to " + VERSION + " nb201 result");
      }
      TrialSpec spec = Json.GSON.fromJson(o.get("spec"), TrialSpec.class);
      if (expected != null && !spec.equals(expected)) {
        throw new CorruptResultException(name + ": holds trial " + spec.id() + ", expected " + expected.id());
      }
      JsonObject cost = o.getAsJsonObject("cost");
      JsonObject p = o.getAsJsonObject("provenance");
      Provenance prov;
      if (version == 1) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : p.entrySet()) {
          flat.put(e.getKey(), e.getValue().getAsString());
        }
        prov = LegacyProvenance.read(flat, spec.dataset());
      } else {
        prov = Provenance.fromMap(Json.map(p));
      }
      List<EpochMetrics> metrics = new ArrayList<>();
      for (JsonElement el : o.getAsJsonArray("metrics")) {
        JsonArray r = el.getAsJsonArray();
        metrics.add(new EpochMetrics(r.get(0).getAsInt(), Split.byKey(r.get(1).getAsString()), r.get(2).getAsDouble(),
            r.get(3).getAsDouble(), r.get(4).getAsDouble(), r.get(5).getAsDouble()));
      }
      return new TrialOutcome(spec, metrics, cost.get("flops").getAsDouble(), cost.get("params").getAsDouble(),
          cost.get("latency").getAsDouble(), prov);
    } catch (CorruptResultException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CorruptResultException(name + ": malformed content (" + e.getMessage() + ")");
    }
  }
}
