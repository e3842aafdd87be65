package org.nb201.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatcherTest {
  private static final int C = 2;
  private static final int H = 3;
  private static final int W = 4;

  /** Two images whose pixel value encodes (image, channel, y, x); identity-like normalisation. */
  private static ImageSet images() {
    byte[] px = new byte[2 * C * H * W];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (i + 1); // 1..48, 0 stays free for the zero padding
    }
    return new ImageSet(px, new int[] {3, 1}, C, H, W, 5);
  }

  /** mean 0, std 1/255: a pixel v becomes exactly v, padding 0. */
  private static Normalization identity() {
    return new Normalization(new double[] {0, 0}, new double[] {1 / 255.0, 1 / 255.0});
  }

  private static float pixel(ImageSet s, int image, int ch, int y, int x) {
    return s.rawPixels()[((image * C + ch) * H + y) * W + x] & 0xff;
  }

  @Test
  void withoutAugmentationCopiesPixelsInEitherLayout() {
    ImageSet s = images();
    int[] order = {1, 0};
    float[] nchw = new float[2 * C * H * W];
    float[] nhwc = new float[2 * C * H * W];
    new Batcher(s, identity(), 0).fill(order, 0, 2, nchw, null);
    new Batcher(s, identity(), 0, true).fill(order, 0, 2, nhwc, null);
    for (int k = 0; k < 2; k++) {
      for (int ch = 0; ch < C; ch++) {
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            float v = pixel(s, order[k], ch, y, x);
            assertThat(nchw[((k * C + ch) * H + y) * W + x]).isEqualTo(v);
            assertThat(nhwc[((k * H + y) * W + x) * C + ch]).isEqualTo(v);
          }
        }
      }
    }
  }

  @Test
  void augmentationFlipsThenCropsFromTheZeroPaddedImage() {
    ImageSet s = images();
    int pad = 2;
    int[] order = {0, 1, 1, 0, 1};
    float[] nchw = new float[order.length * C * H * W];
    float[] nhwc = new float[order.length * C * H * W];
    new Batcher(s, identity(), pad).fill(order, 0, order.length, nchw, new SplittableRandom(42));
    new Batcher(s, identity(), pad, true).fill(order, 0, order.length, nhwc, new SplittableRandom(42));
    // the reference draws the same numbers in the same order: flip (p 0.5), then row and column offset
    SplittableRandom rng = new SplittableRandom(42);
    boolean sawFlip = false;
    boolean sawShift = false;
    for (int k = 0; k < order.length; k++) {
      boolean flip = rng.nextDouble() < 0.5;
      int top = rng.nextInt(2 * pad + 1);
      int left = rng.nextInt(2 * pad + 1);
      sawFlip |= flip;
      sawShift |= top != pad || left != pad;
      for (int ch = 0; ch < C; ch++) {
        // torchvision order: RandomHorizontalFlip on the original, then RandomCrop(pad) of the padded image
        float[][] padded = new float[H + 2 * pad][W + 2 * pad];
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            padded[y + pad][x + pad] = pixel(s, order[k], ch, y, flip ? W - 1 - x : x);
          }
        }
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            float want = padded[top + y][left + x];
            assertThat(nchw[((k * C + ch) * H + y) * W + x]).as("image %d ch %d (%d,%d)", k, ch, y, x).isEqualTo(want);
            assertThat(nhwc[((k * H + y) * W + x) * C + ch]).as("image %d ch %d (%d,%d)", k, ch, y, x).isEqualTo(want);
          }
        }
      }
    }
    assertThat(sawFlip).isTrue();
    assertThat(sawShift).isTrue();
  }

  @Test
  void paddingIsBlackBeforeNormalisation() {
    ImageSet s = images();
    Normalization norm = new Normalization(new double[] {0.5, 0.25}, new double[] {0.2, 0.4});
    float[] out = new float[C * H * W];
    // seed chosen so the crop is shifted: some output pixels come from the padding
    SplittableRandom rng = new SplittableRandom(7);
    boolean padded = false;
    for (int attempt = 0; attempt < 50 && !padded; attempt++) {
      new Batcher(s, norm, 3).fill(new int[] {0}, 0, 1, out, rng);
      for (int ch = 0; ch < C; ch++) {
        float black = (float) ((0 - norm.mean()[ch]) / norm.std()[ch]);
        for (int i = 0; i < H * W; i++) {
          padded |= out[ch * H * W + i] == black;
        }
      }
    }
    assertThat(padded).isTrue();
  }
}
