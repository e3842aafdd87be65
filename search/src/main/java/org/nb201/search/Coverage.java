package org.nb201.search;

import java.util.Arrays;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * The set of cells a benchmark covers. For the full space, algorithms behave exactly as the
 * official code; for a partial store (a generated mini benchmark) random cells are drawn uniformly
 * from the covered ones and any other proposal is projected onto the nearest covered cell
 * (fewest differing edges, ties broken at random).
 */
public final class Coverage {
  private final boolean[] byCode = new boolean[Arch.COUNT];
  private final Arch[] covered;

  private Coverage(Arch[] covered) {
    if (covered.length == 0) {
      throw new IllegalArgumentException("no architecture is covered: the oracle has no data to search");
    }
    this.covered = covered;
    for (Arch a : covered) {
      byCode[a.code()] = true;
    }
  }

  /** All 15,625 cells. */
  public static Coverage full() {
    Arch[] all = new Arch[Arch.COUNT];
    for (int code = 0; code < Arch.COUNT; code++) {
      all[code] = Arch.ofCode(code);
    }
    return new Coverage(all);
  }

  /** Exactly these cells (duplicates ignored). */
  public static Coverage of(Iterable<Arch> cells) {
    boolean[] seen = new boolean[Arch.COUNT];
    int n = 0;
    Arch[] tmp = new Arch[Arch.COUNT];
    for (Arch a : cells) {
      if (!seen[a.code()]) {
        seen[a.code()] = true;
        tmp[n++] = a;
      }
    }
    Arch[] arr = Arrays.copyOf(tmp, n);
    Arrays.sort(arr);
    return new Coverage(arr);
  }

  public boolean isFull() {
    return covered.length == Arch.COUNT;
  }

  public int size() {
    return covered.length;
  }

  public boolean contains(Arch arch) {
    return byCode[arch.code()];
  }

  /**
   * A random cell: the official {@code random_topology_func} (one {@code random.choice} over the five
   * ops per edge, canonical edge order) on the full space; a uniform covered cell otherwise.
   */
  public Arch randomArch(PyRandom rng) {
    if (!isFull()) {
      return covered[rng.randbelow(covered.length)];
    }
    int code = 0;
    for (int e = 0; e < Arch.EDGES; e++) {
      code = code * 5 + rng.randbelow(5); // the first edge is the most significant digit
    }
    return Arch.ofCode(code);
  }

  /** {@code arch} itself when covered, else the nearest covered cell (ties broken with {@code rng}). */
  public Arch project(Arch arch, PyRandom rng) {
    return contains(arch) ? arch : nearest(arch, null, rng);
  }

  /**
   * The covered cell nearest to {@code arch} other than {@code exclude} (ties broken with
   * {@code rng}); {@code exclude} itself when it is the only covered cell.
   */
  public Arch nearest(Arch arch, Arch exclude, PyRandom rng) {
    int best = Integer.MAX_VALUE;
    int ties = 0;
    Arch choice = exclude;
    for (Arch c : covered) {
      if (c.equals(exclude)) {
        continue;
      }
      int d = distance(arch, c);
      if (d < best) {
        best = d;
        ties = 1;
        choice = c;
      } else if (d == best && rng.randbelow(++ties) == 0) {
        choice = c; // reservoir sampling keeps each tied cell with equal probability
      }
    }
    return choice;
  }

  /** Number of edges on which two cells differ. */
  static int distance(Arch a, Arch b) {
    int d = 0;
    for (int e = 0; e < Arch.EDGES; e++) {
      if (a.op(e) != b.op(e)) {
        d++;
      }
    }
    return d;
  }
}
