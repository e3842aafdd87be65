package org.nb201.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nb201.space.algorithm.AlgorithmOption;
import org.nb201.space.algorithm.AlgorithmProvider;
import org.nb201.space.algorithm.Algorithms;
import org.nb201.space.algorithm.Needs;

/** The four benchmark-driven algorithms in the registry: names, official defaults, option parsing and validation. */
class AlgorithmRegistryTest {
  @Test
  void findsTheFourBenchmarkDrivenAlgorithmsByName() {
    // the training-free search registers too (it needs a store with scores, not a plain one)
    assertThat(Algorithms.names()).containsExactly("rs", "rea", "reinforce", "bohb", "proxy");
    assertThat(Algorithms.byName("proxy").needs()).isEqualTo(Needs.STORE_WITH_SCORES);
    assertThat(BenchmarkAlgorithmProvider.all()).extracting(AlgorithmProvider::name)
        .containsExactly("rs", "rea", "reinforce", "bohb");
    for (String name : List.of("rs", "rea", "reinforce", "bohb")) {
      BenchmarkAlgorithmProvider p = BenchmarkAlgorithmProvider.byName(name);
      assertThat(p.name()).isEqualTo(name);
      assertThat(p.needs()).isEqualTo(Needs.STORE);
      assertThat(p.description()).isNotBlank().doesNotContain("\n");
      assertThat(p.defaults().algorithm()).isEqualTo(name);
    }
  }

  @Test
  void unknownNameIsOneLineListingTheKnownOnes() {
    assertThatThrownBy(() -> Algorithms.byName("evolution")).hasMessage(
        "unknown search algorithm 'evolution'; expected one of rs, rea, reinforce, bohb, proxy");
    assertThatThrownBy(() -> BenchmarkAlgorithmProvider.byName("evolution")).hasMessage(
        "unknown search algorithm 'evolution'; expected one of rs, rea, reinforce, bohb, proxy");
  }

  @Test
  void defaultsAreTheOfficialSettings() {
    assertThat(RandomSearchOptions.defaults().describe()).isEmpty();
    assertThat(RegularizedEvolutionOptions.defaults()).isEqualTo(new RegularizedEvolutionOptions(10, 3));
    assertThat(ReinforceOptions.defaults()).isEqualTo(new ReinforceOptions(0.5, 0.9));
    assertThat(BohbOptions.defaults()).isEqualTo(new BohbOptions(3, 12, 200, 4, 0, 3, 0.3, 50));
    assertThat(BohbOptions.defaults().describe()).containsExactly(Map.entry("eta", 3.0),
        Map.entry("min_budget", 12.0), Map.entry("max_budget", 200.0), Map.entry("num_samples", 4),
        Map.entry("random_fraction", 0.0), Map.entry("bandwidth_factor", 3.0), Map.entry("min_bandwidth", 0.3),
        Map.entry("iterations", 50));
    for (BenchmarkAlgorithmProvider p : BenchmarkAlgorithmProvider.all()) {
      assertThat(p.parse(Map.of())).isEqualTo(p.defaults());
    }
  }

  @Test
  void everyOptionIsRecordedWithItsTypeSoFrontEndsCanShowTheDefault() {
    for (BenchmarkAlgorithmProvider p : BenchmarkAlgorithmProvider.all()) {
      Map<String, Object> described = p.defaults().describe();
      for (AlgorithmOption o : p.options()) {
        assertThat(described).as(p.name() + " " + o.key()).containsKey(o.key());
        assertThat(described.get(o.key())).as(p.name() + " " + o.key()).isInstanceOf(o.type());
      }
    }
  }

