package org.nb201.bench.importer;

import java.nio.file.Path;

/**
 * What an import wrote: architectures, trials and metric rows, how many architectures were taken
 * from checkpoints of an earlier interrupted run, the wall time and the store's size.
 */
public record ImportSummary(Path store, int archs, int trials, long rows, int resumed, double seconds,
    long storeBytes) {
  /** Architectures per second of wall time. */
  public double archsPerSecond() {
    return seconds > 0 ? archs / seconds : Double.NaN;
  }
}
