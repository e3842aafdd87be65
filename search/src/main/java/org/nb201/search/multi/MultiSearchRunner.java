package org.nb201.search.multi;

import java.util.ArrayList;
import java.util.List;
import org.nb201.search.Parallel;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/**
 * Runs multi-objective searches with simulated time, with the stop rule of the single-objective
 * {@code SearchRunner}: propose, evaluate, stop before the evaluation that would push the used
 * time past the budget, otherwise charge it, tell the algorithm and update the run's Pareto archive.
 * The algorithm and the oracle share the run's random stream.
 */
public final class MultiSearchRunner {
  private MultiSearchRunner() {}

  /** One run of {@code algorithm} on {@code problem} until {@code budget} simulated seconds are used. */
  public static MultiRunResult run(int run, long seed, MultiObjectiveAlgorithm algorithm, MultiObjectiveProblem problem,
      double budget, PyRandom rng) {
    SearchSpace space = SearchSpace.official();
    ParetoArchive archive = new ParetoArchive();
    List<MultiRunResult.Point> curve = new ArrayList<>();
    double used = 0;
    int evaluated = 0;
    double hv = 0;
    int[] cells = new int[0];
    while (used < budget) {
      Arch arch = algorithm.propose();
      if (arch == null) {
        break;
      }
      MultiObjectiveProblem.Observation o = problem.evaluate(arch, rng);
      if (used + o.cost() > budget) {
        break;
      }
      used += o.cost();
      evaluated++;
      algorithm.observe(arch, o.vector());
      if (archive.add(space.indexOf(arch), o.vector())) {
        cells = archive.cells();
        hv = problem.relativeHypervolume(cells);
      }
      curve.add(new MultiRunResult.Point(evaluated, used, hv, cells.length));
    }
    List<Integer> found = new ArrayList<>();
    for (int c : cells) {
      found.add(c);
    }
    return new MultiRunResult(run, seed, evaluated, used, found, hv, curve);
  }

  /** All runs of {@code config}, spread over {@code config.threads()} threads, in run order. */
  public static List<MultiRunResult> runAll(MultiSearchConfig config, MultiObjectiveSpec spec,
      MultiObjectiveProblem problem) {
    MultiRunResult[] results = new MultiRunResult[config.runs()];
    Runnable[] tasks = new Runnable[config.runs()];
    for (int r = 0; r < config.runs(); r++) {
      final int run = r;
      tasks[r] = () -> {
        long seed = config.runSeed(run);
        PyRandom rng = new PyRandom(seed);
        results[run] = run(run, seed, spec.create(problem.coverage(), rng), problem, config.budget(), rng);
      };
    }
    Parallel.run(tasks, config.threads());
    return List.of(results);
  }
}
