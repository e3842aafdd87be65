package org.nb201.train.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;
import org.nb201.space.Cost;
import org.nb201.space.CostModel;
import org.nb201.space.Dataset;
import org.nb201.space.NetworkShape;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;

class TinyNetworkTest {
  private static final Engine ENGINE = Engine.getEngine("PyTorch");

  private static List<Arch> sample() {
    SearchSpace space = SearchSpace.official();
    List<Arch> archs = new ArrayList<>();
    for (String i : new String[] {"0", "11", "1462", "1651", "11472"}) {
      archs.add(space.resolve(i));
    }
    Random r = new Random(201);
    for (int k = 0; k < 20; k++) {
      archs.add(space.resolve(Integer.toString(r.nextInt(Arch.COUNT))));
    }
    return archs;
  }

  @Test
  void paramsAndFlopsEqualTheCostModelOnAllDatasets() {
    for (Dataset d : List.of(Dataset.CIFAR10, Dataset.CIFAR100, Dataset.IMAGENET16_120, Dataset.FASHION_MNIST)) {
      for (Arch a : sample()) {
        try (NDManager m = ENGINE.newBaseManager()) {
          TinyNetwork net = new TinyNetwork(a, d.network());
          net.initialize(m);
          Cost built = ModelCost.of(net);
          assertThat(built).as("%s on %s", a, d).isEqualTo(CostModel.cost(a, d.network()));
        }
      }
    }
  }

  @Test
  void resnetCellHasTheOfficialCost() {
    try (NDManager m = ENGINE.newBaseManager()) {
      TinyNetwork net = new TinyNetwork(SearchSpace.official().resolve("11472"), Dataset.CIFAR10.network());
      net.initialize(m);
      Cost c = ModelCost.of(net);
      assertThat(c.mparamsText()).isEqualTo("0.559386");
      assertThat(c.mflopsText()).isEqualTo("78.56193");
    }
  }

  @Test
  void smallShapesMatchToo() {
    NetworkShape s = new NetworkShape(8, 1, 3, 16, 16, 7);
    for (Arch a : sample()) {
      try (NDManager m = ENGINE.newBaseManager()) {
        TinyNetwork net = new TinyNetwork(a, s);
        net.initialize(m);
        assertThat(ModelCost.of(net)).isEqualTo(CostModel.cost(a, s));
      }
    }
  }

  @Test
  void allNoneCellGivesRealZerosAndFiniteLogits() {
    try (NDManager m = ENGINE.newBaseManager()) {
      ENGINE.setRandomSeed(1);
      TinyNetwork net = new TinyNetwork(Arch.uniform(Op.NONE), new NetworkShape(4, 1, 3, 8, 8, 3));
      net.initialize(m);
      NDArray x = m.randomNormal(net.inputShape(2));
      NDArray y = net.forward(new ParameterStore(m, false), new NDList(x), false).head();
      assertThat(y.getShape().getShape()).containsExactly(2, 3);
      // BN of an all-zero map is beta = 0, so logits equal the classifier bias for every image.
      NDArray bias = net.classifier().getParameters().get("bias").getArray();
      assertThat(y.get(0).toFloatArray()).containsExactly(bias.toFloatArray());
    }
  }

  @Test
  void earlyClosingForwardKeepsInputsAndGivesFiniteGradients() {
    // intermediates are closed inside forward; cells whose output is a node that is skipped through
    // (or the input itself) must neither close what they return nor what the caller owns
    String[] cells = {
        "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|",
        "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
        "|nor_conv_1x1~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|",
        "|nor_conv_3x3~0|+|avg_pool_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|avg_pool_3x3~2|"};
    for (String cell : cells) {
      try (NDManager m = ENGINE.newBaseManager()) {
        ENGINE.setRandomSeed(3);
        TinyNetwork net = new TinyNetwork(Arch.parse(cell), new NetworkShape(4, 1, 3, 8, 8, 3));
        net.initialize(m);
        ParameterStore ps = new ParameterStore(m, false);
        try (NDManager bm = m.newSubManager()) {
          NDArray x = bm.randomNormal(net.inputShape(4));
          float loss;
          try (GradientCollector gc = ENGINE.newGradientCollector()) {
            NDArray out = net.forward(ps, new NDList(x), true).head();
            NDArray l = out.square().sum();
            gc.backward(l);
            loss = l.getFloat();
          }
          assertThat(loss).as(cell).isFinite();
          assertThat(x.isReleased()).as(cell).isFalse();
          assertThat(x.sum().getFloat()).as(cell).isFinite();
          NDArray w = net.stemConv().getParameters().get("weight").getArray();
          try (NDArray g = w.getGradient()) {
            assertThat(g.abs().sum().getFloat()).as(cell).isFinite().isPositive();
          }
        }
      }
    }
  }

