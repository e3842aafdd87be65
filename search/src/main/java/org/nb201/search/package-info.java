/**
 * The benchmark-driven NAS algorithms of the paper (AutoDL-Projects {@code exps/NAS-Bench-201-algos/}; see
 * docs/search-algorithms.md): random search, regularized
 * evolution, REINFORCE and BOHB, one small {@link org.nb201.search.SearchAlgorithm} interface, an
 * {@link org.nb201.search.Oracle} that answers with the official semantics and simulated time, and the
 * 500-run protocol. Each algorithm owns an options record with a builder (official defaults) and
 * registers itself through a {@link org.nb201.search.BenchmarkAlgorithmProvider} listed in
 * {@code META-INF/services}, so that adding one touches no other. Never depends on DJL.
 */
package org.nb201.search;
