package org.nb201.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nb201.analysis.stats.Moments;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.search.CurvePoint;
import org.nb201.search.runs.SearchRuns;

/**
 * How search algorithms compare (NAS-Bench-201 paper, figure 7 and table 5; AutoDL-Projects
 * {@code exps/NAS-Bench-201/visualize.py}): per run folder, the summary table (mean and sample
 * standard deviation over runs of each reported metric of the returned cell, as {@code nb201
 * search} prints it), the anytime curve (mean and standard deviation over runs of the incumbent's
 * reference metric, looked up in the analysed store, on a grid of simulated time), and for
 * weight-sharing runs the accuracy of the genotype after each search epoch.
 */
public final class SearchAnalysis {
  /** Points of the simulated-time grid of an anytime curve. */
  public static final int GRID = 100;

  private SearchAnalysis() {}

  /** One metric over the runs that have it: mean, sample std (0 for one run), how many. */
  public record Stat(String metric, double mean, double std, int runs) {}

  /** Mean and std over runs at each point of a grid (time or epoch); {@code runs[k]} runs have a value there. */
  public record Curve(String metric, double[] x, double[] mean, double[] std, int[] runs) {}

  /**
   * One run folder: where it came from, its summary, its curves, and whether its store is the
   * analysed one ({@code sameStore}: true, false, or null when a checksum is missing).
   */
  public record RunSet(String folder, String algorithm, int runs, double budget, long seed, Map<String, String> options,
      String signal, StoreIdentity store, Boolean sameStore, double meanEvaluated, double meanUsedTime,
      List<Stat> stats, Curve anytime, Curve epochs) {}

  public record Result(StoreIdentity store, String metric, List<RunSet> sets, List<String> notes) {}

  public static Result run(StoreData data, List<SearchRuns> folders) {
    List<String> notes = new ArrayList<>();
    FinalMetric ref = data.referenceMetric();
    double[] values = ref == null ? null : data.values(ref);
    if (folders.isEmpty()) {
      notes.add("no search-run folder given (nb201 search <alg> --out DIR writes one)");
    }
    if (ref == null) {
      notes.add("the analysed store has no final accuracy: no anytime curves");
    }
    List<RunSet> sets = new ArrayList<>();
    for (SearchRuns f : folders) {
      SearchRuns.Header h = f.header();
      Boolean same = h.store().sha256().isEmpty() || data.identity().sha256().isEmpty() ? null
          : h.store().sha256().equals(data.identity().sha256());
      if (Boolean.FALSE.equals(same)) {
        notes.add(f.folder() + ": searched " + h.store().file() + ", not the analysed store " + data.identity().file()
            + " (checksums differ); its curves use the analysed store's values of the returned cells");
      } else if (same == null) {
        notes.add(f.folder() + ": no store checksum to compare; its curves use the analysed store's values");
      }
      List<Stat> stats = new ArrayList<>();
      for (String m : h.metrics()) {
        double[] v = f.runs().stream().mapToDouble(r -> r.metrics().getOrDefault(m, Double.NaN))
            .filter(Double::isFinite).toArray();
        stats.add(new Stat(m, Moments.mean(v), v.length == 1 ? 0 : Moments.std(v, 1), v.length));
      }
      Curve anytime = null;
      if (f.curves().isEmpty()) {
        notes.add(f.folder() + ": no curves recorded (" + "curves.csv absent or empty): no anytime curve");
      } else if (values != null) {
        anytime = anytime(f, h.budget(), values, ref.label());
      }
      Curve epochs = f.epochs().isEmpty() || values == null ? null : epochs(f, values, ref.label());
      sets.add(new RunSet(f.folder(), h.algorithm(), f.runs().size(), h.budget(), h.seed(), h.options(),
          h.signal().dataset() + " " + h.signal().split() + " hp " + h.signal().hp(), h.store(), same,
          f.runs().stream().mapToInt(SearchRuns.Run::evaluated).average().orElse(Double.NaN),
          f.runs().stream().mapToDouble(SearchRuns.Run::usedTime).average().orElse(Double.NaN), stats, anytime,
          epochs));
    }
    return new Result(data.identity(), ref == null ? null : ref.label(), sets, notes);
  }

  /** The incumbent's value at {@link #GRID} + 1 times from 0 to the budget (none before a run's first evaluation). */
  static Curve anytime(SearchRuns f, double budget, double[] values, String metric) {
    double[] t = new double[GRID + 1];
    for (int k = 0; k <= GRID; k++) {
      t[k] = budget * k / GRID;
    }
    List<double[]> perGrid = new ArrayList<>();
    for (int k = 0; k <= GRID; k++) {
      perGrid.add(new double[f.curves().size()]);
    }
    int[] n = new int[GRID + 1];
    for (List<CurvePoint> points : f.curves().values()) {
      int p = -1;
      for (int k = 0; k <= GRID; k++) {
        while (p + 1 < points.size() && points.get(p + 1).time() <= t[k]) {
          p++;
        }
        if (p >= 0) {
          double v = values[points.get(p).bestIndex()];
          if (Double.isFinite(v)) {
            perGrid.get(k)[n[k]++] = v;
          }
        }
      }
    }
    return curve(metric, t, perGrid, n);
  }

  private static Curve epochs(SearchRuns f, double[] values, String metric) {
    Map<Integer, List<Double>> byEpoch = new TreeMap<>();
    for (SearchRuns.EpochPoint p : f.epochs()) {
      double v = values[p.index()];
      if (Double.isFinite(v)) {
        byEpoch.computeIfAbsent(p.epoch(), k -> new ArrayList<>()).add(v);
      }
    }
    double[] x = byEpoch.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
    List<double[]> vals = byEpoch.values().stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
        .toList();
    int[] n = vals.stream().mapToInt(v -> v.length).toArray();
    return curve(metric, x, vals, n);
  }

  private static Curve curve(String metric, double[] x, List<double[]> vals, int[] n) {
    double[] mean = new double[x.length];
    double[] std = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      double[] v = Arrays.copyOf(vals.get(k), n[k]);
      mean[k] = Moments.mean(v);
      std[k] = v.length == 1 ? 0 : Moments.std(v, 1);
    }
    return new Curve(metric, x, mean, std, n);
  }
}
