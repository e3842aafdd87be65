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
  // by cell code (not index: saves a lookup), seed slot k at (code * stride + k) * 2: accuracy, then cost,
  // so one evaluation touches one cache line
  private final double[] table;
  private final int[] seeds = new int[Arch.COUNT];
  private final int stride;
  private final Coverage coverage;

  /**
   * @param accuracy per official index, the signal of each seed ({@code null} or empty = not covered)
   * @param cost per official index, the simulated seconds of each seed (same shape as {@code accuracy})
   */
  public TableOracle(double[][] accuracy, double[][] cost) {
    if (accuracy.length != Arch.COUNT || cost.length != Arch.COUNT) {
      throw new IllegalArgumentException("oracle tables need one row per architecture (15,625)");
    }
    SearchSpace space = SearchSpace.official();
    int max = 1;
    List<Arch> cells = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      if (accuracy[i] != null && accuracy[i].length > 0) {
        if (cost[i] == null || cost[i].length != accuracy[i].length) {
          throw new IllegalArgumentException("index " + i + ": cost and accuracy have different seed counts");
        }
        max = Math.max(max, accuracy[i].length);
        cells.add(space.arch(i));
      }
    }
    this.stride = max;
    this.table = new double[Arch.COUNT * stride * 2];
    for (Arch a : cells) {
      int i = space.indexOf(a);
      int code = a.code();
      seeds[code] = accuracy[i].length;
      for (int k = 0; k < accuracy[i].length; k++) {
        table[(code * stride + k) * 2] = accuracy[i][k];
        table[(code * stride + k) * 2 + 1] = cost[i][k];
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
    int code = arch.code();
    int n = seeds[code];
    if (n == 0) {
      throw new IllegalArgumentException("architecture " + SearchSpace.official().indexOf(arch)
          + " is not covered by this oracle");
    }
    int p = (code * stride + (n == 1 ? 0 : rng.randbelow(n))) * 2;
    return new Evaluation(table[p], table[p + 1]);
  }
}
