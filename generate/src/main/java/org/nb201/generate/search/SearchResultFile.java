package org.nb201.generate.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nb201.generate.CorruptResultException;
import org.nb201.generate.Json;
import org.nb201.generate.ResultFile;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.search.SearchEpoch;
import org.nb201.train.search.SearchResult;

/**
 * One search trial's result on disk, {@code results/<id>.json} beside training results: a compact
 * JSON object on the first line ({@code format nb201-search-result}, {@code version}, {@code id},
 * the {@code trial} as its plan line holds it, the chosen {@code arch} and {@code arch_index},
 * {@code seconds} and {@code images} over all epochs, one record per epoch as the search run file
 * holds it ({@code epochs}: genotype, seconds, images, losses, accuracies, alpha softmax), the run's
 * {@code config} and {@code provenance}) and {@code sha256:<hex of that line>} on the second.
 * Written atomically at the end of the search; any change is detected by the checksum.
 */
public final class SearchResultFile {
  static final String FORMAT = "nb201-search-result";
  static final int VERSION = 1;

  private SearchResultFile() {}

  /** What a search result file holds. */
  public record Content(SearchTrial trial, Arch arch, List<SearchEpoch> epochs, Map<String, Object> config,
      Provenance provenance) {
    public Content {
      epochs = List.copyOf(epochs);
    }

    public int archIndex() {
      return SearchSpace.official().indexOf(arch);
    }

    public double seconds() {
      return epochs.stream().mapToDouble(SearchEpoch::seconds).sum();
    }

    public long images() {
      return epochs.stream().mapToLong(SearchEpoch::images).sum();
    }
  }

  /** Writes the result of {@code trial} atomically; returns the file. */
  public static Path write(Path out, SearchTrial trial, SearchResult result, Provenance provenance) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("version", VERSION);
    o.addProperty("id", trial.id());
    o.add("trial", SearchPlan.line(trial));
    o.addProperty("method", result.method());
    o.addProperty("arch", result.arch().toString());
    o.addProperty("arch_index", result.archIndex());
    o.addProperty("seconds", result.seconds());
    o.addProperty("images", result.epochs().stream().mapToLong(SearchEpoch::images).sum());
    JsonArray epochs = new JsonArray();
    for (SearchEpoch e : result.epochs()) {
      epochs.add(Json.GSON.toJsonTree(e.toMap()));
    }
    o.add("epochs", epochs);
    o.add("config", Json.GSON.toJsonTree(result.config()));
    o.add("provenance", Json.GSON.toJsonTree(provenance.toMap()));
    Path file = ResultFile.path(out, trial.id());
    ResultFile.writeChecked(file, Json.GSON.toJson(o));
    return file;
  }

  /**
   * Reads and checks the result of {@code expected}: checksum, format, the same trial, one record per
   * epoch in order, a chosen cell that is its recorded index.
   */
  public static Content read(Path file, SearchTrial expected) throws CorruptResultException {
    String name = file.getFileName().toString();
    String body = ResultFile.checkedBody(file);
    try {
      JsonObject o = JsonParser.parseString(body).getAsJsonObject();
      if (!FORMAT.equals(o.get("format").getAsString()) || o.get("version").getAsInt() != VERSION) {
        throw new CorruptResultException(name + ": not a version " + VERSION + " nb201 search result");
      }
      if (!o.get("id").getAsString().equals(expected.id()) || !o.get("trial").equals(SearchPlan.line(expected))) {
        throw new CorruptResultException(name + ": holds search " + o.get("id").getAsString() + ", expected "
            + expected.id() + " (" + expected.describe() + ")");
      }
      Arch arch = Arch.parse(o.get("arch").getAsString());
      if (SearchSpace.official().indexOf(arch) != o.get("arch_index").getAsInt()) {
        throw new CorruptResultException(name + ": arch_index " + o.get("arch_index") + " is not the index of "
            + arch);
      }
      List<SearchEpoch> epochs = new ArrayList<>();
      for (JsonElement el : o.getAsJsonArray("epochs")) {
        SearchEpoch e = SearchEpoch.fromMap(Json.map(el));
        if (e.epoch() != epochs.size()) {
          throw new CorruptResultException(name + ": epoch record " + epochs.size() + " says epoch " + e.epoch());
        }
        epochs.add(e);
      }
      if (epochs.size() != expected.epochs()) {
        throw new CorruptResultException(name + ": " + epochs.size() + " epoch records, the search has "
            + expected.epochs() + " epochs");
      }
      Provenance prov = Provenance.fromMap(Json.map(o.getAsJsonObject("provenance")));
      return new Content(expected, arch, epochs, Json.map(o.getAsJsonObject("config")), prov);
    } catch (CorruptResultException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CorruptResultException(name + ": malformed content (" + e.getMessage() + ")");
    }
  }
}
