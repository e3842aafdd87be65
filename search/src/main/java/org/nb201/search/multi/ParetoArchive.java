package org.nb201.search.multi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.nb201.search.pareto.ParetoFront;

/**
 * The non-dominated observations of a run (cell and the vector the search saw), kept incrementally:
 * an observation that some member dominates is dropped, one that dominates members replaces them,
 * an equal vector of another cell joins (every copy of a front vector is kept, as in {@link
 * ParetoFront}), and a repeated (cell, vector) changes nothing. A cell the oracle answered
 * differently on two evaluations (another seed) may be in the archive with both vectors.
 */
final class ParetoArchive {
  private final List<int[]> cells = new ArrayList<>(); // one-element arrays: cell index
  private final List<double[]> vectors = new ArrayList<>();

  /** Adds an observation; returns whether the archive changed. */
  boolean add(int index, double[] v) {
    for (int i = 0; i < vectors.size(); i++) {
      double[] m = vectors.get(i);
      if (ParetoFront.dominates(m, v) || cells.get(i)[0] == index && Arrays.equals(m, v)) {
        return false;
      }
    }
    for (int i = vectors.size() - 1; i >= 0; i--) {
      if (ParetoFront.dominates(v, vectors.get(i))) {
        vectors.remove(i);
        cells.remove(i);
      }
    }
    vectors.add(v.clone());
    cells.add(new int[] {index});
    return true;
  }

  /** The distinct cells of the archive, in the order they joined. */
  int[] cells() {
    LinkedHashSet<Integer> out = new LinkedHashSet<>();
    for (int[] c : cells) {
      out.add(c[0]);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  int size() {
    return vectors.size();
  }
}
