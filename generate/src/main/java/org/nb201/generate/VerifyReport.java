package org.nb201.generate;

import java.util.List;
import java.util.Map;

/**
 * The state of an output directory against its plan: trials done (result file present and valid),
 * missing, corrupt (file name and reason), duplicated (logged as done more than once), and result
 * files that belong to no trial of the plan.
 */
public record VerifyReport(List<TrialSpec> done, List<TrialSpec> missing, Map<String, String> corrupt,
    List<String> duplicated, List<String> extra) {
  public VerifyReport {
    done = List.copyOf(done);
    missing = List.copyOf(missing);
    corrupt = Map.copyOf(corrupt);
    duplicated = List.copyOf(duplicated);
    extra = List.copyOf(extra);
  }

  /** Whether every trial of the plan is done and nothing is damaged. */
  public boolean complete() {
    return missing.isEmpty() && corrupt.isEmpty();
  }
}
