package org.nb201.bench.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nb201.space.provenance.Backend;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Machine;
import org.nb201.space.provenance.Provenance;

/**
 * A {@link Provenance} in the columns of the format-1 {@code provenance} table, and back. The main
 * input is {@code source}, {@code sha256} and {@code bytes}; {@code imported_at} is the creation
 * time; {@code config} is a JSON object of the configuration followed, when present, by
 * {@code seeds}, the other {@code inputs} and {@code finished_at}; {@code machine} is a JSON object of
 * the machine (never its host name) with the {@code engine} when one was used. Rows written before
 * these columns held JSON keep reading: a {@code machine} that is not a JSON object is kept as its
 * line of text, a {@code config} that is not one as {@code {"text": ...}}.
 */
final class ProvenanceColumns {
  /** Keys of the {@code config} column that are parts of the provenance, not configuration entries. */
  static final Set<String> RESERVED = Set.of("seeds", "inputs", "finished_at");

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
      .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
  private static final TypeToken<Map<String, Object>> MAP = new TypeToken<>() {};

  /** One row of the {@code provenance} table, without its id. */
  record Row(String source, String sha256, long bytes, String toolVersion, String importedAt, String config,
      String machine) {}

  private ProvenanceColumns() {}

  /** Fails when {@code p} cannot be stored without loss: it needs a main input and no reserved config key. */
  static Provenance check(Provenance p) {
    if (p.primary() == null) {
      throw new IllegalArgumentException("a store provenance row needs an input (its source)");
    }
    for (String key : RESERVED) {
      if (p.config().containsKey(key)) {
        throw new IllegalArgumentException("provenance config key '" + key + "' is reserved in stores; rename it");
      }
    }
    return p;
  }

  static Row row(Provenance p) {
    Input main = check(p).primary();
    Map<String, Object> config = new LinkedHashMap<>(p.config());
    if (!p.seeds().isEmpty()) {
      config.put("seeds", p.seeds());
    }
    if (p.inputs().size() > 1) {
      config.put("inputs", p.inputs().subList(1, p.inputs().size()).stream().map(Input::toMap).toList());
    }
    if (p.finishedAt() != null) {
      config.put("finished_at", p.finishedAt().toString());
    }
    Map<String, Object> machine = new LinkedHashMap<>(p.machine().withoutHost().toMap());
    if (p.engine() != null) {
      machine.put("engine", p.engine().toMap());
    }
    return new Row(main.name(), main.sha256(), main.bytes(), p.toolVersion(), p.createdAt().toString(),
        GSON.toJson(config), GSON.toJson(machine));
  }

  static Provenance read(Row r) {
    Provenance.Builder b = Provenance.builder().optToolVersion(r.toolVersion())
        .optCreatedAt(Instant.parse(r.importedAt()))
        .addInput(new Input(Input.SOURCE, r.source(), r.sha256() == null || r.sha256().isEmpty() ? "" : Input.SHA256,
            r.sha256(), r.bytes()));
    Map<String, Object> config = json(r.config());
    if (config == null) {
      config = r.config() == null || r.config().isEmpty() ? Map.of() : Map.of("text", r.config());
    } else {
      if (config.remove("seeds") instanceof List<?> seeds) {
        seeds.forEach(s -> b.addSeed(((Number) s).longValue()));
      }
      if (config.remove("inputs") instanceof List<?> inputs) {
        inputs.forEach(i -> b.addInput(Input.fromMap((Map<?, ?>) i)));
      }
      if (config.remove("finished_at") instanceof String finished) {
        b.optFinishedAt(Instant.parse(finished));
      }
    }
    b.optConfig(config);
    Map<String, Object> machine = json(r.machine());
    if (machine == null) {
      b.optMachine(Machine.described(r.machine()));
    } else {
      if (machine.remove("engine") instanceof Map<?, ?> engine) {
        b.optEngine(Backend.fromMap(engine));
      }
      b.optMachine(Machine.fromMap(machine));
    }
    return b.build();
  }

  /** {@code text} as a JSON object (whole numbers stay whole), or null when it is not one. */
  private static Map<String, Object> json(String text) {
    if (text == null || !text.strip().startsWith("{")) {
      return null;
    }
    try {
      return new LinkedHashMap<>(GSON.fromJson(text, MAP));
    } catch (JsonParseException | ClassCastException e) {
      return null;
    }
  }
}
