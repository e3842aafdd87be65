package org.nb201.search;

import java.util.List;
import java.util.Map;
import org.nb201.space.algorithm.AlgorithmProvider;
import org.nb201.space.algorithm.Algorithms;
import org.nb201.space.algorithm.Needs;

/**
 * A registered algorithm that searches a benchmark store with simulated time: its options make its runs. Each
 * one is listed in this module's {@code META-INF/services/org.nb201.space.algorithm.AlgorithmProvider}.
 */
public interface BenchmarkAlgorithmProvider extends AlgorithmProvider {
  @Override
  default Needs needs() {
    return Needs.STORE;
  }

  @Override
  BenchmarkAlgorithmOptions parse(Map<String, String> values);

  @Override
  default BenchmarkAlgorithmOptions defaults() {
    return parse(Map.of());
  }

  /** The registered benchmark-driven algorithms, in registry order. */
  static List<BenchmarkAlgorithmProvider> all() {
    return Algorithms.all().stream().filter(p -> p instanceof BenchmarkAlgorithmProvider)
        .map(p -> (BenchmarkAlgorithmProvider) p).toList();
  }

  /** The benchmark-driven algorithm with this name; a one-line error for an unknown one or one that needs more. */
  static BenchmarkAlgorithmProvider byName(String name) {
    AlgorithmProvider p = Algorithms.byName(name);
    if (p instanceof BenchmarkAlgorithmProvider b) {
      return b;
    }
    throw new IllegalArgumentException(name + " needs " + p.needs().description() + ", not a benchmark store;"
        + " the benchmark-driven algorithms are " + String.join(", ", all().stream()
            .map(AlgorithmProvider::name).toList()));
  }
}
