package org.nb201.space.provenance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.ToolVersion;

/**
 * Where a result came from, enough to re-derive it: the nb201 version, when it was made (and, for
 * a trial, when it finished), its configuration, its seeds, the inputs with their checksums, the
 * machine and, where a deep-learning engine computed it, that engine. One model for every result
 * nb201 returns: a trained trial, a store import (one per {@code provenance} row) and a search
 * summary. {@link #toMap()} is the stable JSON form; {@link #fromMap} reads it back.
 *
 * @param toolVersion the nb201 version ({@link ToolVersion})
 * @param createdAt when the result was made (a trial: when its training started)
 * @param finishedAt when it was finished, or null when not recorded
 * @param config the configuration, in a stable order: strings, numbers, booleans, lists and maps
 * @param seeds the seeds the result depends on (empty when none)
 * @param inputs the inputs, the main one first (empty when none)
 * @param machine the machine
 * @param engine the deep-learning engine, or null when none was used
 */
public record Provenance(String toolVersion, Instant createdAt, Instant finishedAt, Map<String, Object> config,
    List<Long> seeds, List<Input> inputs, Machine machine, Backend engine) {
  public Provenance {
    toolVersion = toolVersion == null ? ToolVersion.get() : toolVersion;
    createdAt = createdAt == null ? Instant.now() : createdAt;
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config == null ? Map.of() : config));
    seeds = List.copyOf(seeds == null ? List.of() : seeds);
    inputs = List.copyOf(inputs == null ? List.of() : inputs);
    machine = machine == null ? Machine.current() : machine;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().optToolVersion(toolVersion).optCreatedAt(createdAt).optFinishedAt(finishedAt)
        .optConfig(config).optMachine(machine).optEngine(engine);
    seeds.forEach(b::addSeed);
    inputs.forEach(b::addInput);
    return b;
  }

  /** Provenance of data read from {@code file} (name, SHA-256, size) with {@code config}; this tool, machine, now. */
  public static Provenance ofFile(Path file, Map<String, ?> config) {
    return builder().addInput(Input.file(Input.SOURCE, file)).optConfig(config).build();
  }

  /** Provenance of data that has no source file (generated, trained, typed in), described by {@code source}. */
  public static Provenance of(String source, Map<String, ?> config) {
    return builder().addInput(Input.described(Input.SOURCE, source)).optConfig(config).build();
  }

  /** The main input (the first), or null when there is none. */
  public Input primary() {
    return inputs.isEmpty() ? null : inputs.get(0);
  }

  /** The first input with this role, or null. */
  public Input input(String role) {
    return inputs.stream().filter(i -> i.role().equals(role)).findFirst().orElse(null);
  }

  /** The same provenance with {@code main} as its main input, before the others. */
  public Provenance withPrimary(Input main) {
    List<Input> all = new ArrayList<>();
    all.add(main);
    all.addAll(inputs);
    return new Provenance(toolVersion, createdAt, finishedAt, config, seeds, all, machine, engine);
  }

  /**
   * The record as an ordered map with stable snake_case keys, for JSON output and stores:
   * {@code tool_version}, {@code created_at}, {@code finished_at} (when recorded), {@code config},
   * {@code seeds}, {@code inputs}, {@code machine} and {@code engine} (when one was used).
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool_version", toolVersion);
    m.put("created_at", createdAt.toString());
    if (finishedAt != null) {
      m.put("finished_at", finishedAt.toString());
    }
    m.put("config", new LinkedHashMap<>(config));
    m.put("seeds", new ArrayList<>(seeds));
    m.put("inputs", inputs.stream().map(Input::toMap).toList());
    m.put("machine", machine.toMap());
    if (engine != null) {
      m.put("engine", engine.toMap());
    }
    return m;
  }

  /** The provenance {@link #toMap} wrote (numbers may come back as doubles from a JSON reader). */
  public static Provenance fromMap(Map<?, ?> m) {
    Builder b = builder().optToolVersion(Maps.text(m, "tool_version")).optConfig(Maps.map(m, "config"))
        .optMachine(Machine.fromMap(Maps.map(m, "machine")));
    String created = Maps.text(m, "created_at");
    String finished = Maps.text(m, "finished_at");
    b.optCreatedAt(created == null ? null : Instant.parse(created));
    b.optFinishedAt(finished == null ? null : Instant.parse(finished));
    for (Object seed : Maps.list(m, "seeds")) {
      b.addSeed(((Number) seed).longValue());
    }
    for (Object input : Maps.list(m, "inputs")) {
      b.addInput(Input.fromMap((Map<?, ?>) input));
    }
    if (m.get("engine") instanceof Map<?, ?> e) {
      b.optEngine(Backend.fromMap(e));
    }
    return b.build();
  }

  /** Builds a {@link Provenance}; what is not set defaults to this tool, now, this machine (no host name). */
  public static final class Builder {
    private String toolVersion;
    private Instant createdAt;
    private Instant finishedAt;
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final List<Long> seeds = new ArrayList<>();
    private final List<Input> inputs = new ArrayList<>();
    private Machine machine;
    private Backend engine;

    private Builder() {}

    public Builder optToolVersion(String version) {
      this.toolVersion = version;
      return this;
    }

    public Builder optCreatedAt(Instant at) {
      this.createdAt = at;
      return this;
    }

    public Builder optFinishedAt(Instant at) {
      this.finishedAt = at;
      return this;
    }

    /** Adds every entry of {@code entries} to the configuration, in their order. */
    public Builder optConfig(Map<String, ?> entries) {
      if (entries != null) {
        config.putAll(entries);
      }
      return this;
    }

    public Builder putConfig(String key, Object value) {
      config.put(key, value);
      return this;
    }

    public Builder addSeed(long seed) {
      seeds.add(seed);
      return this;
    }

    public Builder addInput(Input input) {
      inputs.add(input);
      return this;
    }

    public Builder optMachine(Machine m) {
      this.machine = m;
      return this;
    }

    public Builder optEngine(Backend e) {
      this.engine = e;
      return this;
    }

    public Provenance build() {
      return new Provenance(toolVersion, createdAt, finishedAt, config, seeds, inputs, machine, engine);
    }
  }
}
