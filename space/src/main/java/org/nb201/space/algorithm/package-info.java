/**
 * The registry of NAS algorithms. Each algorithm registers an {@link org.nb201.space.algorithm.AlgorithmProvider}
 * through {@link java.util.ServiceLoader} ({@code META-INF/services}) from the module that implements it: the
 * benchmark-driven ones from {@code search}, the weight-sharing ones from {@code train}. A front-end lists them,
 * maps their options and builds their {@link org.nb201.space.algorithm.AlgorithmOptions} without knowing any of
 * them, as DJL's {@code api} finds its engines. Lives in {@code space} because it is the one module every
 * algorithm module builds on.
 */
package org.nb201.space.algorithm;
