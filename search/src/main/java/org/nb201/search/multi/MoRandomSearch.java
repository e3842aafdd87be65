package org.nb201.search.multi;

import org.nb201.search.Coverage;
import org.nb201.space.Arch;
import org.nb201.space.PyRandom;

/**
 * Random search with a Pareto archive: uniform random cells ({@code random_topology_func}, as the
 * single-objective {@code RANDOM.py}) until the budget is spent; the found set is the archive of
 * the non-dominated observations, which the runner keeps.
 */
public final class MoRandomSearch implements MultiObjectiveAlgorithm {
  /** The settings of multi-objective random search: it has none. */
  public record Options() implements MultiObjectiveSpec {
    @Override
    public String key() {
      return "mo-rs";
    }

    @Override
    public MultiObjectiveAlgorithm create(Coverage coverage, PyRandom rng) {
      return new MoRandomSearch(coverage, rng);
    }
  }

  private final Coverage coverage;
  private final PyRandom rng;

  public MoRandomSearch(Coverage coverage, PyRandom rng) {
    this.coverage = coverage;
    this.rng = rng;
  }

  @Override
  public Arch propose() {
    return coverage.randomArch(rng);
  }

  @Override
  public void observe(Arch arch, double[] objectives) {
    // the archive is the runner's
  }
}
