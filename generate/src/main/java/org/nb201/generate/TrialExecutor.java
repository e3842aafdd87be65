package org.nb201.generate;

/** Trains one trial. The real one is {@link DjlTrialExecutor}; tests may use lighter ones. */
@FunctionalInterface
public interface TrialExecutor {
  /** Runs {@code spec} to completion; throws on failure (the trial is then retried on the next run). */
  TrialOutcome run(TrialSpec spec) throws Exception;
}
