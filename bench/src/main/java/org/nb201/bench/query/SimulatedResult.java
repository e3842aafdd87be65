package org.nb201.bench.query;

/**
 * The result of {@code simulate_train_eval}: the validation accuracy a search algorithm observes,
 * the latency, the simulated cost of obtaining it ({@code train-all-time + valid-per-time}) and
 * the accumulated simulated time of all calls since the last {@code resetTime}.
 *
 * @param validAccuracy x-valid accuracy of the chosen trial (ori-test when x-valid is absent at that epoch)
 * @param latency seconds per batch of 256
 * @param timeCost simulated seconds this evaluation cost
 * @param usedTime simulated seconds accumulated so far
 * @param seed the trial seed that was drawn
 */
public record SimulatedResult(double validAccuracy, double latency, double timeCost, double usedTime, Integer seed) {}
