package org.nb201.bench.nats;

import java.util.List;
import org.nb201.bench.CostRecord;
import org.nb201.bench.Trial;

/**
 * Everything one NATS architecture file holds, in nb201's model: one {@link Trial} per (hp,
 * dataset, seed) and one {@link CostRecord} per dataset.
 *
 * @param index the official architecture index
 * @param archString the official architecture string stored in the file
 */
public record NatsArchRecord(int index, String archString, List<Trial> trials, List<CostRecord> costs) {
  public NatsArchRecord {
    trials = List.copyOf(trials);
    costs = List.copyOf(costs);
  }
}
