package org.nb201.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
  private static final Engine ENGINE = Engines.pytorch(0);

  /** Loss sum(c * w^2) / 2: gradient c * w, different on every step. */
  private static void backward(NDArray w, NDArray c) {
    try (GradientCollector gc = ENGINE.newGradientCollector()) {
      gc.backward(w.mul(w).mul(c).sum());
    }
  }

  @Test
  void followsPyTorchAdamWithL2DecayAndBiasCorrection() {
    double lr = 3e-4 * 100;
    double b1 = 0.5;
    double b2 = 0.999;
    double eps = 1e-8;
    double wd = 1e-3;
    try (NDManager mgr = ENGINE.newBaseManager()) {
      float[] c = {0.3f, -2f, 5f};
      NDArray cs = mgr.create(c);
      NDArray w = mgr.create(new float[] {1f, -0.5f, 2f});
      w.setRequiresGradient(true);
      double[] x = {1, -0.5, 2};
      double[] m = new double[3];
      double[] v = new double[3];
      try (Adam adam = new Adam(List.of(w), mgr, lr, b1, b2, eps, wd)) {
        for (int t = 1; t <= 4; t++) {
          adam.zeroGrad();
          backward(w, cs);
          float[] gradBefore;
          try (NDArray g = w.getGradient()) {
            gradBefore = g.toFloatArray();
          }
          adam.step();
          for (int i = 0; i < 3; i++) {
            double g = 2 * c[i] * x[i] + wd * x[i];
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            double c1 = 1 - Math.pow(b1, t);
            double c2 = 1 - Math.pow(b2, t);
            x[i] -= lr / c1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(c2) + eps);
          }
          float[] got = w.toFloatArray();
          for (int i = 0; i < 3; i++) {
            assertThat((double) got[i]).as("step %d, weight %d", t, i).isCloseTo(x[i], within(2e-6));
          }
          try (NDArray g = w.getGradient()) { // step neither decays nor zeroes the gradient in place
            assertThat(g.toFloatArray()).containsExactly(gradBefore);
          }
        }
        assertThat(adam.steps()).isEqualTo(4);
        assertThat(adam.state()).containsOnlyKeys("m.0", "v.0");
      }
    }
  }

  @Test
  void restoredStateContinuesExactly() {
    try (NDManager mgr = ENGINE.newBaseManager()) {
      NDArray cs = mgr.create(new float[] {0.7f, -1.3f});
      NDArray a = mgr.create(new float[] {0.2f, 0.9f});
      NDArray b = mgr.create(new float[] {0.2f, 0.9f});
      a.setRequiresGradient(true);
      b.setRequiresGradient(true);
      try (Adam first = new Adam(List.of(a), mgr, 0.1, 0.5, 0.999, 1e-8, 1e-3)) {
        for (int t = 0; t < 5; t++) {
          first.zeroGrad();
          backward(a, cs);
          first.step();
          if (t == 1) { // b catches up with two steps, then continues in a fresh optimiser from a's state
            b.set(new ai.djl.ndarray.index.NDIndex("..."), a);
            try (Adam second = new Adam(List.of(b), mgr, 0.1, 0.5, 0.999, 1e-8, 1e-3)) {
              second.restore(first.state(), first.steps());
              for (int k = 0; k < 3; k++) {
                second.zeroGrad();
                backward(b, cs);
                second.step();
              }
            }
          }
        }
      }
      assertThat(b.toFloatArray()).containsExactly(a.toFloatArray());
    }
  }

  @Test
  void rejectsBadSettings() {
    try (NDManager mgr = ENGINE.newBaseManager()) {
      assertThatThrownBy(() -> new Adam(List.of(), mgr, 0.1, 1.0, 0.999, 1e-8, 0))
          .hasMessageContaining("betas in [0, 1)");
    }
  }
}
