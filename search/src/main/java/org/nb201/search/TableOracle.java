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
  // by cell code (not index: saves a lookup), seed slot k of a cell at (start[code] + k) * 2: accuracy, then
  // cost, so one evaluation touches one cache line; one entry per recorded seed, so the table costs what exists
  private final double[] table;
  private final int[] start = new int[Arch.COUNT + 1];
  private final Coverage coverage;
  private final double cheapestCost;
  private final double meanCost;

  /**
   * @param accuracy per official index, the signal of each seed ({@code null} or empty = not covered)
   * @param cost per official index, the simulated seconds of each seed (same shape as {@code accuracy})
   */
  public TableOracle(double[][] accuracy, double[][] cost) {
    if (accuracy.length != Arch.COUNT || cost.length != Arch.COUNT) {
      throw new IllegalArgumentException("oracle tables need one row per architecture (15,625)");
    }
    SearchSpace space = SearchSpace.official();
    int[] seeds = new int[Arch.COUNT];
    List<Arch> cells = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      if (accuracy[i] != null && accuracy[i].length > 0) {
        if (cost[i] == null || cost[i].length != accuracy[i].length) {
          throw new IllegalArgumentException("index " + i + ": cost and accuracy have different seed counts");
        }
        Arch a = space.arch(i);
        seeds[a.code()] = accuracy[i].length;
        cells.add(a);
      }
    }
    for (int code = 0; code < Arch.COUNT; code++) {
      start[code + 1] = start[code] + seeds[code];
    }
    this.table = new double[start[Arch.COUNT] * 2];
    for (Arch a : cells) {
      int i = space.indexOf(a);
      int p = start[a.code()] * 2;
      for (int k = 0; k < accuracy[i].length; k++) {
        table[p + 2 * k] = accuracy[i][k];
        table[p + 2 * k + 1] = cost[i][k];
      }
    }
    this.coverage = Coverage.of(cells);
    double cheapest = Double.POSITIVE_INFINITY;
    double sum = 0;
    for (int k = 1; k < table.length; k += 2) {
      sum += table[k];
      if (table[k] > 0) {
        cheapest = Math.min(cheapest, table[k]);
      }
    }
    this.cheapestCost = cheapest == Double.POSITIVE_INFINITY ? Double.NaN : cheapest;
    this.meanCost = sum / (table.length / 2);
  }

  @Override
  public Coverage coverage() {
    return coverage;
  }

  @Override
  public double cheapestCost() {
    return cheapestCost;
  }

  @Override
  public double meanCost() {
    return meanCost;
  }

  @Override
  public Evaluation evaluate(Arch arch, PyRandom rng) {
    int code = arch.code();
    int n = start[code + 1] - start[code];
    if (n == 0) {
      throw new IllegalArgumentException("architecture " + SearchSpace.official().indexOf(arch)
          + " is not covered by this oracle");
    }
    // random.choice draws even from one seed (_randbelow(1) consumes at least one 32-bit output): skipping the
    // draw would put the run's stream out of step with the official one on single-seed data
    int p = (start[code] + rng.choiceIndex(n)) * 2;
    return new Evaluation(table[p], table[p + 1]);
  }
}
