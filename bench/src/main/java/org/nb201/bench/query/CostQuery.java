package org.nb201.bench.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nb201.bench.CostRecord;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Split;

/**
 * {@code get_cost_info} and {@code get_latency}: costs from the {@code costs} table, time totals
 * from the trials (official {@code get_compute_costs}), then the device values of the
 * {@code hardware} table ({@link HardwareQuery}). Per trial, {@code T-<set>@total} is the
 * time summed over all {@code hp} epochs and {@code T-<set>@epoch} its mean per epoch; both are
 * unknown unless every epoch has a time. They are averaged over the trial set's seeds (the real
 * ones; pre-averaged values only when there are none).
 */
final class CostQuery {
  private CostQuery() {}

  static CostInfo build(StoreReader reader, TrialIndex trials, int index, String dataset, int hp,
      Map<String, Double> hardware) throws MissingDataException {
    Optional<CostRecord> cost = reader.cost(index, dataset);
    if (cost.isEmpty() && trials.count(index) == 0 && hardware.isEmpty()) {
      throw new MissingDataException(index, dataset, "no costs and no trials for (index " + index + ", " + dataset
          + ", hp " + hp + ")");
    }
    Map<String, Double> values = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    values.put("flops", cost.map(CostRecord::flops).orElse(Double.NaN));
    values.put("params", cost.map(CostRecord::params).orElse(Double.NaN));
    values.put("latency", cost.map(CostRecord::latency).orElse(Double.NaN));
    if (cost.isEmpty()) {
      notes.add("no costs row for (index " + index + ", " + dataset + "): flops, params and latency unknown");
    }
    if (trials.count(index) == 0) {
      notes.add("no trials for (index " + index + ", " + dataset + ", hp " + hp + "): time keys omitted");
      addHardware(values, notes, hardware, index, dataset);
      return new CostInfo(index, dataset, hp, values, notes);
    }
    int[] seeds = trials.realSeeds(index);
    if (seeds.length == 0) {
      seeds = new int[] {StoreReader.AVERAGED};
    }
    final int[] use = seeds;
    int splits = Split.values().length;
    double[][] perEpoch = new double[splits][use.length];
    double[][] total = new double[splits][use.length];
    boolean[][] has = new boolean[splits][use.length];
    reader.timeTotals(index, dataset, hp, (seed, split, count, sum) -> {
      for (int k = 0; k < use.length; k++) {
        if (use[k] == seed) {
          has[split.ordinal()][k] = true;
          total[split.ordinal()][k] = count == hp ? sum : Double.NaN;
          perEpoch[split.ordinal()][k] = count == hp ? sum / hp : Double.NaN;
        }
      }
    });
    for (Split s : Split.values()) {
      String name = s == Split.TRAIN ? "train" : s.key();
      double e = 0;
      double t = 0;
      int n = 0;
      for (int k = 0; k < use.length; k++) {
        if (has[s.ordinal()][k]) {
          e += perEpoch[s.ordinal()][k];
          t += total[s.ordinal()][k];
          n++;
        }
      }
      if (n > 0) {
        values.put("T-" + name + "@epoch", e / n);
        values.put("T-" + name + "@total", t / n);
        if (Double.isNaN(t)) {
          notes.add("T-" + name + " unknown: some of the " + hp + " epochs have no time");
        }
      }
    }
    addHardware(values, notes, hardware, index, dataset);
    return new CostInfo(index, dataset, hp, values, notes);
  }

  /** The device values after the official keys, named as HW-NAS-Bench names them ({@code fpga_latency}). */
  private static void addHardware(Map<String, Double> values, List<String> notes, Map<String, Double> hardware,
      int index, String dataset) {
    for (Map.Entry<String, Double> e : hardware.entrySet()) {
      values.put(e.getKey(), e.getValue());
      if (Double.isNaN(e.getValue())) {
        notes.add(e.getKey() + " not measured for (index " + index + ", " + dataset + ")");
      }
    }
  }

  static double latency(StoreReader reader, int index, String dataset) throws MissingDataException {
    Optional<CostRecord> cost = reader.cost(index, dataset);
    if (cost.isEmpty()) {
      throw new MissingDataException(index, dataset, "no costs row for (index " + index + ", " + dataset
          + "), so its latency is unknown");
    }
    if (Double.isNaN(cost.get().latency())) {
      throw new MissingDataException(index, dataset, "latency of (index " + index + ", " + dataset
          + ") is unknown in this store");
    }
    return cost.get().latency();
  }
}
