package org.nb201.search.multi;

import java.util.ArrayList;
import java.util.List;
import org.nb201.search.Coverage;
import org.nb201.search.Evaluation;
import org.nb201.search.Oracle;
import org.nb201.search.pareto.Hypervolume;
import org.nb201.search.pareto.Objective;
import org.nb201.search.pareto.ObjectiveTable;
import org.nb201.search.pareto.ParetoResult;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/**
 * What a multi-objective search is measured on. The report objectives (e.g. hp 200
 * {@code test-accuracy@cifar10} and {@code latency@fpga}) hold exactly one trained objective
 * (accuracy or loss): during the search the official oracle's signal stands for it (hp 12
 * cifar10-valid x-valid accuracy of a random seed, maximised, charged in simulated time, as in the
 * single-objective protocol), while the other objectives are looked up exactly and for free (a
 * device table or the cost model answers without training). The searchable cells are those the
 * oracle covers that have every looked-up objective. A run is scored on its found set's report
 * objectives: the hypervolume of their vectors relative to that of the true front of all cells
 * with every report objective, against the same reference point (default as in {@link
 * ParetoResult}). Immutable and thread-safe.
 */
public final class MultiObjectiveProblem {
  private final Oracle oracle;
  private final ObjectiveTable report;
  private final int trained;
  private final Coverage coverage;
  private final ParetoResult truth;
  private final double[] referenceMin;
  private final double[][] trueMin; // by index, null when a report objective is missing
  private final double[][] lookedUp; // by index: the search's vector with the trained slot left 0
  private final int searchable;

  private MultiObjectiveProblem(Oracle oracle, ObjectiveTable report, double[] reference) {
    this.oracle = oracle;
    this.report = report;
    List<Objective> objs = report.objectives();
    int t = -1;
    for (int j = 0; j < objs.size(); j++) {
      if (objs.get(j).trained()) {
        if (t >= 0) {
          throw new IllegalArgumentException("multi-objective search takes exactly one accuracy or loss objective"
              + " (the oracle's signal stands for it during the search); got " + objs.get(t) + " and " + objs.get(j));
        }
        t = j;
      }
    }
    if (t < 0) {
      throw new IllegalArgumentException("multi-objective search needs one accuracy or loss objective (e.g."
          + " test-accuracy@cifar10); " + objs + " can all be looked up, so the front is found without search:"
          + " use nb201 pareto");
    }
    this.trained = t;
    this.truth = ParetoResult.of(report, reference);
    if (!(truth.hypervolume() > 0)) {
      throw new IllegalArgumentException("the true front has no hypervolume against the reference " + truth.reference()
          + "; choose a reference that the front improves on");
    }
    this.referenceMin = new double[objs.size()];
    for (int j = 0; j < objs.size(); j++) {
      referenceMin[j] = objs.get(j).toMin(truth.reference().get(j));
    }
    SearchSpace space = SearchSpace.official();
    this.trueMin = new double[Arch.COUNT][];
    this.lookedUp = new double[Arch.COUNT][];
    List<Arch> cells = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      if (report.complete(i)) {
        trueMin[i] = report.minVector(i);
      }
      boolean known = true;
      double[] v = new double[objs.size()];
      for (int j = 0; j < objs.size(); j++) {
        if (j != t) {
          known &= !Double.isNaN(report.value(j, i));
          v[j] = objs.get(j).toMin(report.value(j, i));
        }
      }
      Arch a = space.arch(i);
      if (known && oracle.coverage().contains(a)) {
        lookedUp[i] = v;
        cells.add(a);
      }
    }
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("no cell has both the search signal and every looked-up objective of "
          + objs + ": nothing to search");
    }
    this.searchable = cells.size();
    this.coverage = Coverage.of(cells);
  }

  /**
   * The problem of {@code report}'s objectives with {@code oracle} standing for the trained one;
   * {@code reference} in the objectives' units, or {@code null} for the default.
   */
  public static MultiObjectiveProblem of(Oracle oracle, ObjectiveTable report, double[] reference) {
    return new MultiObjectiveProblem(oracle, report, reference);
  }

  /** The cells a search may propose. */
  public Coverage coverage() {
    return coverage;
  }

  /** How many cells a search may propose. */
  public int searchableCells() {
    return searchable;
  }

  /** The report objectives. */
  public List<Objective> objectives() {
    return report.objectives();
  }

  /** Position of the trained objective, for which the oracle's signal stands. */
  public int trainedObjective() {
    return trained;
  }

  /** The true front of all cells with every report objective, its hypervolume and reference point. */
  public ParetoResult truth() {
    return truth;
  }

  /** Evaluates {@code arch}: the oracle's signal and cost, and the search's vector (minimisation form). */
  Observation evaluate(Arch arch, PyRandom rng) {
    Evaluation e = oracle.evaluate(arch, rng);
    double[] v = lookedUp[SearchSpace.official().indexOf(arch)].clone();
    v[trained] = -e.accuracy(); // the oracle's accuracy signal is maximised
    return new Observation(v, e.cost());
  }

  /** The search's view of one evaluation. */
  record Observation(double[] vector, double cost) {}

  /**
   * The hypervolume of the report vectors of {@code cells} relative to the true front's; cells
   * without every report objective add nothing.
   */
  public double relativeHypervolume(int[] cells) {
    List<double[]> points = new ArrayList<>(cells.length);
    for (int i : cells) {
      if (trueMin[i] != null) {
        points.add(trueMin[i]);
      }
    }
    return Hypervolume.of(points.toArray(new double[0][]), referenceMin) / truth.hypervolume();
  }
}
