package org.nb201.generate;

import java.util.List;
import java.util.Objects;
import org.nb201.bench.EpochMetrics;
import org.nb201.space.provenance.Provenance;

/**
 * What training one trial produced: the per-epoch metrics of every split, FLOPs and params in
 * millions, latency in seconds per batch of 256, and the trainer's provenance (tool version, config,
 * seed, data checksum, machine, engine with threads and device, start and end time).
 */
public record TrialOutcome(TrialSpec spec, List<EpochMetrics> metrics, double flops, double params, double latency,
    Provenance provenance) {
  public TrialOutcome {
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(provenance, "provenance");
  }
}
