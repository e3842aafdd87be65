package org.nb201.train.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/**
 * A finished weight-sharing search: the method, the chosen cell, every epoch's record, the
 * configuration ({@link MethodOptions#describe()}) and where it ran (the provenance map of the
 * run's start, {@code Provenance.toMap()}; a resumed run keeps it and lists its resumptions in the
 * run file).
 */
public record SearchResult(String method, Arch arch, List<SearchEpoch> epochs, Map<String, Object> config,
    Map<String, Object> provenance) {
  public SearchResult {
    epochs = List.copyOf(epochs);
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }

  /** The official index of the chosen cell. */
  public int archIndex() {
    return SearchSpace.official().indexOf(arch);
  }

  /** Seconds of all epochs. */
  public double seconds() {
    return epochs.stream().mapToDouble(SearchEpoch::seconds).sum();
  }

  /** The result with stable snake_case keys: {@code method, arch, arch_index, seconds, epochs, config, provenance}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", method);
    m.put("arch", arch.toString());
    m.put("arch_index", archIndex());
    m.put("seconds", seconds());
    List<Map<String, Object>> e = new ArrayList<>();
    for (SearchEpoch r : epochs) {
      e.add(r.toMap());
    }
    m.put("epochs", e);
    m.put("config", config);
    m.put("provenance", provenance);
    return m;
  }
}
