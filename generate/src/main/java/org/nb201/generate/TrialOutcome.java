package org.nb201.generate;

import java.util.List;
import java.util.Map;
import org.nb201.bench.EpochMetrics;

/**
 * What training one trial produced: the per-epoch metrics of every split, FLOPs and params in
 * millions, latency in seconds per batch of 256, and provenance (tool version, config, seed, threads,
 * engine, device, data checksum, machine, start and end time).
 */
public record TrialOutcome(TrialSpec spec, List<EpochMetrics> metrics, double flops, double params, double latency,
    Map<String, String> provenance) {
  public TrialOutcome {
    metrics = List.copyOf(metrics);
    provenance = Map.copyOf(provenance);
  }
}
