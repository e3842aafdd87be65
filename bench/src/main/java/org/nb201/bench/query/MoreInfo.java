package org.nb201.bench.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code get_more_info}: the official keys in the official order ({@code train-loss},
 * {@code train-accuracy}, {@code train-per-time}, {@code train-all-time}, then the same four for
 * {@code valid}, {@code test} and {@code valtest} where present), plus what the official dict
 * does not say: the epoch, the seeds used, and a note for every group that was left out because
 * the store lacks it. Unknown values (the official {@code None}) are {@code NaN}.
 *
 * @param index architecture index
 * @param dataset dataset key as queried
 * @param hp number of epochs of the schedule (12 or 200)
 * @param epoch the 0-based epoch reported (the official {@code iepoch}; default last)
 * @param seeds the seeds averaged or chosen; empty when the store held pre-averaged values
 * @param values the official key/value pairs, in order
 * @param notes one line per omitted group, e.g. {@code test (x-test) missing at epoch 5 for seed 777}
 */
public record MoreInfo(int index, String dataset, int hp, int epoch, List<Integer> seeds,
    Map<String, Double> values, List<String> notes) {
  public MoreInfo {
    seeds = List.copyOf(seeds);
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    notes = List.copyOf(notes);
  }

  /** The value of an official key; fails, naming the keys present, when the key is absent. */
  public double get(String key) {
    Double v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("key '" + key + "' not in this result; present: " + values.keySet());
    }
    return v;
  }

  /** Whether an official key is present (its group was measured at this epoch). */
  public boolean has(String key) {
    return values.containsKey(key);
  }
}
