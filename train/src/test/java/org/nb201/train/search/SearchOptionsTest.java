package org.nb201.train.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nb201.space.Dataset;

class SearchOptionsTest {
  private static final Path DIR = Path.of("/data");

  @Test
  void defaultsAreTheOfficialConfigs() {
    // configs/nas-benchmark/algos/DARTS.config and GDAS.config; the scripts' Adam settings
    SearchSettings d = DartsV1.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).build().settings();
    assertThat(d.epochs()).isEqualTo(50);
    assertThat(d.batchSize()).isEqualTo(64);
    assertThat(d.lr()).isEqualTo(0.025);
    assertThat(d.lrMin()).isEqualTo(0.001);
    assertThat(d.momentum()).isEqualTo(0.9);
    assertThat(d.nesterov()).isTrue();
    assertThat(d.weightDecay()).isEqualTo(5e-4);
    assertThat(d.gradClip()).isEqualTo(5);
    assertThat(d.clipArchGradient()).isTrue();
    assertThat(d.archLr()).isEqualTo(3e-4);
    assertThat(d.archBeta1()).isEqualTo(0.5);
    assertThat(d.archBeta2()).isEqualTo(0.999);
    assertThat(d.archWeightDecay()).isEqualTo(1e-3);
    assertThat(d.bnTrack()).isFalse();
    assertThat(d.evaluateEachEpoch()).isTrue();
    assertThat(d.channels()).isEqualTo(16);
    assertThat(d.cells()).isEqualTo(5);
    Gdas.Options g = Gdas.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).build();
    assertThat(g.settings().epochs()).isEqualTo(240);
    assertThat(g.settings().evaluateEachEpoch()).isFalse();
    assertThat(g.tauMax()).isEqualTo(10);
    assertThat(g.tauMin()).isEqualTo(0.1);
    assertThat(DartsV2.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).build().r()).isEqualTo(0.01);
  }

  @Test
  void learningRateIsTheOfficialCosineWithFloorPerEpoch() {
    SearchSettings s = DartsV1.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).build().settings();
    assertThat(s.lrOf(0)).isEqualTo(0.025);
    assertThat(s.lrOf(25)).isCloseTo(0.013, within(1e-12)); // halfway: (0.025 + 0.001) / 2
    assertThat(s.lrOf(49)).isCloseTo(0.001 + 0.024 * (1 + Math.cos(Math.PI * 49 / 50)) / 2, within(1e-15));
    // ENAS's T_max = 10 < epochs: rises again after 10 epochs
    CosineAnnealing enas = new CosineAnnealing(0.05, 5e-4, 10, 250);
    assertThat(enas.lr(10)).isCloseTo(5e-4, within(1e-15));
    assertThat(enas.lr(20)).isCloseTo(0.05, within(1e-15));
  }

  @Test
  void gdasTemperatureFallsLinearly() {
    assertThat(Gdas.tau(10, 0.1, 0, 240)).isEqualTo(10);
    assertThat(Gdas.tau(10, 0.1, 239, 240)).isCloseTo(0.1, within(1e-12));
    assertThat(Gdas.tau(10, 0.1, 1, 4)).isCloseTo(10 - 9.9 / 3, within(1e-12));
  }

  @Test
  void descriptionRoundTripsThroughJsonAndBack() {
    MethodOptions o = SearchMethods.builder("gdas").setDataset(Dataset.FASHION_MNIST).setDataDir(DIR)
        .optEpochs(7).optShape(8, 1).optBnTrack(true).optSeed(5).optTrainLimit(300).optLearningRate(0.05, 0.002)
        .set("tau_max", "5").set("memory_format", "contiguous").build();
    Map<String, Object> d = o.describe();
    assertThat(d).containsEntry("method", "gdas").containsEntry("epochs", 7).containsEntry("bn_track", 1)
        .containsEntry("tau_max", 5.0).containsEntry("memory_format", "contiguous");
    Map<String, Object> json = new Gson().fromJson(new Gson().toJson(d),
        new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
    MethodOptions back = SearchMethods.fromDescription(json);
    assertThat(back).isEqualTo(o);
    assertThat(back.describe()).isEqualTo(d);
  }

  @Test
  void samplingMethodsDefaultToTheirOfficialConfigs() {
    // configs/nas-benchmark/algos/RANDOM.config, SETN.config, ENAS.config and the scripts' arguments
    Rsps.Options r = Rsps.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).build();
    assertThat(r.settings().epochs()).isEqualTo(250);
    assertThat(r.settings().gradClip()).isEqualTo(5);
    assertThat(r.settings().batchSize()).isEqualTo(64);
    assertThat(r.selectNum()).isEqualTo(100);
    assertThat(r.selectBatch()).isEqualTo(512);
    Setn.Options s = Setn.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).build();
    assertThat(s.settings().epochs()).isEqualTo(250);
    assertThat(s.settings().gradClip()).isZero();
    assertThat(s.settings().archLr()).isEqualTo(3e-4);
    assertThat(s.settings().archBeta1()).isEqualTo(0.5);
    assertThat(s.settings().archWeightDecay()).isEqualTo(1e-3);
    assertThat(s.selectNum()).isEqualTo(100);
    Enas.Options e = Enas.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).build();
    assertThat(e.settings().lr()).isEqualTo(0.05);
    assertThat(e.settings().lrMin()).isEqualTo(5e-4);
    assertThat(e.settings().gradClip()).isEqualTo(5);
    assertThat(e).extracting(Enas.Options::tMax, Enas.Options::lstmSize, Enas.Options::lstmLayers,
        Enas.Options::controllerSteps, Enas.Options::controllerAggregate, Enas.Options::epochSamples,
        Enas.Options::finalSamples).containsExactly(10, 32, 2, 50, 20, 10, 100);
    assertThat(e).extracting(Enas.Options::tanhConstant, Enas.Options::temperature, Enas.Options::entropyWeight,
        Enas.Options::baselineDecay, Enas.Options::controllerLr, Enas.Options::controllerBeta1,
        Enas.Options::controllerBeta2, Enas.Options::controllerEps, Enas.Options::controllerGradClip)
        .containsExactly(2.5, 5.0, 1e-4, 0.99, 1e-3, 0.0, 0.999, 1e-3, 5.0);
    for (String method : List.of(Rsps.NAME, Setn.NAME, Enas.NAME)) {
      MethodOptions o = SearchMethods.builder(method).setDataset(Dataset.FASHION_MNIST).setDataDir(DIR).optEpochs(3)
          .build();
      Map<String, Object> json = new Gson().fromJson(new Gson().toJson(o.describe()),
          new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
      assertThat(SearchMethods.fromDescription(json)).as(method).isEqualTo(o);
    }
    assertThatThrownBy(() -> SearchMethods.builder("setn").setDataset(Dataset.FASHION_MNIST).setDataDir(DIR)
        .set("select_num", "0").build()).hasMessage("SETN needs select_num in 1..15625 and select_batch >= 1, got 0"
        + " and 512");
    assertThatThrownBy(() -> SearchMethods.builder("enas").set("ctl_num_aggregate", "x"))
        .hasMessage("ctl_num_aggregate: expected an integer, got 'x'");
  }

  @Test
  void badSettingsAreOneLineErrors() {
    assertThatThrownBy(() -> SearchMethods.builder("enas-v9"))
        .hasMessage("unknown search method 'enas-v9'; expected one of rsps, darts-v1, darts-v2, gdas, setn, enas");
    assertThatThrownBy(() -> DartsV1.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).optEpochs(0).build())
        .hasMessage("epochs must be >= 1, got 0");
    assertThatThrownBy(() -> DartsV1.builder().set("epochs", "ten"))
        .hasMessage("epochs: expected an integer, got 'ten'");
    assertThatThrownBy(() -> DartsV1.builder().set("bn_track", "2")).hasMessage("bn_track: expected 0 or 1, got '2'");
    assertThatThrownBy(() -> DartsV1.builder().set("tau_max", "3")).hasMessage("unknown search setting 'tau_max'");
    assertThatThrownBy(() -> DartsV1.builder().set("dataset", "mnist"))
        .hasMessageStartingWith("unknown dataset 'mnist'");
    assertThatThrownBy(() -> Gdas.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).optTau(1, 2).build())
        .hasMessage("GDAS needs 0 < tau_min <= tau_max, got tau_max=1.0 tau_min=2.0");
    assertThatThrownBy(() -> DartsV1.builder().setDataset(Dataset.CIFAR10_VALID).setDataDir(DIR).optBatchSize(0)
        .build()).hasMessage("batch size must be >= 1, got 0");
    assertThatThrownBy(() -> DartsV1.builder().setDataDir(DIR).build())
        .hasMessage("a search needs a dataset and a data directory");
  }
}
