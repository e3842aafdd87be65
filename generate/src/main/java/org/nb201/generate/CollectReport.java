package org.nb201.generate;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code collect} did: trials written into the store, trials skipped because the store
 * already held them, results refused as corrupt (file name and reason), trials still missing, and
 * the store path.
 */
public record CollectReport(Path store, int added, int alreadyInStore, int carriedOver, Map<String, String> refused,
    int missing) {
  public CollectReport {
    refused = Map.copyOf(refused);
  }
}
