package org.nb201.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nb201.bench.CostRecord;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;

/**
 * What the analyses of one store share, loaded once and kept as flat arrays: the (dataset, hp)
 * trial sets, the final-epoch views of each (dataset, hp, split), the costs, the seed-mean final
 * accuracy of every cell, the store's final metrics and per-epoch curves. Any store works: the
 * full benchmark, an import, a partial or a generated one; what it lacks is absent here too
 * (empty views, {@code NaN} values), never invented. Loading is lazy and cached.
 */
public final class StoreData {
  private final Nb201Api api;
  private final StoreIdentity identity;
  private final List<StoreReader.TrialSet> trialSets;
  private final Map<String, FinalView> views = new HashMap<>();
  private final Map<String, double[]> means = new HashMap<>();
  private final Map<String, CostRecord[]> costs = new HashMap<>();
  private final Map<String, EpochCurves> curves = new HashMap<>();
  private List<FinalMetric> metrics;
  private List<String> metricNotes;

  /** The data of the store behind {@code api}, identified by {@code identity}. */
  public StoreData(Nb201Api api, StoreIdentity identity) {
    this.api = api;
    this.identity = identity;
    this.trialSets = List.copyOf(api.store().reader().trialSets());
  }

  /**
   * The data of the store behind {@code api}; with {@code checksum}, the store file's SHA-256 is
   * computed first (about a second per gigabyte; done before the analyses, not beside them: on a
   * thread of its own the JIT compiles the analyses first and the hash runs uncompiled, measured
   * ten times slower).
   */
  public static StoreData of(Nb201Api api, boolean checksum) {
    return new StoreData(api, StoreIdentity.of(api.store(), checksum));
  }

  public Nb201Api api() {
    return api;
  }

  /** Which store this is (file, size, checksum, sources): every result carries it. */
  public StoreIdentity identity() {
    return identity;
  }

  /** The (dataset, hp) trial sets of the store. */
  public List<StoreReader.TrialSet> trialSets() {
    return trialSets;
  }

  /** The datasets with trials, in store order. */
  public List<String> datasets() {
    return trialSets.stream().map(StoreReader.TrialSet::dataset).distinct().toList();
  }

  /** Whether the store has trials of (dataset, hp). */
  public boolean has(String dataset, int hp) {
    return trialSets.stream().anyMatch(t -> t.dataset().equals(dataset) && t.hp() == hp);
  }

  /** The hps of {@code dataset}, ascending. */
  public List<Integer> hps(String dataset) {
    return trialSets.stream().filter(t -> t.dataset().equals(dataset)).map(StoreReader.TrialSet::hp).sorted()
        .toList();
  }

  /** The largest hp of {@code dataset} (its full schedule), or -1 when it has none. */
  public int finalHp(String dataset) {
    List<Integer> h = hps(dataset);
    return h.isEmpty() ? -1 : h.get(h.size() - 1);
  }

  /** The final-epoch view of (dataset, hp, split), or {@code null} when the store has no such trials. */
  public synchronized FinalView view(String dataset, int hp, String split) {
    if (!has(dataset, hp)) {
      return null;
    }
    return views.computeIfAbsent(dataset + "/" + hp + "/" + split, k -> api.finalView(dataset, hp, split));
  }

  /**
   * The seed-mean final accuracy of every cell on (dataset, hp, split), indexed by official index;
   * {@code NaN} where a cell has no trials or any seed lacks the value (the official mean).
   * Shared: callers must not modify it.
   */
  public synchronized double[] meanAccuracy(String dataset, int hp, String split) {
    String key = dataset + "/" + hp + "/" + split;
    double[] m = means.get(key);
    if (m == null) {
      m = new double[Arch.COUNT];
      Arrays.fill(m, Double.NaN);
      FinalView v = view(dataset, hp, split);
      if (v != null) {
        for (int i = 0; i < Arch.COUNT; i++) {
          if (v.seedCount(i) > 0) {
            m[i] = v.meanAccuracy(i);
          }
        }
      }
      means.put(key, m);
    }
    return m;
  }

  /** {@link #meanAccuracy(String, int, String)} of a metric. */
  public double[] values(FinalMetric metric) {
    return meanAccuracy(metric.dataset(), metric.hp(), metric.split());
  }

  /** Whether (dataset, hp, split) has a final accuracy for at least one cell. */
  public boolean hasValues(String dataset, int hp, String split) {
    for (double v : meanAccuracy(dataset, hp, split)) {
      if (Double.isFinite(v)) {
        return true;
      }
    }
    return false;
  }

  /** The costs of {@code dataset} by official index ({@code null} where absent). Shared: do not modify. */
  public synchronized CostRecord[] costs(String dataset) {
    return costs.computeIfAbsent(dataset, d -> api.store().reader().costs(d));
  }

  /** The per-epoch accuracies of (dataset, hp, split), loaded with one scan; empty when the store has none. */
  public synchronized EpochCurves curves(String dataset, int hp, String split) {
    String key = dataset + "/" + hp + "/" + split;
    EpochCurves c = curves.get(key);
    if (c == null) {
      c = EpochCurves.load(this, dataset, hp, split);
      curves.put(key, c);
    }
    return c;
  }

  /**
   * The store's final metrics: the paper's six (those the store has) when it has hp 200 data of
   * the official datasets, otherwise x-valid, x-test and ori-test of each dataset at its largest hp.
   */
  public synchronized List<FinalMetric> finalMetrics() {
    if (metrics == null) {
      List<FinalMetric> out = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (FinalMetric m : FinalMetric.paper()) {
        if (hasValues(m.dataset(), m.hp(), m.split())) {
          out.add(m);
        } else {
          notes.add(m.label() + " (" + m.describe() + ") is not in the store");
        }
      }
      if (out.isEmpty()) {
        notes.clear();
        for (String d : datasets()) {
          for (String split : List.of("x-valid", "x-test", "ori-test")) {
            if (hasValues(d, finalHp(d), split)) {
              out.add(FinalMetric.of(d, split, finalHp(d)));
            }
          }
        }
      }
      metrics = List.copyOf(out);
      metricNotes = List.copyOf(notes);
    }
    return metrics;
  }

  /** What {@link #finalMetrics()} left out and why (empty for a store of our own). */
  public synchronized List<String> finalMetricNotes() {
    finalMetrics();
    return metricNotes;
  }

  /**
   * The metric cells are ranked by: the paper's C10-test when present, else the first x-test,
   * else the first ori-test, else the first metric; {@code null} when the store has none.
   */
  public FinalMetric referenceMetric() {
    List<FinalMetric> ms = finalMetrics();
    if (ms.isEmpty()) {
      return null;
    }
    for (FinalMetric m : ms) {
      if (m.isPaperC10Test()) {
        return m;
      }
    }
    for (String split : List.of("x-test", "ori-test")) {
      for (FinalMetric m : ms) {
        if (m.split().equals(split)) {
          return m;
        }
      }
    }
    return ms.get(0);
  }

  /** Whether the metrics are the paper's. */
  public boolean isPaper() {
    List<FinalMetric> ms = finalMetrics();
    return !ms.isEmpty() && FinalMetric.PAPER_LABELS.contains(ms.get(0).label());
  }

  /** The trial sets as {@code dataset hp -> archs}, for notes. */
  public Map<String, Long> coverage() {
    Map<String, Long> out = new TreeMap<>();
    for (StoreReader.TrialSet t : trialSets) {
      out.put(t.dataset() + " hp " + t.hp(), t.archs());
    }
    return out;
  }
}
