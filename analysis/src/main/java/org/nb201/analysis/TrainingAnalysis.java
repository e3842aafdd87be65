package org.nb201.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nb201.analysis.stats.Correlation;
import org.nb201.analysis.stats.Moments;
import org.nb201.analysis.stats.Pairs;
import org.nb201.analysis.stats.Ranked;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * How rankings form during training, two analyses of the NAS-Bench-201 paper:
 *
 * <ul>
 *   <li>ranking over training ({@code exps/NAS-Bench-201/visualize.py::visualize_rank_over_time}):
 *       the correlation of each epoch's ranking of the proxy split (officially the cifar10-valid
 *       x-valid accuracy of the 200-epoch runs) with its final ranking and with the reference test
 *       ranking (C10-test), for stores with per-epoch data;
 *   <li>cheap proxies against final results (appendix table 6,
 *       {@code exps/NAS-Bench-201/test-correlation.py::check_cor_for_bandit_v2}): the Pearson
 *       correlation of the proxy accuracy after E epochs (E = 6 and 12 of the 12-epoch schedule;
 *       12, 24, 100, 150, 175 and 200 of the 200-epoch schedule) with each final metric, each value
 *       from a random trial of the cell, repeated 100 times, as mean and standard deviation.
 * </ul>
 *
 * Official quirks kept: every repeat draws a fresh random trial for the proxy and for each final
 * dataset, one draw per {@code get_more_info} call, so the valid and test values of one dataset
 * come from the same trial; the spread is {@code numpy.std}, i.e. the population standard deviation
 * (ddof 0). Where nb201 differs: the official script runs each proxy row as its own experiment and
 * draws the final metrics' trials again for it; nb201 draws them once per repeat and correlates
 * every proxy with the same draw (each row's distribution is the same, at a third of the draws).
 * Draws use CPython's {@code random.choice} on streams seeded explicitly (see
 * {@link #FINALS_STREAM}); the official script seeds nothing. Cells that lack a value are left out
 * of that correlation instead of failing as the official script would.
 */
public final class TrainingAnalysis {
  /** The paper's proxy epochs (1-based) of the 12-epoch schedule. */
  static final int[] PAPER_EPOCHS_12 = {6, 12};
  /** The paper's proxy epochs (1-based) of the 200-epoch schedule. */
  static final int[] PAPER_EPOCHS_200 = {12, 24, 100, 150, 175, 200};
  /** Repeats of the random-trial correlation, as officially. */
  public static final int REPEATS = 100;
  /** Stream of the final metrics' trials: {@code seed * 1000 + FINALS_STREAM}; proxy p's: {@code seed * 1000 + p}. */
  static final int FINALS_STREAM = 999;

  private TrainingAnalysis() {}

  /** What to compute: the number of random-trial repeats and the seed of their draws. */
  public record Options(int repeats, long seed) {
    public Options {
      if (repeats < 1) {
        throw new IllegalArgumentException("--repeats must be >= 1, got " + repeats);
      }
    }

    public static Options defaults() {
      return new Options(REPEATS, 0);
    }
  }

  /**
   * The ranking at each recorded epoch against the final one: Spearman and Kendall tau-b with the
   * proxy's own last epoch, Spearman with the reference test metric, over the cells with both.
   */
  public record OverTraining(String dataset, int hp, String split, String reference, int[] epochs,
      double[] spearmanFinal, double[] kendallFinal, double[] spearmanReference, int[] cells) {}

  /** One proxy row of table 6: mean and population std over the repeats, per final metric. */
  public record Proxy(String label, int hp, int epoch, double[] mean, double[] std, int[] cells) {}

  /** Table 6 of a store: the proxies against its final metrics. */
  public record ProxyTable(String dataset, String split, int repeats, long seed, List<String> metrics,
      List<Proxy> proxies) {}

  public record Result(StoreIdentity store, OverTraining overTraining, ProxyTable proxies, List<String> notes) {}

  public static Result run(StoreData data, Options options) {
    List<String> notes = new ArrayList<>();
    String dataset = data.datasets().contains("cifar10-valid") ? "cifar10-valid"
        : data.datasets().isEmpty() ? null : data.datasets().get(0);
    if (dataset == null) {
      notes.add("the store has no trials");
      return new Result(data.identity(), null, null, notes);
    }
    String split = proxySplit(data, dataset);
    if (split == null) {
      notes.add(dataset + " has no x-valid, x-test or ori-test accuracy: no training analysis");
      return new Result(data.identity(), null, null, notes);
    }
    OverTraining over = overTraining(data, dataset, split, notes);
    ProxyTable table = proxies(data, dataset, split, options, notes);
    return new Result(data.identity(), over, table, notes);
  }

  private static String proxySplit(StoreData data, String dataset) {
    for (String s : List.of("x-valid", "ori-test", "x-test")) {
      for (int hp : data.hps(dataset)) {
        if (data.hasValues(dataset, hp, s)) {
          return s;
        }
      }
    }
    return null;
  }

  private static OverTraining overTraining(StoreData data, String dataset, String split, List<String> notes) {
    int hp = data.finalHp(dataset);
    EpochCurves curves = data.curves(dataset, hp, split);
    int[] epochs = curves.recordedEpochs();
    if (epochs.length < 2) {
      notes.add("ranking over training: " + dataset + " " + split + " hp " + hp + " is recorded at "
          + (epochs.length == 0 ? "no epoch" : "the last epoch only") + " (no per-epoch data)");
      return null;
    }
    double[] last = curves.meanAt(hp - 1);
    FinalMetric ref = data.referenceMetric();
    double[] refValues = ref == null ? null : data.values(ref);
    RankedBase vsLast = new RankedBase(last);
    RankedBase vsRef = refValues == null ? null : new RankedBase(refValues);
    int n = epochs.length;
    double[] sf = new double[n];
    double[] kf = new double[n];
    double[] sr = new double[n];
    int[] cells = new int[n];
    IntStream.range(0, n).parallel().forEach(k -> {
      double[] now = curves.meanAt(epochs[k]);
      Ranked ranked = vsLast.rank(now);
      sf[k] = vsLast.correlation(Correlation.Method.SPEARMAN, now, ranked);
      kf[k] = vsLast.correlation(Correlation.Method.KENDALL, now, ranked);
      cells[k] = ranked != null ? ranked.size() : Pairs.complete(now, last, null).size();
      sr[k] = vsRef == null ? Double.NaN
          : vsRef.correlation(Correlation.Method.SPEARMAN, now, vsRef.sameCells(vsLast) ? ranked : null);
    });
    if (!curves.recorded(hp - 1)) {
      notes.add("ranking over training: " + dataset + " " + split + " hp " + hp + " has no value at its last epoch");
    }
    return new OverTraining(dataset, hp, split, ref == null ? null : ref.label(), epochs, sf, kf, sr, cells);
  }

  /**
   * A vector ranked once over its finite cells, so that many others can be rank-correlated with it
   * at the cost of ranking those once: when another vector is finite on all these cells, it is
   * ranked over them (once, shared by its Spearman and Kendall); otherwise the coefficient is
   * computed afresh over the cells both have.
   */
  private static final class RankedBase {
    private final double[] values;
    private final int[] cells;
    private final Ranked ranked;

    RankedBase(double[] values) {
      this.values = values;
      int[] c = new int[values.length];
      int n = 0;
      for (int i = 0; i < values.length; i++) {
        if (Double.isFinite(values[i])) {
          c[n++] = i;
        }
      }
      this.cells = Arrays.copyOf(c, n);
      this.ranked = Ranked.of(gather(values, cells));
    }

    /** {@code other} ranked over these cells, or null when it lacks a value on one of them. */
    Ranked rank(double[] other) {
      double[] o = gather(other, cells);
      for (double v : o) {
        if (!Double.isFinite(v)) {
          return null;
        }
      }
      return Ranked.of(o);
    }

    boolean sameCells(RankedBase b) {
      return Arrays.equals(cells, b.cells);
    }

    /** Spearman or Kendall tau-b with {@code other}; {@code ranked} is it ranked over these cells when known. */
    double correlation(Correlation.Method m, double[] other, Ranked r) {
      Ranked o = r != null ? r : rank(other);
      if (o == null) {
        return Pairs.complete(other, values, null).correlation(m);
      }
      return m == Correlation.Method.KENDALL ? o.kendallTauB(ranked) : o.spearman(ranked);
    }

    private static double[] gather(double[] v, int[] at) {
      double[] out = new double[at.length];
      for (int k = 0; k < at.length; k++) {
        out[k] = v[at[k]];
      }
      return out;
    }
  }

  private static ProxyTable proxies(StoreData data, String dataset, String split, Options options,
      List<String> notes) {
    List<FinalMetric> metrics = data.finalMetrics();
    if (metrics.isEmpty()) {
      notes.add("proxies: the store has no final metrics to correlate with");
      return null;
    }
    record Spec(int hp, int epoch) {}
    List<Spec> specs = new ArrayList<>();
    boolean paper = data.isPaper();
    for (int hp : data.hps(dataset)) {
      int[] epochs = paper && hp == 12 ? PAPER_EPOCHS_12 : paper && hp == 200 ? PAPER_EPOCHS_200 : quarters(hp);
      EpochCurves c = data.curves(dataset, hp, split);
      for (int e : epochs) {
        if (c.recorded(e - 1)) {
          specs.add(new Spec(hp, e));
        } else {
          notes.add("proxies: " + dataset + " " + split + " hp " + hp + " has no value after epoch " + e);
        }
      }
    }
    if (paper && !data.has(dataset, 12)) {
      notes.add("proxies: no hp 12 data for " + dataset + ": the 12-epoch rows of table 6 are left out");
    }
    // one trial per dataset per cell and repeat, as one get_more_info call per dataset draws one seed
    Map<String, List<Integer>> byDataset = new LinkedHashMap<>();
    for (int m = 0; m < metrics.size(); m++) {
      byDataset.computeIfAbsent(metrics.get(m).dataset(), k -> new ArrayList<>()).add(m);
    }
    FinalView[] views = new FinalView[metrics.size()];
    for (int m = 0; m < views.length; m++) {
      FinalMetric fm = metrics.get(m);
      views[m] = data.view(fm.dataset(), fm.hp(), fm.split());
    }
    int[][] groups = byDataset.values().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
    Trials[] trials = new Trials[groups.length];
    for (int g = 0; g < groups.length; g++) {
      trials[g] = new Trials(views, groups[g]);
    }
    ProxyValues[] px = new ProxyValues[specs.size()];
    for (int p = 0; p < px.length; p++) {
      px[p] = new ProxyValues(data.curves(dataset, specs.get(p).hp(), split), specs.get(p).epoch());
    }
    int k = metrics.size();
    int repeats = options.repeats();
    double[][][] corr = new double[px.length][k][repeats];
    int[][] cells = new int[px.length][k];
    double[][] y = new double[k][Arch.COUNT];
    double[][] x = new double[px.length][Arch.COUNT];
    PyRandom finals = new PyRandom(options.seed() * 1000 + FINALS_STREAM);
    PyRandom[] streams = new PyRandom[px.length];
    for (int p = 0; p < px.length; p++) {
      streams[p] = new PyRandom(options.seed() * 1000 + p);
    }
    for (int r = 0; r < repeats; r++) {
      for (int i = 0; i < Arch.COUNT; i++) {
        for (int g = 0; g < groups.length; g++) {
          trials[g].draw(i, finals, groups[g], y);
        }
      }
      final int rep = r;
      IntStream.range(0, px.length).parallel().forEach(p -> {
        px[p].draw(streams[p], x[p]);
        for (int m = 0; m < k; m++) {
          corr[p][m][rep] = Correlation.pearsonComplete(x[p], y[m]);
          if (rep == 0) {
            cells[p][m] = Pairs.complete(x[p], y[m], null).size();
          }
        }
      });
    }
    List<Proxy> rows = new ArrayList<>(px.length);
    for (int p = 0; p < px.length; p++) {
      double[] mean = new double[k];
      double[] std = new double[k];
      for (int m = 0; m < k; m++) {
        mean[m] = Moments.mean(corr[p][m]);
        std[m] = Moments.std(corr[p][m], 0);
      }
      Spec s = specs.get(p);
      rows.add(new Proxy("hp " + s.hp() + ", epoch " + s.epoch(), s.hp(), s.epoch(), mean, std, cells[p]));
    }
    return new ProxyTable(dataset, split, options.repeats(), options.seed(),
        metrics.stream().map(FinalMetric::label).toList(), rows);
  }

  /** The epochs at a quarter, half, three quarters and the end of a schedule of our own (1-based, distinct). */
  static int[] quarters(int hp) {
    return IntStream.of((hp + 3) / 4, (hp + 1) / 2, (3 * hp + 3) / 4, hp).filter(e -> e >= 1).distinct().toArray();
  }

  /** One proxy's per-seed values (the accuracy after its epoch) in a compact array, read in cell order. */
  private static final class ProxyValues {
    private final int stride;
    private final int[] count = new int[Arch.COUNT];
    private final double[] values;

    ProxyValues(EpochCurves curves, int epoch) {
      int max = 1;
      for (int i = 0; i < Arch.COUNT; i++) {
        count[i] = curves.seedCount(i);
        max = Math.max(max, count[i]);
      }
      stride = max;
      values = new double[Arch.COUNT * stride];
      for (int i = 0; i < Arch.COUNT; i++) {
        for (int s = 0; s < count[i]; s++) {
          values[i * stride + s] = curves.value(i, s, epoch - 1);
        }
      }
    }

    /** One trial per cell, {@code random.choice(seeds)} as the official {@code get_more_info(..., is_random=True)}. */
    void draw(PyRandom rng, double[] x) {
      for (int i = 0; i < Arch.COUNT; i++) {
        int n = count[i];
        x[i] = n == 0 ? Double.NaN : values[i * stride + rng.choiceIndex(n)];
      }
    }
  }

  /**
   * One final dataset's trials in compact arrays: per cell its real seeds (the pre-averaged values
   * when it has none, as {@link FinalView#randomSlot} chooses them), and each metric's value per seed.
   */
  private static final class Trials {
    private final int stride;
    private final int[] first = new int[Arch.COUNT];
    private final int[] count = new int[Arch.COUNT];
    private final boolean[] any = new boolean[Arch.COUNT];
    private final double[][] values;

    Trials(FinalView[] views, int[] metrics) {
      FinalView v = views[metrics[0]];
      stride = v.maxSeeds();
      values = new double[views.length][];
      for (int i = 0; i < Arch.COUNT; i++) {
        int n = v.seedCount(i);
        int f = n > 0 && v.seed(i, 0) == StoreReader.AVERAGED ? 1 : 0;
        first[i] = f;
        count[i] = n - f;
        any[i] = n > 0;
      }
      for (int m : metrics) {
        double[] a = new double[Arch.COUNT * stride];
        for (int i = 0; i < Arch.COUNT; i++) {
          for (int s = 0; s < views[m].seedCount(i); s++) {
            a[i * stride + s] = views[m].accuracy(i, s);
          }
        }
        values[m] = a;
      }
    }

    /** One {@code random.choice} over the cell's seeds, as one official {@code get_more_info} call draws it. */
    void draw(int i, PyRandom rng, int[] metrics, double[][] y) {
      int n = count[i];
      if (!any[i]) {
        for (int m : metrics) {
          y[m][i] = Double.NaN;
        }
        return;
      }
      // only pre-averaged values: that slot, without a draw (FinalView.randomSlot does the same)
      int p = i * stride + (n == 0 ? 0 : first[i] + rng.choiceIndex(n));
      for (int m : metrics) {
        y[m][i] = values[m][p];
      }
    }
  }
}
