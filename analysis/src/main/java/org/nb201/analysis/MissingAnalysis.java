package org.nb201.analysis;

import java.util.ArrayList;
import java.util.List;
import org.nb201.bench.CostRecord;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;

/**
 * What the store holds and what it lacks: the (dataset, hp) trial sets with their seeds, per
 * (dataset, hp, split) how many cells have the final accuracy for some and for every trial, the
 * costs per dataset, and which of the paper's six final metrics are absent.
 */
public final class MissingAnalysis {
  private MissingAnalysis() {}

  /** One dataset's costs: cells with FLOPs, params and latency. */
  public record Costs(String dataset, int flops, int params, int latency) {}

  public record Result(StoreIdentity store, List<StoreReader.TrialSet> trialSets,
      List<StoreReader.SplitCoverage> splits, List<Costs> costs, List<String> notes) {}

  public static Result run(StoreData data) {
    List<String> notes = new ArrayList<>();
    List<StoreReader.SplitCoverage> splits = data.api().store().reader().splitCoverage();
    List<Costs> costs = new ArrayList<>();
    for (String d : data.datasets()) {
      int f = 0;
      int p = 0;
      int l = 0;
      for (CostRecord c : data.costs(d)) {
        if (c != null) {
          f += Double.isFinite(c.flops()) ? 1 : 0;
          p += Double.isFinite(c.params()) ? 1 : 0;
          l += Double.isFinite(c.latency()) ? 1 : 0;
        }
      }
      costs.add(new Costs(d, f, p, l));
    }
    if (data.trialSets().isEmpty()) {
      notes.add("the store has no trials at all");
    }
    for (StoreReader.TrialSet t : data.trialSets()) {
      if (t.archs() < Arch.COUNT) {
        notes.add(t.dataset() + " hp " + t.hp() + ": " + (Arch.COUNT - t.archs()) + " of 15625 cells have no trial");
      }
    }
    for (StoreReader.SplitCoverage s : splits) {
      if (s.complete() < s.archs()) {
        notes.add(s.dataset() + " hp " + s.hp() + " " + s.split() + ": " + (s.archs() - s.complete())
            + " cells lack the final accuracy of some trial (their seed mean is missing, as officially)");
      }
    }
    notes.addAll(data.finalMetricNotes());
    return new Result(data.identity(), data.trialSets(), splits, costs, notes);
  }
}
