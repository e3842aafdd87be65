package org.nb201.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.Dataset;
import org.nb201.space.Split;
import org.nb201.train.TestData;

class SplitsTest {
  @TempDir Path tmp;

  @Test
  void readsTheOfficialCifarSplit() throws Exception {
    SplitFile s = SplitFile.read(TestData.splits().resolve(SplitFile.CIFAR10), true);
    int[] train = s.get("train");
    int[] valid = s.get("valid");
    assertThat(train).hasSize(25_000);
    assertThat(valid).hasSize(25_000);
    assertThat(train[10]).isEqualTo(26);
    assertThat(train[111]).isEqualTo(203);
    assertThat(valid[10]).isEqualTo(18);
    assertThat(valid[111]).isEqualTo(242);
  }

  @Test
  void readsTheTestSplits() throws Exception {
    SplitFile c100 = SplitFile.read(TestData.splits().resolve(SplitFile.CIFAR100_TEST), true);
    assertThat(c100.get("xvalid")).hasSize(5000).startsWith(1, 3, 4, 5, 8);
    assertThat(c100.get("xtest")).hasSize(5000).startsWith(0, 2, 6, 7, 9);
    SplitFile in16 = SplitFile.read(TestData.splits().resolve(SplitFile.IMAGENET16_TEST), true);
    assertThat(in16.get("xvalid")).hasSize(3000).startsWith(1, 2, 3, 6, 7);
  }

  @Test
  void rejectsAModifiedOrMalformedSplitFile() throws Exception {
    Path f = tmp.resolve(SplitFile.CIFAR10);
    Files.writeString(f, "{\"train\": [\"int\", [\"0\", \"5\"]], \"valid\": [\"int\", [\"1\"]]}");
    assertThatThrownBy(() -> SplitFile.read(f, true)).isInstanceOf(DataException.class)
        .hasMessageContaining("wrong MD5");
    assertThat(SplitFile.read(f, false).get("train")).containsExactly(0, 5);
    Files.writeString(f, "{\"train\": [\"int\", [\"0\", ");
    assertThatThrownBy(() -> SplitFile.read(f, false)).hasMessageContaining("malformed split file");
  }

  @Test
  void splitIndicesBeyondTheDataAreAClearError() throws Exception {
    Path dir = TestData.cifarFixture("cifar100-python-sample.zip", tmp);
    assertThatThrownBy(() -> TrainingData.load(Dataset.CIFAR100, dir, TestData.splits(), false))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("cifar100-test-split.txt: index")
        .hasMessageContaining("out of range for 5 images");
  }

  @Test
  void fashionSplitIsFixedDisjointAndComplete() {
    int[][] s = TrainingData.fashionSplit();
    assertThat(s[0]).hasSize(50_000).isSorted();
    assertThat(s[1]).hasSize(10_000).isSorted();
    boolean[] seen = new boolean[60_000];
    for (int[] part : s) {
      for (int i : part) {
        assertThat(seen[i]).isFalse();
        seen[i] = true;
      }
    }
    assertThat(TrainingData.fashionSplit()[1]).containsExactly(s[1]);
  }

  @Test
  void loadsRealFashionMnist() throws Exception {
    TrainingData d = TrainingData.load(Dataset.FASHION_MNIST, TestData.fashion(), null, true);
    assertThat(d.train().size()).isEqualTo(50_000);
    assertThat(d.evals().keySet()).containsExactly(Split.X_VALID, Split.X_TEST);
    assertThat(d.evals().get(Split.X_TEST).size()).isEqualTo(10_000);
  }
}
