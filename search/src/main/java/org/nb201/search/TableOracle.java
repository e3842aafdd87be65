package org.nb201.search;

import java.util.ArrayList;
import java.util.List;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/**
 * The official oracle over primitive arrays: for every covered cell (by official index) the
 * final-epoch signal and the simulated cost of each recorded seed, in seed order. Evaluation picks a
 * seed with {@code random.choice} on the run's stream, as the official {@code get_more_info(...,
 * is_random=True)} does.
 */
public final class TableOracle implements Oracle {
  private final double[][] accuracy;
  private final double[][] cost;
  private final Coverage coverage;

  /**
   * @param accuracy per official index, the signal of each seed ({@code null} or empty = not covered)
   * @param cost per official index, the simulated seconds of each seed (same shape as {@code accuracy})
   */
  public TableOracle(double[][] accuracy, double[][] cost) {
    if (accuracy.length != Arch.COUNT || cost.length != Arch.COUNT) {
      throw new IllegalArgumentException("oracle tables need one row per architecture (15,625)");
    }
    this.accuracy = accuracy;
    this.cost = cost;
    SearchSpace space = SearchSpace.official();
    List<Arch> cells = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      if (accuracy[i] != null && accuracy[i].length > 0) {
        if (cost[i] == null || cost[i].length != accuracy[i].length) {
          throw new IllegalArgumentException("index " + i + ": cost and accuracy have different seed counts");
        }
        cells.add(space.arch(i));
      }
    }
    this.coverage = Coverage.of(cells);
  }

  @Override
  public Coverage coverage() {
    return coverage;
  }

  @Override
  public Evaluation evaluate(Arch arch, PyRandom rng) {
    int i = SearchSpace.official().indexOf(arch);
    double[] acc = accuracy[i];
    if (acc == null || acc.length == 0) {
      throw new IllegalArgumentException("architecture " + i + " is not covered by this oracle");
    }
    int k = acc.length == 1 ? 0 : rng.randbelow(acc.length);
    return new Evaluation(acc[k], cost[i][k]);
  }
}
