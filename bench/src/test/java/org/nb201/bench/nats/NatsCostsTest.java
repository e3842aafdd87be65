package org.nb201.bench.nats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nb201.bench.CostRecord;

/**
 * The NATS >= 1.6 cost rule (NATS-Bench {@code nats_bench/api_utils.py::ArchResults.get_compute_costs}; see
 * docs/benchmark-data.md#known-data-defects).
 */
class NatsCostsTest {
  @Test
  void usesTheFirstSeedWhenSeedsAgreeAfterRoundingToFiveDecimals() {
    CostRecord c = NatsCosts.choose(11, "cifar10", List.of(
        new NatsCosts.SeedCost(777, 113.951371, 0.802426, 0.016),
        new NatsCosts.SeedCost(888, 113.951372, 0.802426, 0.018)));

    assertThat(c).isEqualTo(new CostRecord(11, "cifar10", 113.951371, 0.802426, 0.017));
  }

  @Test
  void usesSeed888WhenSeedsDisagree() {
    CostRecord c = NatsCosts.choose(11, "cifar10", List.of(
        new NatsCosts.SeedCost(777, 113.95137, 0.6404, 0.016),
        new NatsCosts.SeedCost(888, 113.95137, 0.802426, Double.NaN),
        new NatsCosts.SeedCost(999, 113.95137, 0.6404, 0.016)));

    assertThat(c.params()).isEqualTo(0.802426);
    assertThat(c.latency()).isEqualTo(0.016);
  }

  @Test
  void latencyIsNaNWhenNoSeedHasOne() {
    CostRecord c = NatsCosts.choose(0, "cifar100", List.of(new NatsCosts.SeedCost(111, 1, 2, Double.NaN)));

    assertThat(c.latency()).isNaN();
    assertThat(NatsCosts.mean(new double[0])).isNaN();
  }

  @Test
  void roundsLikePython() {
    assertThat(NatsCosts.round5(0.123455)).isEqualTo(0.12345); // binary value is just below the half
    assertThat(NatsCosts.round5(2.675e-5 * 1)).isEqualTo(3.0e-5);
  }
}
