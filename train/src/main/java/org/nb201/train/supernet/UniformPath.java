package org.nb201.train.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;
import org.nb201.space.Arch;
import org.nb201.space.Op;

/**
 * A new uniformly random cell for every forward pass, computed single path ({@link SinglePath}):
 * AutoDL-Projects {@code xautodl/models/cell_searchs/search_model_random.py::TinyNetworkRANDOM.random_genotype(True)},
 * which draws each edge's op with {@code random.choice} in edge order, called before every pass (RSPS's
 * training steps and its evaluation pass, {@code exps/NAS-Bench-201-algos/RANDOM-NAS.py::valid_func}).
 * Draws come from {@code rng}, the search's stream.
 */
public record UniformPath(RandomGenerator rng) implements EdgeWeighting {
  /** A uniformly random cell: one of the five ops per edge, edge by edge. */
  public static Arch draw(RandomGenerator rng) {
    Op[] ops = new Op[Arch.EDGES];
    for (int e = 0; e < Arch.EDGES; e++) {
      ops[e] = Op.ofIndex(rng.nextInt(Op.values().length));
    }
    return Arch.of(ops);
  }

  @Override
  public EdgeWeights weights(NDArray alpha, NDManager scope) {
    return new SinglePath(draw(rng)).weights(alpha, scope);
  }

  @Override
  public boolean usesAlpha() {
    return false;
  }
}