  @Test
  void buildValidatesAndNamesTheOption() {
    assertThatThrownBy(() -> ReinforceOptions.builder().optLearningRate(0).build())
        .hasMessage("--lr must be > 0, got 0.0");
    assertThatThrownBy(() -> ReinforceOptions.builder().optEmaMomentum(1).build())
        .hasMessage("--ema-momentum must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> RegularizedEvolutionOptions.builder().optPopulation(0).build())
        .hasMessage("--population must be >= 1, got 0");
    assertThatThrownBy(() -> RegularizedEvolutionOptions.builder().optSampleSize(0).build())
        .hasMessage("--sample-size must be >= 1, got 0");
    assertThatThrownBy(() -> BohbOptions.builder().optEta(1).build()).hasMessage("--eta must be a number > 1, got 1.0");
    assertThatThrownBy(() -> BohbOptions.builder().optMaxBudget(10).build())
        .hasMessage("--max-budget must be a number >= --min-budget (12.0), got 10.0");
    assertThatThrownBy(() -> BohbOptions.builder().optNumSamples(0).build()).hasMessageStartingWith("--num-samples");
    assertThatThrownBy(() -> BohbOptions.builder().optRandomFraction(1.5).build())
        .hasMessageStartingWith("--random-fraction");
    assertThatThrownBy(() -> BohbOptions.builder().optMinBandwidth(-0.1).build())
        .hasMessageStartingWith("--min-bandwidth");
    assertThatThrownBy(() -> BohbOptions.builder().optIterations(0).build())
        .hasMessage("--iterations must be >= 1, got 0");
  }

  @Test
  void parseReadsTheValuesAndRejectsUnknownOrUnreadableOnes() {
    assertThat(BenchmarkAlgorithmProvider.byName("reinforce").parse(Map.of("lr", "0.02")))
        .isEqualTo(new ReinforceOptions(0.02, 0.9));
    assertThat(BenchmarkAlgorithmProvider.byName("bohb").parse(Map.of("iterations", "7", "min_bandwidth", "0.5")))
        .isEqualTo(new BohbOptions(3, 12, 200, 4, 0, 3, 0.5, 7));
    assertThatThrownBy(() -> BenchmarkAlgorithmProvider.byName("rea").parse(Map.of("population", "ten")))
        .hasMessage("--population must be an integer, got 'ten'");
    assertThatThrownBy(() -> BenchmarkAlgorithmProvider.byName("reinforce").parse(Map.of("lr", "fast")))
        .hasMessage("--lr must be a number, got 'fast'");
    assertThatThrownBy(() -> BenchmarkAlgorithmProvider.byName("rea").parse(Map.of("lr", "0.1")))
        .hasMessage("rea has no option 'lr'; its options are population, sample_size");
    assertThatThrownBy(() -> BenchmarkAlgorithmProvider.byName("rs").parse(Map.of("lr", "0.1")))
        .hasMessage("rs has no option 'lr'; it has none");
  }

  @Test
  void optionsReachTheRuns() {
    TableOracle oracle = SyntheticOracles.full(90);
    assertThat(curve(RegularizedEvolutionOptions.builder().optPopulation(3).build()))
        .isNotEqualTo(curve(RegularizedEvolutionOptions.defaults()));
    assertThat(curve(ReinforceOptions.builder().optEmaMomentum(0.5).build()))
        .isNotEqualTo(curve(ReinforceOptions.defaults()));
    // one Hyperband iteration runs out of cells to propose long before 133 evaluations
    SearchConfig one = SearchConfig.builder(BohbOptions.builder().optIterations(1).build()).optRuns(1).build();
    assertThat(SearchRunner.runAll(one, oracle).get(0).evaluated()).isLessThan(133);
  }

  @Test
  void bohbRandomFractionOneNeverConsultsTheModel() {
    // with a model in use the kernel's minimum bandwidth changes the proposals; with random_fraction 1 it cannot
    BohbOptions.Builder model = BohbOptions.builder();
    assertThat(curve(model.optMinBandwidth(0.9).build())).isNotEqualTo(curve(model.optMinBandwidth(0.3).build()));
    BohbOptions.Builder random = BohbOptions.builder().optRandomFraction(1);
    assertThat(curve(random.optMinBandwidth(0.9).build())).isEqualTo(curve(random.optMinBandwidth(0.3).build()));
    assertThat(curve(random.build())).isNotEqualTo(curve(model.build()));
  }

  private static List<CurvePoint> curve(BenchmarkAlgorithmOptions options) {
    SearchConfig c = SearchConfig.builder(options).optRuns(1).optSeed(4).optBudget(12_000).optKeepCurves(true).build();
    return SearchRunner.runAll(c, SyntheticOracles.full(90)).get(0).curve();
  }
}
