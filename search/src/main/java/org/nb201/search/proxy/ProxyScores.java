package org.nb201.search.proxy;

import java.util.ArrayList;
import java.util.List;
import org.nb201.bench.ProxySet;
import org.nb201.bench.ProxyTable;
import org.nb201.search.Coverage;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/**
 * One proxy set's scores as a search reads them: by official index, the score ({@code -Infinity}
 * for a cell scored without a finite number, so that it ranks last, as NASWOT's -inf log-determinant
 * does) and the real seconds the score took; cells the store did not score are absent.
 */
public final class ProxyScores {
  private final ProxySet set;
  private final double[] score = new double[Arch.COUNT];
  private final double[] seconds = new double[Arch.COUNT];
  private final boolean[] scored = new boolean[Arch.COUNT];
  private final int count;

  public ProxyScores(ProxyTable table) {
    this.set = table.set();
    int n = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      if (table.scored(i)) {
        scored[i] = true;
        double v = table.value(i);
        score[i] = Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        double s = table.seconds(i);
        seconds[i] = Double.isNaN(s) ? 0 : s;
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("the store holds no scores of " + set.describe());
    }
    this.count = n;
  }

  public ProxySet set() {
    return set;
  }

  /** Whether the store scored {@code index}. */
  public boolean scored(int index) {
    return scored[index];
  }

  /** The score of a scored cell ({@code -Infinity} when it is not a finite number). */
  public double score(int index) {
    return score[index];
  }

  /** The real seconds the score of a scored cell took. */
  public double seconds(int index) {
    return seconds[index];
  }

  /** Cells scored. */
  public int count() {
    return count;
  }

  /** The cells scored and also in {@code coverage} (what a search over a store can sample). */
  public Coverage within(Coverage coverage) {
    SearchSpace space = SearchSpace.official();
    List<Arch> cells = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      Arch a = space.arch(i);
      if (scored[i] && coverage.contains(a)) {
        cells.add(a);
      }
    }
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("no cell has both a " + set.proxy() + " score and benchmark results");
    }
    return Coverage.of(cells);
  }
}
