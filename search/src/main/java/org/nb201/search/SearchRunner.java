package org.nb201.search;

import java.util.ArrayList;
import java.util.List;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/**
 * Runs one search with simulated time: propose, ask the oracle, stop before the evaluation that
 * would push the used time past the budget, otherwise charge it and report it to the algorithm.
 * The algorithm and the oracle share the run's random stream, as the official scripts share
 * Python's global {@code random}. The official scripts also add the real wall time of their own
 * bookkeeping (microseconds); nb201 leaves it out so that runs are reproducible. One stop rule serves
 * all four algorithms; it differs from the official scripts only at the edges of the budget: the
 * official REA charges its initial population without checking the budget, and the official
 * REINFORCE keeps the sample that exceeded the budget in the trace it picks its answer from.
 */
public final class SearchRunner {
  private SearchRunner() {}

  /** Runs {@code algorithm} against {@code oracle} until {@code budget} simulated seconds are used. */
  public static RunResult run(int run, long seed, SearchAlgorithm algorithm, Oracle oracle, double budget,
      PyRandom rng, boolean keepCurve) {
    return run(run, seed, algorithm, oracle, budget, rng, keepCurve, 0);
  }

  /**
   * As {@link #run(int, long, SearchAlgorithm, Oracle, double, PyRandom, boolean)} with {@code spent}
   * seconds of the budget already used before the first evaluation (a warm-up's own cost).
   */
  public static RunResult run(int run, long seed, SearchAlgorithm algorithm, Oracle oracle, double budget,
      PyRandom rng, boolean keepCurve, double spent) {
    SearchSpace space = SearchSpace.official();
    List<CurvePoint> curve = new ArrayList<>();
    double used = spent;
    int evaluated = 0;
    while (used < budget && evaluated < SearchLimits.MAX_EVALUATIONS) {
      Arch arch = algorithm.propose();
      if (arch == null) {
        break;
      }
      Evaluation e = oracle.evaluate(arch, rng);
      if (used + e.cost() > budget) {
        break;
      }
      used += e.cost();
      evaluated++;
      algorithm.observe(arch, e.accuracy());
      if (keepCurve) {
        curve.add(new CurvePoint(evaluated, used, space.indexOf(arch), e.accuracy(),
            space.indexOf(algorithm.best())));
      }
    }
    return new RunResult(run, seed, algorithm.best(), evaluated, used, curve);
  }

  /**
   * Runs all runs of {@code config}, spread over {@code config.threads()} threads, in run order,
   * after checking the budget and the heap the runs need ({@link SearchLimits}).
   */
  public static List<RunResult> runAll(SearchConfig config, Oracle oracle) {
    SearchLimits.check(config, oracle, SearchLimits.heapAvailable());
    RunResult[] results = new RunResult[config.runs()];
    Coverage coverage = oracle.coverage();
    Runnable[] tasks = new Runnable[config.runs()];
    for (int r = 0; r < config.runs(); r++) {
      final int run = r;
      tasks[r] = () -> {
        long seed = config.runSeed(run);
        PyRandom rng = new PyRandom(seed);
        SearchAlgorithm alg = config.options().newRun(coverage, rng);
        results[run] = run(run, seed, alg, oracle, config.budget(), rng, config.keepCurves());
      };
    }
    Parallel.run(tasks, config.threads());
    return List.of(results);
  }
}
