package org.nb201.bench.importer;

import java.nio.file.Path;
import org.nb201.space.provenance.Provenance;

/**
 * What an import wrote: architectures, trials and metric rows, how many architectures were taken
 * from checkpoints of an earlier interrupted run, the wall time, the store's size and the provenance
 * recorded for the imported trials (the source with its checksum, the importer's configuration).
 */
public record ImportSummary(Path store, int archs, int trials, long rows, int resumed, double seconds,
    long storeBytes, Provenance provenance) {
  /** Architectures per second of wall time. */
  public double archsPerSecond() {
    return seconds > 0 ? archs / seconds : Double.NaN;
  }
}
