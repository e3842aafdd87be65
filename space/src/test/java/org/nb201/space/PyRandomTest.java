package org.nb201.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * CPython {@code random} compatibility: the vectors of docs/search-space.md#cpython-random-in-detail, the split
 * asserted by AutoDL-Projects {@code exps/NAS-Bench-201/main.py::generate_meta_info} and CPython 3.11 itself.
 */
class PyRandomTest {
  @Test
  void firstMt19937OutputsForSeed88MatchTheDocs() {
    PyRandom r = new PyRandom(88);
    long[] got = IntStream.range(0, 5).mapToLong(i -> r.nextUint32()).toArray();
    assertThat(got).containsExactly(1707201716L, 4182107318L, 813946014L, 1429399738L, 3875947387L);
  }

  @Test
  void firstShuffleSwapTargetsMatchTheDocs() {
    PyRandom r = new PyRandom(88);
    int[] j = new int[5];
    for (int k = 0; k < 5; k++) {
      j[k] = r.randbelow(Arch.COUNT - k);
    }
    assertThat(j).containsExactly(6512, 3104, 5452, 14785, 3030);
  }

  @Test
  void randomMatchesCpython() {
    // CPython 3.11: random.seed(88); [random.random() for _ in range(3)]
    PyRandom r = new PyRandom(88);
    assertThat(r.random()).isEqualTo(0.3974888769814575);
    assertThat(r.random()).isEqualTo(0.18951156983381545);
    assertThat(r.random()).isEqualTo(0.9024393199755313);
  }

  @Test
  void seedsWiderThan32BitsUseTwoKeyWords() {
    // CPython 3.11: random.seed(2**40+7); [random.getrandbits(32) for _ in range(3)]
    PyRandom r = new PyRandom((1L << 40) + 7);
    assertThat(new long[] {r.getrandbits(32), r.getrandbits(32), r.getrandbits(32)})
        .containsExactly(2635837658L, 3209733218L, 3500038837L);
  }

  @Test
  void randintMatchesCpython() {
    // CPython 3.11: random.seed(5); [random.randint(1, 100000) for _ in range(3)]
    PyRandom r = new PyRandom(5);
    assertThat(new int[] {r.randint(1, 100000), r.randint(1, 100000), r.randint(1, 100000)})
        .containsExactly(81645, 33482, 97228);
  }

  @Test
  void cifarSplitIsReproducedFromSeed1021() {
    // AutoDL-Projects exps/NAS-Bench-201/main.py::generate_meta_info asserts train[10]=26, train[111]=203,
    // valid[10]=18, valid[111]=242 (docs/datasets-and-splits.md#regenerating-the-cifar-10-split)
    int[] x = IntStream.range(0, 50000).toArray();
    new PyRandom(1021).shuffle(x);
    int[] train = Arrays.copyOfRange(x, 0, 25000);
    int[] valid = Arrays.copyOfRange(x, 25000, 50000);
    Arrays.sort(train);
    Arrays.sort(valid);
    assertThat(new int[] {train[10], train[111], valid[10], valid[111]}).containsExactly(26, 203, 18, 242);
  }

  @Test
  void rejectsBadArguments() {
    PyRandom r = new PyRandom(1);
    assertThatThrownBy(() -> r.randbelow(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.getrandbits(33)).isInstanceOf(IllegalArgumentException.class);
  }
}
