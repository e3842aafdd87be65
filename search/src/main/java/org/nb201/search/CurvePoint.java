package org.nb201.search;

/**
 * One accepted evaluation of a run: its step (1-based), the simulated time used so far, the
 * evaluated cell's official index and signal, and the run's current answer.
 */
public record CurvePoint(int step, double time, int index, double accuracy, int bestIndex) {}
