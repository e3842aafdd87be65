package org.nb201.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import org.junit.jupiter.api.Test;

class NesterovSgdTest {
  @Test
  void followsPyTorchNesterovAndZeroesGradients() {
    Engine engine = Engines.pytorch(0);
    try (NDManager m = engine.newBaseManager()) {
      Linear lin = Linear.builder().setUnits(1).optBias(false).build();
      lin.setInitializer(Initializer.ONES, Parameter.Type.WEIGHT);
      lin.initialize(m, DataType.FLOAT32, new Shape(1, 2));
      ParameterStore ps = new ParameterStore(m, false);
      float[] x = {0.5f, -2f};
      double[] w = {1, 1};
      double[] buf = new double[2];
      double mom = 0.9;
      double wd = 5e-4;
      double[] lrs = {0.1, 0.05, 0.01};
      try (NesterovSgd sgd = new NesterovSgd(lin.getParameters().values(), m, mom, wd, true)) {
        for (int step = 0; step < lrs.length; step++) {
          try (NDManager bm = m.newSubManager(); GradientCollector gc = engine.newGradientCollector()) {
            NDArray out = lin.forward(ps, new NDList(bm.create(x, new Shape(1, 2))), true).head();
            gc.backward(out.sum());
          }
          sgd.step(lrs[step]);
          for (int i = 0; i < 2; i++) {
            double d = x[i] + wd * w[i];
            buf[i] = step == 0 ? d : mom * buf[i] + d;
            d += mom * buf[i];
            w[i] -= lrs[step] * d;
          }
          float[] got = lin.getParameters().get("weight").getArray().toFloatArray();
          assertThat((double) got[0]).isCloseTo(w[0], within(1e-6));
          assertThat((double) got[1]).isCloseTo(w[1], within(1e-6));
          try (NDArray g = lin.getParameters().get("weight").getArray().getGradient()) {
            assertThat(g.toFloatArray()).containsOnly(0f);
          }
        }
      }
    }
  }
}
