package org.nb201.search;

/**
 * What the oracle says about one proposed cell: the search signal (accuracy in percent) and the
 * simulated seconds it cost to obtain.
 */
public record Evaluation(double accuracy, double cost) {}
