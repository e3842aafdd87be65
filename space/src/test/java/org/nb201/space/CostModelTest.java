package org.nb201.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * FLOPs and params of the benchmark network against the official {@code get_model_infos} counts (AutoDL-Projects
 * {@code xautodl/utils/flop_benchmark.py}); see docs/search-space.md#closed-forms.
 */
class CostModelTest {
  private final SearchSpace space = SearchSpace.official();

  private Cost cost(int index, Dataset d) {
    return CostModel.cost(space.arch(index), d);
  }

  @Test
  void arch0MatchesTheStoredValuesOnThreeDatasets() {
    assertThat(cost(0, Dataset.CIFAR10)).isEqualTo(new Cost(15_647_370, 129_306));
    assertThat(cost(0, Dataset.CIFAR10_VALID)).isEqualTo(new Cost(15_647_370, 129_306));
    assertThat(cost(0, Dataset.CIFAR100)).isEqualTo(new Cost(15_653_220, 135_156));
    assertThat(cost(0, Dataset.IMAGENET16_120)).isEqualTo(new Cost(3_919_480, 136_456));
    assertThat(cost(0, Dataset.CIFAR10).mflopsText()).isEqualTo("15.64737");
    assertThat(cost(0, Dataset.CIFAR10).mparamsText()).isEqualTo("0.129306");
  }

  @Test
  void resnetCellMatchesTheStoredValuesOnThreeDatasets() {
    assertThat(cost(11472, Dataset.CIFAR10).mflopsText()).isEqualTo("78.56193");
    assertThat(cost(11472, Dataset.CIFAR10).mparamsText()).isEqualTo("0.559386");
    assertThat(cost(11472, Dataset.CIFAR100).mflopsText()).isEqualTo("78.56778");
    assertThat(cost(11472, Dataset.CIFAR100).mparamsText()).isEqualTo("0.565236");
    assertThat(cost(11472, Dataset.IMAGENET16_120).mflopsText()).isEqualTo("19.64812");
    assertThat(cost(11472, Dataset.IMAGENET16_120).mparamsText()).isEqualTo("0.566536");
  }

  @Test
  void otherDocsExamples() {
    assertThat(cost(11, Dataset.CIFAR10).mflopsText()).isEqualTo("113.95137");
    assertThat(cost(11, Dataset.CIFAR10).mparamsText()).isEqualTo("0.802426");
    assertThat(cost(284, Dataset.CIFAR10).mflopsText()).isEqualTo("11.71521");
    assertThat(cost(284, Dataset.CIFAR10).mparamsText()).isEqualTo("0.101306");
  }

  @Test
  void everyCellMatchesTheClosedForms() {
    for (int i = 0; i < space.size(); i++) {
      Arch a = space.arch(i);
      int n3 = a.count(Op.NOR_CONV_3X3);
      int n1 = a.count(Op.NOR_CONV_1X1);
      // closed forms of docs/search-space.md#closed-forms, in units of 1 (MFLOPs x 1e6)
      assertThat(cost(i, Dataset.CIFAR10)).isEqualTo(
          new Cost(7_783_050L + 35_389_440L * n3 + 3_932_160L * n1, 73_306L + 243_040L * n3 + 28_000L * n1));
      assertThat(cost(i, Dataset.CIFAR100)).isEqualTo(
          new Cost(7_788_900L + 35_389_440L * n3 + 3_932_160L * n1, 79_156L + 243_040L * n3 + 28_000L * n1));
      assertThat(cost(i, Dataset.IMAGENET16_120)).isEqualTo(
          new Cost(1_953_400L + 8_847_360L * n3 + 983_040L * n1, 80_456L + 243_040L * n3 + 28_000L * n1));
    }
  }

  @Test
  void rangeOnCifar10MatchesTheDocsAndTheLargestCellHasTheDjlMeasuredParamCount() {
    assertThat(CostModel.cost(Arch.uniform(Op.NONE), Dataset.CIFAR10).mflopsText()).isEqualTo("7.78305");
    Cost max = CostModel.cost(Arch.uniform(Op.NOR_CONV_3X3), Dataset.CIFAR10);
    assertThat(max.mflopsText()).isEqualTo("220.11969");
    assertThat(max.params()).isEqualTo(1_531_546);
  }

  @Test
  void smallNetworksGetTrueCostsToo() {
    // C=8, N=1, CIFAR-10 input, ResNet cell: hand count layer by layer
    NetworkShape s = new NetworkShape(8, 1, 3, 32, 32, 10);
    Cost c = CostModel.cost(space.arch(11472), s);
    long stem = 9L * 3 * 8 * 1024;
    long cell1 = 2 * 9L * 8 * 8 * 1024;
    long red1 = 9L * 8 * 16 * 256 + 9L * 16 * 16 * 256 + 8L * 16 * 256;
    long cell2 = 2 * 9L * 16 * 16 * 256;
    long red2 = 9L * 16 * 32 * 64 + 9L * 32 * 32 * 64 + 16L * 32 * 64;
    long cell3 = 2 * 9L * 32 * 32 * 64;
    long fc = 32 * 10 + 10;
    assertThat(c.flops()).isEqualTo(stem + cell1 + red1 + cell2 + red2 + cell3 + fc);
    long p = 9 * 3 * 8 + 16 + 2 * (9 * 64 + 16) + (9 * 8 * 16 + 32 + 9 * 256 + 32 + 128) + 2 * (9 * 256 + 32)
        + (9 * 16 * 32 + 64 + 9 * 1024 + 64 + 512) + 2 * (9 * 1024 + 64) + 64 + 330;
    assertThat(c.params()).isEqualTo(p);
    assertThat(CostModel.layers(space.arch(11472), s)).extracting(Layer::name).contains("stem.conv", "classifier");
  }

  @Test
  void fashionMnistReducesTwiceFrom28() {
    NetworkShape s = Dataset.FASHION_MNIST.network();
    assertThat(CostModel.layers(Arch.uniform(Op.NONE), s)).filteredOn(l -> l.name().equals("lastact.bn"))
        .singleElement().satisfies(l -> assertThat(l.outHeight()).isEqualTo(7));
  }

  @Test
  void rejectsSizesThatCannotBeReducedTwice() {
    assertThatThrownBy(() -> CostModel.cost(Arch.uniform(Op.NONE), new NetworkShape(16, 5, 3, 30, 30, 10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be reduced twice");
  }
}
