package org.nb201.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * get_cost_info and get_latency on the real costs and times of arch 0 (NATS-Bench
 * {@code NATS-tss-v1_0-3ffb9-simple/000000.pickle.pbz2}; see docs/benchmark-data.md#latency and
 * docs/search-space.md#flops-and-params).
 */
class CostAndLatencyTest extends SampleApiTest {

  @Test
  void costInfoHasFlopsParamsLatencyAndTimeTotals() throws Exception {
    CostInfo c = api.getCostInfo(0, "cifar10-valid", 200);
    assertThat(c.values().keySet()).containsExactly("flops", "params", "latency", "T-train@epoch", "T-train@total",
        "T-x-valid@epoch", "T-x-valid@total", "T-ori-test@epoch", "T-ori-test@total");
    assertThat(c.get("flops")).isEqualTo(15.64737);
    assertThat(c.get("params")).isEqualTo(0.129306);
    assertThat(c.get("latency")).isEqualTo(0.01393598);
    assertThat(c.get("T-train@epoch")).isCloseTo(7.2211, within(1e-9));
    assertThat(c.get("T-train@total")).isCloseTo(1444.22, within(1e-9));
    assertThat(c.get("T-x-valid@epoch")).isCloseTo(2.5490, within(1e-9));
    assertThat(c.get("T-ori-test@total")).isCloseTo(203.92, within(1e-9));
    assertThat(c.notes()).isEmpty();
    CostInfo in16 = api.getCostInfo(0, "ImageNet16-120", 12);
    assertThat(in16.get("flops")).isEqualTo(3.91948);
    assertThat(in16.get("T-train@total")).isCloseTo(12 * 43.8176, within(1e-9));
    assertThat(in16.values()).containsKeys("T-x-valid@epoch", "T-x-test@epoch", "T-ori-test@epoch");
  }

  @Test
  void defaultHpIs12() throws Exception {
    assertThat(api.getCostInfo(0, "cifar10").hp()).isEqualTo(12);
    assertThat(api.getCostInfo(0, "cifar10").get("T-train@total")).isCloseTo(12 * 14.4422, within(1e-9));
  }

  @Test
  void unknownLatencyIsNaNInCostInfoAndAnErrorInGetLatency() throws Exception {
    CostInfo c = api.getCostInfo(11, "cifar10", 200);
    assertThat(c.get("flops")).isEqualTo(113.95137);
    assertThat(c.get("latency")).isNaN();
    assertThatThrownBy(() -> api.getLatency(11, "cifar10", 200)).isInstanceOf(MissingDataException.class)
        .hasMessage("latency of (index 11, cifar10) is unknown in this store");
    assertThat(api.getLatency(0, "cifar100", 200)).isEqualTo(0.013183);
    assertThat(api.getLatency(0, "cifar100")).isEqualTo(0.013183);
  }

  @Test
  void missingCostsAndTrialsAreReported() throws Exception {
    assertThatThrownBy(() -> api.getCostInfo(5, "cifar10", 200)).isInstanceOf(MissingDataException.class)
        .hasMessage("no costs and no trials for (index 5, cifar10, hp 200)");
    CostInfo noTrials = api.getCostInfo(11, "cifar10", 12);
    assertThat(noTrials.values().keySet()).containsExactly("flops", "params", "latency");
    assertThat(noTrials.notes()).containsExactly("no trials for (index 11, cifar10, hp 12): time keys omitted");
    CostInfo noCosts = api.getCostInfo(11, "cifar10", 200);
    assertThat(noCosts.notes()).isEmpty();
    assertThatThrownBy(() -> api.getLatency(5, "cifar10", 200))
        .hasMessage("no costs row for (index 5, cifar10), so its latency is unknown");
  }
}
