package org.nb201.train.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** The options of one weight-sharing method: the shared settings, its own, and how to start it. */
public interface MethodOptions {
  /** The method's name, e.g. {@code darts-v1}. */
  String method();

  /** The settings every method shares. */
  SearchSettings settings();

  /** The method's own settings with their keys (empty by default). */
  default Map<String, Object> own() {
    return Map.of();
  }

  /** Everything that defines the search: {@code method}, the shared settings, the method's own. */
  default Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", method());
    m.putAll(settings().describe());
    m.putAll(own());
    return m;
  }

  /**
   * The weight learning rate of epoch {@code epoch}: the shared settings' cosine over all epochs by
   * default; a method with its own schedule (ENAS's T_max = 10) overrides it.
   */
  default double lrOf(int epoch) {
    return settings().lrOf(epoch);
  }

  /** The method, on the supernet and optimisers of {@code context}. */
  WeightSharingMethod create(SearchContext context);
}
