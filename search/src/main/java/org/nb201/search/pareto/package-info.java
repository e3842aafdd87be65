/**
 * Multi-objective views of a benchmark: objectives over the stored cells (accuracies with the
 * official query semantics, device latency and energy, parameters and FLOPs), the exact
 * non-dominated set ({@link org.nb201.search.pareto.ParetoFront}) and the exact hypervolume
 * ({@link org.nb201.search.pareto.Hypervolume}). Internally every vector is in minimisation form
 * (a maximised objective is negated); results are given back in the objectives' own units.
 */
package org.nb201.search.pareto;
