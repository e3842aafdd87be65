package org.nb201.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nb201.space.Dataset;
import org.nb201.space.NetworkShape;
import org.nb201.space.SearchSpace;

class TrainLimitsTest {
  private static final long GB = 1L << 30;
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private static TrainConfig.Builder config() {
    return TrainConfig.builder().setArch(SearchSpace.official().arch(1462)).setDataset(Dataset.CIFAR10)
        .setDataDir(Path.of("/nowhere"));
  }

  @Test
  void estimateCountsEveryLayerOutputOfABatchAndTheParameters() {
    // all nor_conv_3x3 at C16 N5 on CIFAR-10: 1,818,634 floats of layer outputs per image and 1,531,546
    // parameters (the official 1.531546 M), counted independently in Python
    TrainLimits.Estimate e = TrainLimits.estimate(SearchSpace.official().arch(1462), NetworkShape.of(Dataset.CIFAR10),
        256);
    assertThat(e).isEqualTo(new TrainLimits.Estimate(4L * 1_818_634 * 256, 16L * 1_531_546, 2L * 4 * 256 * (3072 + 10),
        512L << 20));
    assertThat(e.toString()).isEqualTo("2.3 GB (activations of a batch 1.7 GB, parameters with gradients and momentum"
        + " 23 MB, batch buffers 6 MB, runtime and data 512 MB)");
  }

  @Test
  void refusesWhatCannotFitInTheMachinesMemory() {
    NetworkShape bench = NetworkShape.of(Dataset.CIFAR10);
    TrainLimits.checkMemory(SearchSpace.official().arch(1462), bench, 4096, 1, 64 * GB);
    assertThatThrownBy(() -> TrainLimits.checkMemory(SearchSpace.official().arch(1462), bench, 4096, 1, 16 * GB))
        .hasMessage("training cell " + SearchSpace.official().arch(1462) + " at C16 N5 with --batch-size 4096 needs"
            + " about 28.4 GB (activations of a batch 27.8 GB, parameters with gradients and momentum 23 MB, batch"
            + " buffers 96 MB, runtime and data 512 MB) but this machine has 16.0 GB; use a smaller --batch-size, --C"
            + " or --N");
    TrainConfig small = config().optShape(8, 1).optBatchSize(64).build();
    long one = TrainLimits.estimate(small.arch(), small.shape(), 64).total();
    TrainLimits.checkMemory(small, 4, 4 * one);
    assertThatThrownBy(() -> TrainLimits.checkMemory(small, 4, 3 * one)).hasMessageContaining(" per process, ")
        .hasMessageContaining(" for 4 processes,");
    // a GPU's memory is not known here: not checked
    TrainLimits.checkMemory(config().optShape(8, 1).optDevice(TrainConfig.Device.GPU).build(), 1, 1);
  }

  @Test
  void aNetworkTooLargeForThisMachineIsRefusedBeforeAnythingIsBuilt() {
    // 1000 cells per stage, batches of 65,536: about 83,000 GB, more than any machine has
    assertThatThrownBy(() -> config().optShape(16, 1000).optBatchSize(65_536).build())
        .hasMessageStartingWith("training cell ").hasMessageContaining("C16 N1000 with --batch-size 65536 needs about")
        .hasMessageContaining("but this machine has");
  }

  @Test
  void boundsNameTheOption() {
    assertThatThrownBy(() -> config().optBatchSize(1_000_000).build())
        .hasMessage("--batch-size must be in 1..65536, got 1000000");
    assertThatThrownBy(() -> config().optShape(100_000, 5).build()).hasMessage("--C must be in 1..4096, got 100000");
    assertThatThrownBy(() -> config().optShape(16, 100_000).build()).hasMessage("--N must be in 0..1000, got 100000");
    assertThatThrownBy(() -> config().optThreads(100_000).build()).hasMessage("--threads must be in 0.." + 4 * CORES
        + " (4 x the " + CORES + " available processors), got 100000");
    assertThatThrownBy(() -> config().optEpochs(0).build()).hasMessage("--hp (epochs) must be >= 1, got 0");
    assertThat(config().optThreads(4 * CORES).build().threads()).isEqualTo(4 * CORES);
  }
}
