package org.nb201.search.proxy;

import java.util.List;
import org.nb201.search.Coverage;
import org.nb201.search.Parallel;
import org.nb201.search.RunResult;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/**
 * Training-free search as NASWOT's Table 2 runs it (BayesWatch/nas-without-training
 * {@code search.py}): per run, draw N cells uniformly at random (with replacement, as
 * {@code searchspace.random_arch()} does), keep the one with the highest score (the first of
 * equals), and report its benchmark results. The cost of a run is the real compute time of the N
 * scores as the store recorded them; no benchmark value is looked at until the choice is made.
 * Cells are drawn from those the store has both scored and holds results for.
 */
public final class ProxySearch {
  private ProxySearch() {}

  /** All runs of {@code options}, in run order; {@code coverage} are the cells with results. */
  public static List<RunResult> runAll(ProxySearchOptions options, ProxyScores scores, Coverage coverage) {
    Coverage pool = scores.within(coverage);
    RunResult[] results = new RunResult[options.runs()];
    Runnable[] tasks = new Runnable[options.runs()];
    for (int r = 0; r < options.runs(); r++) {
      final int run = r;
      tasks[r] = () -> results[run] = run(run, options.runSeed(run), options.sample(), scores, pool);
    }
    Parallel.run(tasks, options.threads());
    return List.of(results);
  }

  /** One run: {@code n} random cells of {@code pool}, the best by score. */
  static RunResult run(int run, long seed, int n, ProxyScores scores, Coverage pool) {
    PyRandom rng = new PyRandom(seed);
    SearchSpace space = SearchSpace.official();
    Arch best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    double seconds = 0;
    for (int k = 0; k < n; k++) {
      Arch a = pool.randomArch(rng);
      int i = space.indexOf(a);
      seconds += scores.seconds(i);
      if (best == null || scores.score(i) > bestScore) {
        best = a;
        bestScore = scores.score(i);
      }
    }
    return new RunResult(run, seed, best, n, seconds, List.of());
  }
}
