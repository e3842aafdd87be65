/**
 * Multi-objective benchmark-driven search with the paper's protocol: the official oracle and
 * simulated time for the accuracy objective, free exact look-ups for device latency and energy,
 * parameters and FLOPs. Random search with a Pareto archive and a multi-objective regularised
 * evolution (non-dominated sorting and crowding distance for the parent, the official one-edge
 * mutation, aging); each run reports the hypervolume of its found set relative to the true front
 * and its anytime hypervolume curve, 500 runs by default, seeded per run, independent of the
 * thread count. Algorithms are created from their options records ({@link
 * org.nb201.search.multi.MultiObjectiveSpec}).
 */
package org.nb201.search.multi;
