package org.nb201.train.search;

import java.util.List;
import org.nb201.space.algorithm.AlgorithmFamily;
import org.nb201.space.algorithm.AlgorithmProvider;

/**
 * Registers every weight-sharing method of {@link SearchMethods#names()} in the algorithm registry (listed in
 * this module's {@code META-INF/services/org.nb201.space.algorithm.AlgorithmFamily}).
 */
public final class WeightSharingFamily implements AlgorithmFamily {
  @Override
  public List<AlgorithmProvider> providers() {
    return WeightSharingProvider.all();
  }
}
