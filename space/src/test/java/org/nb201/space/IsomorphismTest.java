package org.nb201.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Unique classes and validity: the official {@code Structure.to_unique_str} / {@code check_valid} counts
 * (AutoDL-Projects {@code genotypes.py}; NATS-Bench {@code tests/api_test.py::test_12_th_issue} asserts 6,466);
 * see docs/search-space.md#isomorphism.
 */
class IsomorphismTest {
  private final SearchSpace space = SearchSpace.official();

  @Test
  void classCountsMatchTheOfficialModes() {
    assertThat(space.classCount(Isomorphism.NONE)).isEqualTo(15_625);
    assertThat(space.classCount(Isomorphism.IGNORE_ZERO)).isEqualTo(12_751);
    assertThat(space.classCount(Isomorphism.OFFICIAL)).isEqualTo(6_466);
    for (Isomorphism mode : Isomorphism.values()) {
      assertThat(space.classCount(mode)).isEqualTo(mode.classCount());
    }
  }

  @Test
  void distinctKeysEqualClassCount() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < space.size(); i++) {
      keys.add(space.arch(i).uniqueString(Isomorphism.OFFICIAL));
    }
    assertThat(keys).hasSize(6_466);
  }

  @Test
  void representativeIsTheSmallestIndexOfItsClassAndSizesAddUp() {
    int total = 0;
    for (int i = 0; i < space.size(); i++) {
      int rep = space.uniqueClass(i, Isomorphism.OFFICIAL);
      assertThat(rep).isLessThanOrEqualTo(i);
      assertThat(space.arch(rep).uniqueString(Isomorphism.OFFICIAL))
          .isEqualTo(space.arch(i).uniqueString(Isomorphism.OFFICIAL));
      if (rep == i) {
        total += space.classSize(i, Isomorphism.OFFICIAL);
      }
    }
    assertThat(total).isEqualTo(Arch.COUNT);
  }

  @Test
  void officialQuirkKeepsAllZeroNodeTwoAsHashPlusHash() {
    // node 1 gets "#"; node 2 with two zero inputs gets "#+#", which is not "#" downstream
    Arch a = Arch.of(Op.NONE, Op.NONE, Op.NONE, Op.NONE, Op.NONE, Op.NOR_CONV_3X3);
    assertThat(a.uniqueString(Isomorphism.OFFICIAL)).isEqualTo("#+#+(#+#)@nor_conv_3x3");
    assertThat(Arch.uniform(Op.NONE).uniqueString(Isomorphism.OFFICIAL)).isEqualTo("#+#+#");
  }

  @Test
  void skipConnectionsCollapseInTheOfficialKey() {
    Arch resnet = space.arch(11472);
    assertThat(resnet.uniqueString(Isomorphism.OFFICIAL)).isEqualTo("#+#+((0)@nor_conv_3x3)@nor_conv_3x3+0");
    assertThat(resnet.uniqueString(Isomorphism.NONE))
        .isEqualTo("(((0)@nor_conv_3x3)@nor_conv_3x3+(0)@none)@skip_connect+((0)@nor_conv_3x3)@none+(0)@skip_connect");
  }

  @Test
  void validCellsHaveAnInputToOutputPath() {
    int valid = 0;
    for (int i = 0; i < space.size(); i++) {
      if (space.arch(i).isValid()) {
        valid++;
      }
    }
    assertThat(valid).isEqualTo(15_284);
    assertThat(Arch.uniform(Op.NONE).isValid()).isFalse();
    // only 3<-0 is non-zero: a direct path
    assertThat(Arch.of(Op.NONE, Op.NONE, Op.NONE, Op.SKIP_CONNECT, Op.NONE, Op.NONE).isValid()).isTrue();
    // 2<-1 and 3<-2 set but 1<-0 zero: node 1 unreachable
    assertThat(Arch.of(Op.NONE, Op.NONE, Op.NOR_CONV_3X3, Op.NONE, Op.NONE, Op.NOR_CONV_3X3).isValid()).isFalse();
  }

  @Test
  void neighboursDifferInExactlyOneEdge() {
    for (int i : new int[] {0, 1651, 11472, 15624}) {
      Arch a = space.arch(i);
      assertThat(a.neighbours()).hasSize(24).doesNotHaveDuplicates().doesNotContain(a);
      for (Arch n : a.neighbours()) {
        int diff = 0;
        for (int e = 0; e < Arch.EDGES; e++) {
          if (n.op(e) != a.op(e)) {
            diff++;
          }
        }
        assertThat(diff).isEqualTo(1);
      }
    }
  }
}
