package org.nb201.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.space.PyRandom;

/**
 * BOHB (AutoDL-Projects {@code exps/NAS-Bench-201-algos/BOHB.py} with hpbandster:
 * {@code get_topology_config_space}, {@code MyWorker.compute}, {@code main}; see docs/search-algorithms.md#bohb):
 * Hyperband brackets of successive halving over
 * budgets 12..200 with eta 3 (budgets 22.2, 66.7, 200), whose new configurations come from a
 * TPE-style model: per budget, a {@link CategoricalKde} of the best 15% ("good") and of the rest
 * ("bad") observations; candidates are drawn around good points and the one minimising bad/good
 * density wins. Settings (the {@link BohbOptions} defaults): num_samples 4, random_fraction 0,
 * bandwidth_factor 3 (unused for categorical dimensions), min_bandwidth 0.3, 50 iterations, one
 * worker. The oracle ignores the budget, as the official worker does; every evaluation is charged.
 * The result is the incumbent: the lowest loss (100 - accuracy) observed at the largest budget, the
 * earliest of equals.
 */
public final class Bohb implements SearchAlgorithm {
  private static final int TOP_N_PERCENT = 15;

  private record Config(Arch arch, int[] vector) {}

  private final Coverage coverage;
  private final PyRandom rng;
  private final double eta;
  private final double maxBudget;
  private final int numSamples;
  private final double randomFraction;
  private final double minBandwidth;
  private final int iterations;
  private final int maxShIter;
  private final double[] budgets;
  private final int minPoints = Arch.EDGES + 1;

  private final Map<Double, List<int[]>> observed = new HashMap<>();
  private final Map<Double, List<Double>> observedLoss = new HashMap<>();
  private final TreeMap<Double, CategoricalKde[]> models = new TreeMap<>();

  private int iteration = -1;
  private boolean iterationDone = true;
  private int stage;
  private int[] stageSizes;
  private double[] stageBudgets;
  private final List<Config> stageConfigs = new ArrayList<>();
  private final List<Double> stageLosses = new ArrayList<>();
  private Config pending;
  private Arch incumbent;
  private double incumbentLoss = Double.POSITIVE_INFINITY;
  private Arch bestAny;
  private double bestAnyLoss = Double.POSITIVE_INFINITY;

  public Bohb(Coverage coverage, PyRandom rng, BohbOptions options) {
    this.coverage = coverage;
    this.rng = rng;
    this.eta = options.eta();
    this.maxBudget = options.maxBudget();
    this.numSamples = options.numSamples();
    this.randomFraction = options.randomFraction();
    this.minBandwidth = options.minBandwidth();
    this.iterations = options.iterations();
    // hpbandster optimizers/bohb.py::BOHB.__init__: max_SH_iter = -int(log(min/max) / log(eta)) + 1, where int()
    // truncates toward zero: budgets 12..200 with eta 3 give three stages (22.2, 66.7, 200), not four
    this.maxShIter = -(int) (Math.log(options.minBudget() / maxBudget) / Math.log(eta)) + 1;
    this.budgets = new double[maxShIter];
    for (int i = 0; i < maxShIter; i++) {
      budgets[i] = maxBudget * Math.pow(eta, -(maxShIter - 1 - i));
    }
  }

  /** The successive-halving budgets, smallest first. */
  double[] budgets() {
    return budgets.clone();
  }

  @Override
  public Arch propose() {
    if (iterationDone && !startIteration()) {
      return null;
    }
    if (stage == 0 && stageConfigs.size() < stageSizes[0]) {
      stageConfigs.add(sampleConfig());
    }
    pending = stageConfigs.get(stageLosses.size());
    return pending.arch();
  }

  @Override
  public void observe(Arch arch, double accuracy) {
    double loss = 100 - accuracy;
    double budget = stageBudgets[stage];
    stageLosses.add(loss);
    recordForModel(pending.vector(), budget, loss);
    if (budget == maxBudget && loss < incumbentLoss) {
      incumbent = arch;
      incumbentLoss = loss;
    }
    if (loss < bestAnyLoss) {
      bestAny = arch;
      bestAnyLoss = loss;
    }
    if (stageLosses.size() == stageSizes[stage]) {
      advanceStage();
    }
  }

  /** The incumbent at the largest budget; before any run reaches it, the best observation so far. */
  @Override
  public Arch best() {
    return incumbent != null ? incumbent : bestAny;
  }

