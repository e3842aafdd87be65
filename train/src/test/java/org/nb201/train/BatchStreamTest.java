package org.nb201.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nb201.train.data.ImageSet;
import org.nb201.train.data.Normalization;

class BatchStreamTest {
  /** Five 1x2x2 images whose pixels encode (image, position); labels 0..2. */
  private static ImageSet images() {
    byte[] px = new byte[5 * 4];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (10 * (i / 4) + i % 4 + 1);
    }
    return new ImageSet(px, new int[] {0, 1, 2, 1, 0}, 1, 2, 2, 3);
  }

  private static final Normalization IDENTITY = new Normalization(new double[] {0}, new double[] {1 / 255.0});

  @Test
  void batchesCoverTheOrderWithThePartialLastBatchAndCloseEachScope() {
    BatchStream s = new BatchStream(images(), IDENTITY, 0, false, 2);
    assertThat(s.batches()).isEqualTo(3);
    int[] order = {4, 2, 0, 1, 3};
    List<NDArray> seen = new ArrayList<>();
    List<float[]> pixels = new ArrayList<>();
    List<int[]> labels = new ArrayList<>();
    try (NDManager root = Engine.getEngine("PyTorch").newBaseManager()) {
      s.forEach(root, order, null, (b, batch) -> {
        seen.add(batch.images());
        pixels.add(batch.images().toFloatArray());
        labels.add(batch.labels());
        float[] y = batch.targets().toFloatArray();
        for (int i = 0; i < batch.size(); i++) { // one-hot rows of the labels
          for (int k = 0; k < 3; k++) {
            assertThat(y[i * 3 + k]).isEqualTo(k == batch.labels()[i] ? 1f : 0f);
          }
        }
        assertThat(batch.images().getShape().getShape()).containsExactly(batch.size(), 1, 2, 2);
      });
    }
    assertThat(labels).containsExactly(new int[] {0, 2}, new int[] {0, 1}, new int[] {1});
    assertThat(pixels.get(0)).containsExactly(41, 42, 43, 44, 21, 22, 23, 24);
    assertThat(pixels.get(2)).containsExactly(31, 32, 33, 34);
    assertThat(seen).allMatch(NDArray::isReleased);
  }

  @Test
  void shuffleIsAFisherYatesPermutationOfTheSeededStream() {
    int[] a = BatchStream.shuffled(1000, new SplittableRandom(5));
    assertThat(a).containsExactlyInAnyOrder(BatchStream.inOrder(1000));
    assertThat(a).isEqualTo(BatchStream.shuffled(1000, new SplittableRandom(5)));
    // the draws Trainer always made: j = nextInt(i + 1) from the last position down
    SplittableRandom r = new SplittableRandom(5);
    int[] b = BatchStream.inOrder(1000);
    for (int i = 999; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
    assertThat(a).isEqualTo(b);
  }
}
