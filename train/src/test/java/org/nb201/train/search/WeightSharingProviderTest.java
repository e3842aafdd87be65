package org.nb201.train.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nb201.space.Dataset;
import org.nb201.space.algorithm.AlgorithmOption;
import org.nb201.space.algorithm.AlgorithmProvider;
import org.nb201.space.algorithm.Algorithms;
import org.nb201.space.algorithm.Needs;

/** The weight-sharing methods in the algorithm registry: every name of SearchMethods, official defaults. */
class WeightSharingProviderTest {
  @Test
  void everyMethodIsRegisteredAndNeedsDataAndASupernet() {
    assertThat(Algorithms.all().stream().filter(p -> p.needs() == Needs.DATA_AND_SUPERNET)
        .map(AlgorithmProvider::name)).containsExactlyElementsOf(SearchMethods.names());
    for (String name : SearchMethods.names()) {
      AlgorithmProvider p = Algorithms.byName(name);
      assertThat(p).isInstanceOf(WeightSharingProvider.class);
      assertThat(p.description()).isNotBlank().doesNotContain("\n");
    }
  }

  @Test
  void optionsAreTheMethodsOwnSettingsWithTheOfficialDefaults() {
    for (String name : SearchMethods.names()) {
      MethodOptions official = SearchMethods.builder(name).setDataset(Dataset.FASHION_MNIST).setDataDir(Path.of("x"))
          .build();
      AlgorithmProvider p = Algorithms.byName(name);
      assertThat(p.defaults().describe()).as(name).isEqualTo(official.own());
      for (AlgorithmOption o : p.options()) {
        assertThat(official.own().get(o.key())).as(name + " " + o.key()).isInstanceOf(o.type());
      }
    }
    assertThat(Algorithms.byName(Gdas.NAME).options()).extracting(AlgorithmOption::flag)
        .containsExactly("--tau-max", "--tau-min");
    assertThat(Algorithms.byName(DartsV2.NAME).options()).extracting(AlgorithmOption::flag).containsExactly("--hvp-r");
    assertThat(Algorithms.byName(DartsV1.NAME).options()).isEmpty();
  }

  @Test
  void givenValuesReachTheMethodsOptionsAndBadOnesAreNamed() {
    WeightSharingProvider.Options own = (WeightSharingProvider.Options) Algorithms.byName(Gdas.NAME)
        .parse(Map.of("tau_max", "5"));
    MethodOptions o = WeightSharingProvider.builder(own).setDataset(Dataset.FASHION_MNIST).setDataDir(Path.of("x"))
        .build();
    assertThat(o).isEqualTo(Gdas.builder().setDataset(Dataset.FASHION_MNIST).setDataDir(Path.of("x"))
        .optTau(5, 0.1).build());
    assertThatThrownBy(() -> Algorithms.byName(Gdas.NAME).parse(Map.of("tau_max", "hot")))
        .hasMessage("--tau-max must be a number, got 'hot'");
    assertThatThrownBy(() -> Algorithms.byName(DartsV1.NAME).parse(Map.of("tau_max", "5")))
        .hasMessage("darts-v1 has no option 'tau_max'; it has none");
  }
}
