package org.nb201.search.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nb201.search.Coverage;
import org.nb201.search.Oracle;
import org.nb201.search.Parallel;
import org.nb201.search.RegularizedEvolution;
import org.nb201.search.RegularizedEvolutionOptions;
import org.nb201.search.RunResult;
import org.nb201.search.SearchAlgorithm;
import org.nb201.search.SearchRunner;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/**
 * Regularized evolution with a zero-cost warm-up (Abdelfattah et al., ICLR 2021, Section 5,
 * "zero-cost warmup"): before the search, a pool of random cells is scored with the proxy and the
 * best-scoring ones form the initial population in place of REA's random cells; evolution then runs
 * as {@link RegularizedEvolution}. The pool is drawn with the run's own random stream (with
 * replacement, each distinct cell scored once), and the real seconds of its scores are charged to
 * the run's budget before the first evaluation unless the options say otherwise.
 */
public final class ProxyWarmup {
  private ProxyWarmup() {}

  /** All runs of {@code options} against {@code oracle}, in run order. */
  public static List<RunResult> runAll(WarmupOptions options, ProxyScores scores, Oracle oracle) {
    Coverage pool = scores.within(oracle.coverage());
    RunResult[] results = new RunResult[options.runs()];
    Runnable[] tasks = new Runnable[options.runs()];
    for (int r = 0; r < options.runs(); r++) {
      final int run = r;
      tasks[r] = () -> {
        long seed = options.runSeed(run);
        PyRandom rng = new PyRandom(seed);
        Warm warm = warm(options, scores, pool, rng);
        SearchAlgorithm alg = new WarmStart(warm.cells(), new RegularizedEvolution(oracle.coverage(), rng,
            new RegularizedEvolutionOptions(options.population(), options.tournament())));
        results[run] = SearchRunner.run(run, seed, alg, oracle, options.budget(), rng, options.keepCurves(),
            options.chargeProxyTime() ? warm.seconds() : 0);
      };
    }
    Parallel.run(tasks, options.threads());
    return List.of(results);
  }

  /** The initial population and the seconds its pool's scores took. */
  record Warm(List<Arch> cells, double seconds) {}

  static Warm warm(WarmupOptions options, ProxyScores scores, Coverage pool, PyRandom rng) {
    SearchSpace space = SearchSpace.official();
    Set<Arch> drawn = new LinkedHashSet<>();
    for (int k = 0; k < options.pool(); k++) {
      drawn.add(pool.randomArch(rng));
    }
    double seconds = 0;
    for (Arch a : drawn) {
      seconds += scores.seconds(space.indexOf(a));
    }
    List<Arch> ranked = new ArrayList<>(drawn);
    // best score first; a stable sort keeps the draw order among equals
    ranked.sort(Comparator.comparingDouble((Arch a) -> scores.score(space.indexOf(a))).reversed());
    return new Warm(List.copyOf(ranked.subList(0, Math.min(options.population(), ranked.size()))), seconds);
  }

  /** Proposes the warm-up cells first, then what REA proposes; REA records every observation. */
  static final class WarmStart implements SearchAlgorithm {
    private final List<Arch> warm;
    private final RegularizedEvolution rea;
    private int next;

    WarmStart(List<Arch> warm, RegularizedEvolution rea) {
      this.warm = warm;
      this.rea = rea;
    }

    @Override
    public Arch propose() {
      return next < warm.size() ? warm.get(next++) : rea.propose();
    }

    @Override
    public void observe(Arch arch, double accuracy) {
      rea.observe(arch, accuracy);
    }

    @Override
    public Arch best() {
      return rea.best();
    }
  }
}
