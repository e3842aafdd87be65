package org.nb201.bench.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code get_cost_info}: {@code flops} (millions), {@code params} (millions),
 * {@code latency} (seconds per batch of 256), then {@code T-train@epoch}, {@code T-train@total}
 * and {@code T-<split>@epoch}, {@code T-<split>@total} for each evaluation split the trials have
 * (per-epoch mean and total over the schedule, averaged over seeds), then the device values of
 * the store's {@code hardware} table as HW-NAS-Bench's {@code query_by_index} names them
 * ({@code <device>_latency} in ms, {@code <device>_energy} in mJ). Unknown values are
 * {@code NaN}; {@code notes} says why.
 */
public record CostInfo(int index, String dataset, int hp, Map<String, Double> values, List<String> notes) {
  public CostInfo {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    notes = List.copyOf(notes);
  }

  /** The value of an official key; fails, naming the keys present, when absent. */
  public double get(String key) {
    Double v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("key '" + key + "' not in this result; present: " + values.keySet());
    }
    return v;
  }
}
