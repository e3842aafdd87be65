package org.nb201.space.algorithm;

import java.util.List;

/**
 * Several algorithms registered at once, for a module whose algorithms come from a list of its own (the
 * weight-sharing methods of {@code train}, one provider per name its method table holds): a method added to that
 * table is registered without a line in {@code META-INF/services}. Implementations have a public no-argument
 * constructor and are listed in their module's {@code META-INF/services/org.nb201.space.algorithm.AlgorithmFamily};
 * {@link Algorithms} lists their providers after the single ones.
 */
public interface AlgorithmFamily {
  /** The providers, in the order to list them. */
  List<AlgorithmProvider> providers();
}
