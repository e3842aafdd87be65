package org.nb201.bench.query;

/**
 * The result of {@code find_best}: the architecture with the highest seed-averaged final accuracy
 * (ties keep the lowest index, as officially) and how many architectures were looked at or left out.
 *
 * @param index the best architecture, or -1 when none qualified
 * @param accuracy its accuracy, {@code NaN} when none
 * @param candidates architectures with trials of the (dataset, hp)
 * @param overLimit candidates excluded by the FLOP or parameter limit
 * @param missingCosts candidates excluded because a limit was given but their costs are unknown
 * @param missingMetric candidates excluded because some seed lacks the final value
 */
public record BestResult(int index, double accuracy, int candidates, int overLimit, int missingCosts,
    int missingMetric) {}