  private boolean startIteration() {
    if (iteration + 1 >= iterations) {
      return false;
    }
    iteration++;
    int s = maxShIter - 1 - (iteration % maxShIter);
    int n0 = (int) (Math.floor((double) maxShIter / (s + 1)) * Math.pow(eta, s));
    stageSizes = new int[s + 1];
    stageBudgets = Arrays.copyOfRange(budgets, maxShIter - 1 - s, maxShIter);
    for (int j = 0; j <= s; j++) {
      stageSizes[j] = Math.max((int) (n0 * Math.pow(eta, -j)), 1);
    }
    stage = 0;
    stageConfigs.clear();
    stageLosses.clear();
    iterationDone = false;
    return true;
  }

  private void advanceStage() {
    if (stage + 1 >= stageSizes.length) {
      iterationDone = true;
      return;
    }
    Integer[] order = new Integer[stageConfigs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(stageLosses::get));
    boolean[] keep = new boolean[order.length];
    for (int r = 0; r < stageSizes[stage + 1]; r++) {
      keep[order[r]] = true;
    }
    List<Config> next = new ArrayList<>();
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        next.add(stageConfigs.get(i));
      }
    }
    stage++;
    stageConfigs.clear();
    stageConfigs.addAll(next);
    stageLosses.clear();
  }

  private void recordForModel(int[] vector, double budget, double loss) {
    if (!models.isEmpty() && models.lastKey() > budget) {
      return; // hpbandster: skip smaller budgets once a bigger model exists
    }
    List<int[]> xs = observed.computeIfAbsent(budget, b -> new ArrayList<>());
    List<Double> ys = observedLoss.computeIfAbsent(budget, b -> new ArrayList<>());
    xs.add(vector);
    ys.add(loss);
    int n = xs.size();
    if (n <= minPoints - 1) {
      return;
    }
    int nGood = Math.max(minPoints, TOP_N_PERCENT * n / 100);
    int nBad = Math.max(minPoints, (100 - TOP_N_PERCENT) * n / 100);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(ys::get));
    int goodRows = Math.min(nGood, n);
    int badRows = Math.max(0, Math.min(nGood + nBad, n) - nGood);
    if (goodRows <= Arch.EDGES || badRows <= Arch.EDGES) {
      return;
    }
    int[][] good = new int[goodRows][];
    int[][] bad = new int[badRows][];
    for (int i = 0; i < goodRows; i++) {
      good[i] = xs.get(order[i]);
    }
    for (int i = 0; i < badRows; i++) {
      bad[i] = xs.get(order[nGood + i]);
    }
    models.put(budget, new CategoricalKde[] {new CategoricalKde(good, minBandwidth),
        new CategoricalKde(bad, minBandwidth)});
  }

  private Config sampleConfig() {
    // hpbandster draws rand() < random_fraction whenever a model exists; a zero fraction skips the draw here,
    // which leaves the official default's stream as it was before the option existed
    boolean random = models.isEmpty() || (randomFraction > 0 && rng.random() < randomFraction);
    int[] vector = random ? null : modelBasedVector();
    if (vector == null) {
      vector = new int[Arch.EDGES];
      for (int e = 0; e < Arch.EDGES; e++) {
        vector[e] = rng.randbelow(5);
      }
    }
    Op[] ops = new Op[Arch.EDGES];
    for (int e = 0; e < Arch.EDGES; e++) {
      ops[e] = Op.ofIndex(vector[e]);
    }
    Arch arch = coverage.project(Arch.of(ops), rng);
    if (arch.code() != Arch.of(ops).code()) {
      vector = new int[Arch.EDGES];
      for (int e = 0; e < Arch.EDGES; e++) {
        vector[e] = arch.op(e).ordinal();
      }
    }
    return new Config(arch, vector);
  }

  private int[] modelBasedVector() {
    CategoricalKde[] model = models.lastEntry().getValue();
    CategoricalKde good = model[0];
    CategoricalKde bad = model[1];
    double best = Double.POSITIVE_INFINITY;
    int[] bestVector = null;
    for (int i = 0; i < numSamples; i++) {
      int[] datum = good.row(rng.randbelow(good.size()));
      int[] vector = new int[Arch.EDGES];
      for (int e = 0; e < Arch.EDGES; e++) {
        double bw = Math.max(good.bandwidth(e), minBandwidth);
        vector[e] = rng.random() < 1 - bw ? datum[e] : rng.randbelow(5);
      }
      double l = good.pdf(vector);
      double val = pyMax(1e-32, bad.pdf(vector)) / pyMax(l, 1e-32);
      if (!Double.isFinite(val)) {
        // hpbandster: a level unseen by a density gives a non-finite ratio; take it if l is finite
        if (Double.isFinite(l)) {
          bestVector = vector;
          break;
        }
        continue;
      }
      if (val < best) {
        best = val;
        bestVector = vector;
      }
    }
    return bestVector;
  }

  /** Python's built-in {@code max(a, b)}: {@code b} only when {@code b > a} (so NaN never wins). */
  private static double pyMax(double a, double b) {
    return b > a ? b : a;
  }
}
