package org.nb201.generate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateOptionsTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @Test
  void workersAndThreadsAreBoundedByTheProcessors() {
    Path out = Path.of("out");
    new GenerateOptions(out, Shard.ALL, 4 * CORES, 4 * CORES, true, List.of());
    assertThatThrownBy(() -> new GenerateOptions(out, Shard.ALL, 100_000, 1, true, List.of()))
        .hasMessage("--workers must be in 1.." + 4 * CORES + " (4 x the " + CORES
            + " available processors), got 100000");
    assertThatThrownBy(() -> new GenerateOptions(out, Shard.ALL, 1, 100_000, true, List.of()))
        .hasMessage("--threads-per-worker must be in 1.." + 4 * CORES + " (4 x the " + CORES
            + " available processors), got 100000");
    assertThatThrownBy(() -> new GenerateOptions(out, Shard.ALL, 0, 1, true, List.of()))
        .hasMessageStartingWith("--workers must be in 1..");
  }
}
