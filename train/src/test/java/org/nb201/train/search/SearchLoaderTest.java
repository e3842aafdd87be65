package org.nb201.train.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nb201.space.Dataset;
import org.nb201.space.Split;
import org.nb201.train.Engines;
import org.nb201.train.TestData;
import org.nb201.train.data.ImageSet;
import org.nb201.train.data.SearchData;
import org.nb201.train.data.TrainingData;

class SearchLoaderTest {
  private static final Engine ENGINE = Engines.pytorch(0);

  private static final int PIXELS = 64;

  /** n 1x8x8 images whose pixels are all {@code base + i}, label i % 10 (a crop of padding 4 keeps some). */
  private static ImageSet constant(int n, int base) {
    byte[] px = new byte[n * PIXELS];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(px, i * PIXELS, (i + 1) * PIXELS, (byte) (base + i));
      labels[i] = i % 10;
    }
    return new ImageSet(px, labels, 1, 8, 8, 10);
  }

  @Test
  void searchDataIsTheTrainingSetAndTheXValidHalf() throws Exception {
    TrainingData t = TrainingData.load(Dataset.FASHION_MNIST, TestData.fashion(), null, false);
    SearchData s = SearchData.of(t);
    assertThat(s.train().size()).isEqualTo(50_000);
    assertThat(s.valid()).isSameAs(t.evals().get(Split.X_VALID));
    assertThat(s.valid().size()).isEqualTo(10_000);
    assertThat(s.limit(300, 200).train().size()).isEqualTo(300);
    assertThatThrownBy(() -> SearchData.of(new TrainingData(Dataset.CIFAR10, constant(4, 0),
        Map.of(Split.ORI_TEST, constant(4, 0)), "x"))).hasMessageStartingWith("cifar10 trains on all 50k images")
        .hasMessageContaining("use cifar10-valid");
  }

  @Test
  void everyTrainingImageIsPairedWithAValidationImageDrawnWithReplacement() {
    // training pixels 1..40, validation pixels 101..112: a batch's images tell which they are
    SearchData d = new SearchData(Dataset.FASHION_MNIST, constant(40, 1), constant(12, 101), "x");
    SearchLoader loader = new SearchLoader(d, 16, false);
    assertThat(loader.batches()).isEqualTo(3);
    SearchRandom rng = new SearchRandom(9);
    int[] order = loader.epochOrder(rng);
    Set<Integer> trained = new HashSet<>();
    Set<Integer> validSeen = new HashSet<>();
    int validDrawn = 0;
    boolean augmented = false;
    try (NDManager m = ENGINE.newBaseManager()) {
      for (int b = 0; b < loader.batches(); b++) {
        SearchLoader.Pair p = loader.load(m, order, b, rng);
        assertThat(p.valid().size()).isEqualTo(p.train().size());
        float[] t = p.train().images().toFloatArray();
        float[] v = p.valid().images().toFloatArray();
        for (int i = 0; i < p.train().size(); i++) {
          int ti = image(t, i) - 1;
          int vi = image(v, i) - 101;
          assertThat(ti).isBetween(0, 39);
          assertThat(vi).isBetween(0, 11);
          assertThat(p.train().labels()[i]).isEqualTo(ti % 10);
          assertThat(p.valid().labels()[i]).isEqualTo(vi % 10);
          trained.add(ti);
          validSeen.add(vi);
          validDrawn++;
          augmented |= hasPadding(v, i);
        }
      }
    }
    assertThat(trained).hasSize(40); // one pass over the training images
    assertThat(validDrawn).isEqualTo(40);
    assertThat(validSeen.size()).isLessThan(validDrawn); // 40 draws from 12 images repeat
    assertThat(augmented).as("validation images of the search get the training augmentation").isTrue();
  }

  @Test
  void evaluationSetHasNoAugmentationAndBatchLargerThanDataIsRefused() {
    SearchData d = new SearchData(Dataset.FASHION_MNIST, constant(40, 1), constant(12, 101), "x");
    SearchLoader loader = new SearchLoader(d, 8, false);
    assertThat(loader.validEval().size()).isEqualTo(12);
    try (NDManager m = ENGINE.newBaseManager()) {
      loader.validEval().forEach(m, org.nb201.train.BatchStream.inOrder(12), null, (b, batch) -> {
        float[] v = batch.images().toFloatArray();
        for (int i = 0; i < batch.size(); i++) {
          assertThat(hasPadding(v, i)).isFalse();
        }
      });
    }
    assertThatThrownBy(() -> new SearchLoader(d, 41, false))
        .hasMessage("batch size 41 is larger than the 40 training images");
  }

  /** The pixel value (0..255) of image i of a normalised fashion-mnist batch, from its non-padding pixels. */
  private static int image(float[] x, int i) {
    int best = -1;
    for (int k = 0; k < PIXELS; k++) {
      int v = Math.round(x[i * PIXELS + k] * 0.3530f * 255 + 0.2860f * 255);
      best = Math.max(best, v);
    }
    return best;
  }

  /** Whether image i has a zero-padded (black before normalisation) pixel from a crop shift. */
  private static boolean hasPadding(float[] x, int i) {
    for (int k = 0; k < PIXELS; k++) {
      if (Math.round(x[i * PIXELS + k] * 0.3530f * 255 + 0.2860f * 255) == 0) {
        return true;
      }
    }
    return false;
  }
}
