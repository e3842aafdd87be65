package org.nb201.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.Arch;
import org.nb201.space.CostModel;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.data.TrainingData;

class TrainerTest {
  private static final Arch RESNET = SearchSpace.official().resolve("11472");

  @TempDir Path tmp;

  private static TrainConfig.Builder fashion(Path dir) {
    return TrainConfig.builder().setArch(RESNET).setDataset(Dataset.FASHION_MNIST).setDataDir(dir)
        .optShape(8, 1).optEpochs(2).optSeed(777).optTrainLimit(512).optEvalLimit(256).optBatchSize(64);
  }

  @Test
  void learnsOnRealFashionMnist() throws Exception {
    // 1,024 images: after two epochs both evaluation sets are at 45-55 % (512 images: about 20 %)
    // two threads asked for explicitly: an earlier test in this JVM may have left the engine at one
    TrainConfig c = fashion(TestData.fashion()).optTrainLimit(1024).optThreads(2).build();
    TrialResult r = Trainer.train(c, TrainListener.NONE);
    assertThat(r.epochs()).hasSize(2);
    EpochResult first = r.epochs().get(0);
    EpochResult last = r.epochs().get(1);
    assertThat(first.lr()).isEqualTo(0.1);
    assertThat(last.lr()).isEqualTo(new CosineSchedule(0.1, 2).lr(1));
    assertThat(last.trainLoss()).isLessThan(first.trainLoss());
    assertThat(last.trainTop1()).isGreaterThan(20);
    assertThat(last.eval(Split.X_VALID).top1()).isGreaterThan(20);
    assertThat(last.eval(Split.X_TEST).top1()).isGreaterThan(20);
    for (EpochResult e : r.epochs()) {
      assertThat(e.evals()).extracting(EvalResult::split).containsExactly(Split.X_VALID, Split.X_TEST);
      assertThat(e.evals()).extracting(EvalResult::images).containsExactly(256, 256);
      assertThat(e.trainTime()).isPositive();
      assertThat(e.trainTop5()).isBetween(e.trainTop1(), 100.0);
      assertThat(e.trainLoss()).isFinite();
    }
    assertThat(r.flops()).isEqualTo(CostModel.cost(RESNET, c.shape()).flops());
    assertThat(r.params()).isEqualTo(CostModel.cost(RESNET, c.shape()).params());
    assertThat(r.archIndex()).isEqualTo(11472);
    assertThat(r.latency()).isPositive();
    assertThat(r.provenance().engine().engine()).isEqualTo("PyTorch");
    assertThat(r.provenance().engine().threads()).isEqualTo(2);
    assertThat(r.provenance().input(Input.DATA).checksum()).hasSize(32);
    Map<String, Double> info = r.moreInfo(1);
    assertThat(info.keySet()).containsExactly("train-loss", "train-accuracy", "train-per-time", "train-all-time",
        "valid-loss", "valid-accuracy", "valid-per-time", "valid-all-time",
        "test-loss", "test-accuracy", "test-per-time", "test-all-time");
    assertThat(info.get("train-all-time")).isEqualTo(first.trainTime() + last.trainTime());
  }

  @Test
  void sameSeedGivesIdenticalRecordsExceptTimes() throws Exception {
    TrainingData data = TrainingData.load(Dataset.FASHION_MNIST, TestData.fashion(), null, false);
    TrainConfig c = fashion(TestData.fashion()).optShape(4, 1).optTrainLimit(256).optEvalLimit(128).build();
    List<String> a = withoutTimes(Trainer.train(c, data, TrainListener.NONE));
    List<String> b = withoutTimes(Trainer.train(c, data, TrainListener.NONE));
    assertThat(b).isEqualTo(a);
    List<String> other = withoutTimes(Trainer.train(c.toBuilder().optSeed(778).build(), data, TrainListener.NONE));
    assertThat(other).isNotEqualTo(a);
  }

  @Test
  void channelsLastAndContiguousLayoutsAgreeToFloatRounding() throws Exception {
    TrainingData data = TrainingData.load(Dataset.FASHION_MNIST, TestData.fashion(), null, false);
    // C16: all layers wider than the narrow-norm detour, so the channels-last kernels really run
    TrainConfig c = fashion(TestData.fashion()).optShape(16, 1).optTrainLimit(256).optEvalLimit(128).build();
    assertThat(c.channelsLast()).isTrue();
    TrialResult last = Trainer.train(c, data, TrainListener.NONE);
    TrialResult plain = Trainer.train(c.toBuilder().optChannelsLast(false).build(), data, TrainListener.NONE);
    assertThat(last.config().describe()).containsEntry("memory_format", "channels_last");
    assertThat(plain.config().describe()).containsEntry("memory_format", "contiguous");
    for (int e = 0; e < 2; e++) {
      EpochResult a = last.epochs().get(e);
      EpochResult b = plain.epochs().get(e);
      // same data order, augmentation and initial weights; convolutions sum in another order
      assertThat(a.trainLoss()).isCloseTo(b.trainLoss(), Percentage.withPercentage(0.5));
      assertThat(a.eval(Split.X_TEST).loss()).isCloseTo(b.eval(Split.X_TEST).loss(),
          Percentage.withPercentage(1));
    }
    // other kernels sum in another order: equal to rounding, not bit for bit
    assertThat(withoutTimes(last)).isNotEqualTo(withoutTimes(plain));
  }

  @Test
  void provenanceNamesTheNativeHeapSettings() throws Exception {
    TrainingData data = TrainingData.load(Dataset.FASHION_MNIST, TestData.fashion(), null, false);
    TrainConfig c = fashion(TestData.fashion()).optShape(2, 1).optEpochs(1).optTrainLimit(64).optEvalLimit(64).build();
    Provenance p = Trainer.train(c, data, TrainListener.NONE).provenance();
    assertThat(p.engine().toMap()).containsEntry("native_heap", NativeHeap.tune());
    if (Platform.isLinux() && !"default".equals(System.getProperty("nb201.malloc"))) {
      assertThat(p.engine().nativeHeap()).startsWith("glibc 2.").contains("mmap_threshold=32MiB");
    }
  }

  private static List<String> withoutTimes(TrialResult r) {
    return r.epochs().stream()
        .map(e -> e.epoch() + " " + e.lr() + " " + e.trainLoss() + " " + e.trainTop1() + " " + e.trainTop5() + " "
            + e.evals().stream().map(v -> v.split() + " " + v.loss() + " " + v.top1() + " " + v.top5()).toList())
        .toList();
  }

  @Test
  void trainsOnTheCifarFixtures() throws Exception {
    Path dir = TestData.cifarFixture("cifar10-python-sample.zip", tmp);
    TrainConfig c = TrainConfig.builder().setArch(RESNET).setDataset(Dataset.CIFAR10).setDataDir(dir)
        .optShape(4, 1).optEpochs(2).optVerifyData(false).build();
    TrialResult r = Trainer.train(c, TrainListener.NONE);
    assertThat(r.epochs()).hasSize(2);
    for (EpochResult e : r.epochs()) {
      assertThat(e.trainLoss()).isFinite().isPositive();
      assertThat(e.trainTop1()).isBetween(0.0, 100.0);
      assertThat(e.evals()).extracting(EvalResult::split).containsExactly(Split.ORI_TEST);
      assertThat(e.eval(Split.ORI_TEST).images()).isEqualTo(2);
    }
    assertThat(r.moreInfo(1)).containsKeys("test-accuracy", "test-loss", "test-all-time");
    assertThat(r.params()).isEqualTo(CostModel.cost(RESNET, c.shape()).params());
  }
}
