package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-store scans analyses read: per-epoch accuracy curves and the final-epoch coverage of each split. */
class WholeStoreScansTest {
  @TempDir
  static Path dir;
  static Path store;

  @BeforeAll
  static void sample() throws Exception {
    store = SpecSample.store(dir);
  }

  @Test
  void curvesHoldEveryRecordedEpochAndSkipTimeOnlyRows() {
    try (Store s = Store.open(store)) {
      List<String> rows = new ArrayList<>();
      s.reader().accuracyCurves("cifar10-valid", 200, "x-valid", (i, seed, e, acc) -> rows.add(i + "/" + seed + "/" + e
          + "/" + acc));
      assertThat(rows).hasSize(3 * 200).contains("0/777/199/82.092", "0/888/199/81.836", "0/777/0/72.142");
      List<String> last = new ArrayList<>();
      // ori-test of cifar10-valid at hp 200 exists only at the last epoch (the other epochs are time-only rows)
      s.reader().accuracyCurves("cifar10-valid", 200, "ori-test", (i, seed, e, acc) -> last.add(seed + "/" + e));
      assertThat(last).containsExactlyInAnyOrder("777/199", "888/199", "999/199");
    }
  }

  @Test
  void splitCoverageCountsArchsWithAnyAndWithEveryTrialsValue() {
    try (Store s = Store.open(store)) {
      List<StoreReader.SplitCoverage> c = s.reader().splitCoverage();
      assertThat(c).contains(new StoreReader.SplitCoverage("cifar10", 200, "ori-test", 2, 2, 2),
          new StoreReader.SplitCoverage("cifar10-valid", 12, "x-valid", 1, 1, 1),
          new StoreReader.SplitCoverage("cifar100", 200, "x-test", 1, 1, 1));
      assertThat(c).noneMatch(x -> x.dataset().equals("cifar10") && x.split().equals("x-valid"));
      assertThat(c.get(0).dataset()).isEqualTo("cifar10-valid");
    }
  }
}
