package org.nb201.generate;

import java.util.List;

/**
 * What one {@code generate} invocation did: trials in its shard, already done before it started,
 * finished now, finished meanwhile by another process sharing the directory (their results adopted),
 * failed now (with messages), and the wall time.
 */
public record GenerateSummary(int shardTrials, int alreadyDone, int finished, int finishedElsewhere,
    List<String> failures, double seconds) {
  public GenerateSummary {
    failures = List.copyOf(failures);
  }

  /** Trials finished per hour of wall time in this invocation. */
  public double trialsPerHour() {
    return seconds > 0 ? finished * 3600.0 / seconds : 0;
  }
}
