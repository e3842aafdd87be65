package org.nb201.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientsTest {
  private static final Engine ENGINE = Engines.pytorch(0);

  /** Two arrays whose gradients are (3, 4) and (12): total norm 13. */
  private static List<NDArray> withGradients(NDManager m) {
    NDArray a = m.create(new float[] {1.5f, 2f});
    NDArray b = m.create(new float[] {6f});
    a.setRequiresGradient(true);
    b.setRequiresGradient(true);
    try (GradientCollector gc = ENGINE.newGradientCollector()) {
      gc.backward(a.mul(a).sum().add(b.mul(b).sum()));
    }
    return List.of(a, b);
  }

  @Test
  void clipsTheTotalNormLikeClipGradNorm() {
    try (NDManager m = ENGINE.newBaseManager()) {
      List<NDArray> p = withGradients(m);
      assertThat(Gradients.clipNorm(p, 5, m)).isCloseTo(13, within(1e-5));
      float coef = 5f / (13f + 1e-6f);
      try (NDArray g = p.get(0).getGradient(); NDArray h = p.get(1).getGradient()) {
        assertThat(g.toFloatArray()).containsExactly(3 * coef, 4 * coef);
        assertThat(h.toFloatArray()).containsExactly(12 * coef);
      }
      Gradients.zero(p);
      try (NDArray g = p.get(0).getGradient()) {
        assertThat(g.toFloatArray()).containsOnly(0f);
      }
    }
  }

  @Test
  void leavesGradientsBelowTheBoundUnchanged() {
    try (NDManager m = ENGINE.newBaseManager()) {
      List<NDArray> p = withGradients(m);
      assertThat(Gradients.clipNorm(p, 13.1, m)).isCloseTo(13, within(1e-5));
      try (NDArray g = p.get(0).getGradient()) {
        assertThat(g.toFloatArray()).containsExactly(3f, 4f);
      }
    }
  }
}