  @Test
  void initialisationIsPyTorchDefault() {
    try (NDManager m = ENGINE.newBaseManager()) {
      ENGINE.setRandomSeed(7);
      TinyNetwork net = new TinyNetwork(Arch.uniform(Op.NOR_CONV_3X3), new NetworkShape(16, 1, 3, 8, 8, 10));
      net.initialize(m);
      net.getParameters().forEach(p -> {
        float[] v = p.getValue().getArray().toFloatArray();
        String name = p.getKey();
        if (name.endsWith("gamma") || name.endsWith("runningVar")) {
          assertThat(v).as(name).containsOnly(1f);
        } else if (name.endsWith("beta") || name.endsWith("runningMean")) {
          assertThat(v).as(name).containsOnly(0f);
        } else if (name.endsWith("weight")) {
          double bound = 1 / Math.sqrt(PyTorchInit.fanIn(p.getValue().getArray().getShape()));
          for (float f : v) {
            assertThat(Math.abs(f)).as(name).isLessThanOrEqualTo((float) bound);
          }
        }
      });
    }
  }

  @Test
  void channelsLastNetworkComputesTheSameValuesAndGradients() {
    // C = 4 so that the narrow norms take the (N, C, H, W) detour, 2C = 8 and 4C = 16 the direct kernels
    Arch arch = SearchSpace.official().resolve("11472");
    NetworkShape shape = new NetworkShape(4, 1, 3, 16, 16, 10);
    float[][] plain = run(arch, shape, false);
    float[][] last = run(arch, shape, true);
    for (int k = 0; k < plain.length; k++) {
      double scale = 0;
      double diff = 0;
      for (int i = 0; i < plain[k].length; i++) {
        scale = Math.max(scale, Math.abs(plain[k][i]));
        diff = Math.max(diff, Math.abs(plain[k][i] - last[k][i]));
      }
      assertThat(scale).isPositive();
      assertThat(diff / scale).as("array %d", k).isLessThan(1e-4);
    }
  }

  /** Train-mode logits, eval-mode logits and the stem and classifier weight gradients. */
  private static float[][] run(Arch arch, NetworkShape shape, boolean channelsLast) {
    try (NDManager m = ENGINE.newBaseManager()) {
      ENGINE.setRandomSeed(5);
      TinyNetwork net = new TinyNetwork(arch, shape, channelsLast);
      net.initialize(m);
      ParameterStore ps = new ParameterStore(m, false);
      Shape in = net.inputShape(6);
      NDArray x = m.arange(0f, (float) in.size()).reshape(in).mul(0.37f).sin();
      if (channelsLast) { // the same values, channels innermost in memory
        x = x.transpose(0, 2, 3, 1).flatten().reshape(in.get(0), in.get(2), in.get(3), in.get(1)).transpose(0, 3, 1, 2);
      }
      float[] train;
      try (GradientCollector gc = ENGINE.newGradientCollector()) {
        NDArray out = net.forward(ps, new NDList(x), true).head();
        train = out.toFloatArray();
        gc.backward(out.mul(m.arange(0f, (float) out.size()).reshape(out.getShape())).sum());
      }
      float[] eval = net.forward(ps, new NDList(x), false).head().toFloatArray();
      float[] stem = net.stemConv().getParameters().get("weight").getArray().getGradient().toFloatArray();
      float[] head = net.classifier().getParameters().get("weight").getArray().getGradient().toFloatArray();
      return new float[][] {train, eval, stem, head};
    }
  }
}
