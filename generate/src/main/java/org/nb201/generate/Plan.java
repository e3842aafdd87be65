package org.nb201.generate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nb201.space.Messages;

/**
 * An immutable list of trials plus the config that produced it and a checksum of the trial lines.
 * Stored as JSON lines: a header object ({@code format}, {@code version}, {@code config},
 * {@code trials}, {@code checksum}), then one {@link TrialSpec} per line with its {@code id}. The
 * position of a trial in the file is what shards are cut from, so a plan never changes once written.
 */
public record Plan(PlanConfig config, List<TrialSpec> trials, String checksum) {
  static final String FORMAT = "nb201-plan";
  static final int VERSION = 1;

  public Plan {
    trials = List.copyOf(trials);
  }

  /** Expands {@code config} into trials: cells in index order, then seed, dataset and hp. */
  public static Plan of(PlanConfig config) {
    List<TrialSpec> trials = new ArrayList<>();
    for (int index : ArchSelector.select(config)) {
      for (int seed : config.seeds()) {
        for (String dataset : config.datasets()) {
          for (int hp : config.hps()) {
            trials.add(new TrialSpec(index, dataset, hp, seed, config.channels(), config.cells(),
                config.trainLimit(), config.evalLimit(), config.batchSize()));
          }
        }
      }
    }
    return new Plan(config, trials, checksumOf(trialLines(trials)));
  }

  /** The trials by id (built once by the caller: a lookup per trial would make a large plan quadratic). */
  public Map<String, TrialSpec> byId() {
    Map<String, TrialSpec> m = new HashMap<>(trials.size() * 2);
    for (TrialSpec t : trials) {
      m.put(t.id(), t);
    }
    return m;
  }

  /** The plan as file text. */
  public String toText() {
    JsonObject header = new JsonObject();
    header.addProperty("format", FORMAT);
    header.addProperty("version", VERSION);
    header.add("config", Json.GSON.toJsonTree(config));
    header.addProperty("trials", trials.size());
    header.addProperty("checksum", checksum);
    StringBuilder sb = new StringBuilder(Json.GSON.toJson(header)).append('\n');
    for (String line : trialLines(trials)) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /** Writes the plan atomically. */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, toText());
  }

  /** Reads and checks a plan file; every problem is one line naming the file and the line. */
  public static Plan read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("plan " + file + " does not exist; create one with 'nb201 plan'");
    } catch (IOException e) {
      throw new IllegalArgumentException(Messages.cannotRead("plan", file, e, "a plan file written by 'nb201 plan'"),
          e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("plan " + file + " is empty; expected a header line and trial lines");
    }
    JsonObject header;
    PlanConfig config;
    try {
      header = JsonParser.parseString(lines.get(0)).getAsJsonObject();
      if (!FORMAT.equals(header.get("format").getAsString())) {
        throw new IllegalArgumentException("not an nb201 plan");
      }
      if (header.get("version").getAsInt() != VERSION) {
        throw new IllegalArgumentException("plan version " + header.get("version") + " unsupported, expected "
            + VERSION);
      }
      config = Json.GSON.fromJson(header.get("config"), PlanConfig.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("plan " + file + " line 1: bad header (" + Messages.clip(e.getMessage())
          + "); expected the header line written by 'nb201 plan'");
    }
    int declared = header.get("trials").getAsInt();
    List<String> body = lines.subList(1, lines.size());
    if (body.size() != declared) {
      throw new IllegalArgumentException("plan " + file + " is truncated or corrupt: header declares " + declared
          + " trials, found " + body.size());
    }
    String checksum = header.get("checksum").getAsString();
    if (!checksumOf(body).equals(checksum)) {
      throw new IllegalArgumentException("plan " + file + " is corrupt: checksum of the trial lines does not match"
          + " the header");
    }
    List<TrialSpec> trials = new ArrayList<>(body.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      try {
        JsonObject o = JsonParser.parseString(body.get(i)).getAsJsonObject();
        TrialSpec t = Json.GSON.fromJson(o, TrialSpec.class);
        t = new TrialSpec(t.index(), t.dataset(), t.hp(), t.seed(), t.channels(), t.cells(), t.trainLimit(),
            t.evalLimit(), t.batchSize());
        if (!t.id().equals(o.get("id").getAsString())) {
          throw new IllegalArgumentException("id " + o.get("id") + " does not match the trial's content");
        }
        if (!ids.add(t.id())) {
          throw new IllegalArgumentException("trial " + t.id() + " appears twice");
        }
        trials.add(t);
      } catch (JsonParseException | IllegalStateException | NullPointerException e) {
        throw new IllegalArgumentException("plan " + file + " line " + (i + 2) + ": not a trial (" + e.getMessage()
            + ")");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("plan " + file + " line " + (i + 2) + ": " + e.getMessage());
      }
    }
    return new Plan(config, trials, checksum);
  }

  private static List<String> trialLines(List<TrialSpec> trials) {
    List<String> lines = new ArrayList<>(trials.size());
    for (TrialSpec t : trials) {
      JsonObject o = Json.GSON.toJsonTree(t).getAsJsonObject();
      o.addProperty("id", t.id());
      lines.add(Json.GSON.toJson(o));
    }
    return lines;
  }

  private static String checksumOf(List<String> lines) {
    return Json.sha256(String.join("\n", lines));
  }
}
