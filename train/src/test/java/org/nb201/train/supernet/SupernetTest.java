package org.nb201.train.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.NetworkShape;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;
import org.nb201.train.Batch;
import org.nb201.train.BatchStream;
import org.nb201.train.CrossEntropy;
import org.nb201.train.Engines;
import org.nb201.train.TestData;
import org.nb201.train.data.ImageSet;
import org.nb201.train.data.Normalization;
import org.nb201.train.data.TrainingData;
import org.nb201.train.model.CellNorm;
import org.nb201.train.model.InferCell;
import org.nb201.train.model.ReLUConvBN;
import org.nb201.train.model.TinyNetwork;

/** The supernet on real Fashion-MNIST images at C4 N1. */
class SupernetTest {
  private static final Engine ENGINE = Engines.pytorch(0);
  private static final NetworkShape SHAPE = Dataset.FASHION_MNIST.network().withCells(4, 1);
  private static ImageSet images;

  @BeforeAll
  static void load() throws Exception {
    images = TrainingData.load(Dataset.FASHION_MNIST, TestData.fashion(), null, false).train().limit(32);
  }

  private static Batch batch(NDManager m, boolean channelsLast) {
    BatchStream s = new BatchStream(images, Normalization.of(Dataset.FASHION_MNIST), 0, channelsLast, 32);
    return s.load(m, BatchStream.inOrder(32), 0, 32, null);
  }

  /** Backward of the batch's loss; returns alpha's gradient. */
  private static float[] alphaGradient(Supernet net, NDManager m, EdgeWeighting w) {
    ParameterStore ps = new ParameterStore(m, false);
    try (NDManager bm = m.newSubManager()) {
      Batch b = batch(bm, true);
      try (GradientCollector gc = ENGINE.newGradientCollector()) {
        gc.backward(CrossEntropy.loss(net.forward(ps, b.images(), true, w), b.targets()));
      }
    }
    try (NDArray g = net.alpha().getGradient()) {
      return g.toFloatArray();
    }
  }

  @Test
  void mixtureGradientReachesEveryEntryOfAlpha() {
    try (NDManager m = ENGINE.newBaseManager()) {
      ENGINE.setRandomSeed(1);
      Supernet net = new Supernet(SHAPE, true, false);
      net.initialize(m);
      assertThat(net.alpha().getShape()).isEqualTo(Supernet.ALPHA_SHAPE);
      float[] a = net.alpha().toFloatArray();
      for (float v : a) { // 1e-3 * N(0, 1)
        assertThat(Math.abs(v)).isLessThan(6e-3f).isPositive();
      }
      float[] g = alphaGradient(net, m, SoftmaxMixture.INSTANCE);
      assertThat(g).hasSize(30).doesNotContain(0f);
      for (float v : g) {
        assertThat(v).isFinite();
      }
      // the gradient through the softmax sums to zero on every edge
      for (int e = 0; e < 6; e++) {
        double sum = 0;
        double abs = 0;
        for (int k = 0; k < 5; k++) {
          sum += g[e * 5 + k];
          abs += Math.abs(g[e * 5 + k]);
        }
        assertThat(Math.abs(sum)).isLessThan(1e-3 * abs);
      }
    }
  }

  @Test
  void gumbelPassesAreOneHotWithAGradientForEveryOp() {
    try (NDManager m = ENGINE.newBaseManager()) {
      ENGINE.setRandomSeed(2);
      Supernet net = new Supernet(SHAPE, true, false);
      net.initialize(m);
      SplittableRandom rng = new SplittableRandom(3);
      HardGumbel gumbel = new HardGumbel(10, rng);
      float[][] picks = new float[2][];
      for (int pass = 0; pass < 2; pass++) {
        try (NDManager bm = m.newSubManager()) {
          float[] h = gumbel.weights(net.alpha(), bm).matrix().toFloatArray();
          for (int e = 0; e < 6; e++) {
            int ones = 0;
            for (int k = 0; k < 5; k++) {
              float v = h[e * 5 + k];
              if (v != 0f) {
                assertThat((double) v).isCloseTo(1, within(1e-6));
                ones++;
              }
            }
            assertThat(ones).as("edge %d", e).isEqualTo(1);
          }
          picks[pass] = h;
        }
      }
      assertThat(picks[1]).as("a fresh sample per pass").isNotEqualTo(picks[0]);
      float[] g = alphaGradient(net, m, new HardGumbel(10, new SplittableRandom(4)));
      assertThat(g).hasSize(30).doesNotContain(0f);
    }
  }

  @Test
  void singlePathUsesNoAlphaAndTrainsOnlyItsOps() {
    Arch arch = Arch.parse("|nor_conv_3x3~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_3x3~2|");
    try (NDManager m = ENGINE.newBaseManager()) {
      ENGINE.setRandomSeed(5);
      Supernet net = new Supernet(SHAPE, true, false);
      net.initialize(m);
      float[] g = alphaGradient(net, m, new SinglePath(arch));
      assertThat(g).containsOnly(0f);
      SearchCell cell = net.cells().get(0);
      for (int e = 0; e < 6; e++) {
        for (Op op : new Op[] {Op.NOR_CONV_1X1, Op.NOR_CONV_3X3}) {
          NDArray w = cell.conv(e, op).conv().getParameters().get("weight").getArray();
          try (NDArray gw = w.getGradient()) {
            double norm = gw.abs().sum().getFloat();
            if (arch.op(e) == op) {
              assertThat(norm).as("edge %d %s", e, op).isPositive();
            } else {
              assertThat(norm).as("edge %d %s", e, op).isZero();
            }
          }
        }
      }
    }
  }

  @Test
  void singlePathEqualsTheFixedCellNetworkWithTheSameWeights() {
    SearchSpace space = SearchSpace.official();
    for (boolean track : new boolean[] {false, true}) {
      for (String index : new String[] {"11472", "1462", "6111", "0"}) {
        Arch arch = space.resolve(index);
        try (NDManager m = ENGINE.newBaseManager()) {
          ENGINE.setRandomSeed(7);
          Supernet net = new Supernet(SHAPE, true, track);
          net.initialize(m);
          TinyNetwork tiny = new TinyNetwork(arch, SHAPE, true, CellNorm.search(track));
          tiny.initialize(m);
          copyWeights(net, tiny);
          ParameterStore ps = new ParameterStore(m, false);
          try (NDManager bm = m.newSubManager()) {
            Batch b = batch(bm, true);
            for (boolean training : new boolean[] {true, false}) {
              float[] fromSupernet = net.forward(ps, b.images(), training, new SinglePath(arch)).toFloatArray();
              float[] fromTiny = tiny.forward(ps, new NDList(b.images()), training).head().toFloatArray();
              assertThat(fromSupernet).as("%s track %s training %s", index, track, training).containsExactly(fromTiny);
            }
          }
        }
      }
    }
  }

  @Test
  void cellConvolutionsHaveABiasAndNonAffineNorms() {
    try (NDManager m = ENGINE.newBaseManager()) {
      Supernet net = new Supernet(SHAPE, false, false);
      net.initialize(m);
      ReLUConvBN op = net.cells().get(0).conv(0, Op.NOR_CONV_3X3);
      float[] bias = op.conv().getParameters().get("bias").getArray().toFloatArray();
      double bound = 1 / Math.sqrt(4 * 9); // PyTorch: U(+-1/sqrt(fan_in))
      assertThat(bias).hasSize(4);
      for (float v : bias) {
        assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound).isPositive();
      }
      long trainableInNorms = op.getChildren().get("02bn").getParameters().values().stream()
          .filter(Parameter::requiresGradient).count();
      assertThat(trainableInNorms).isZero();
      assertThat(op.conv().getParameters().get("weight").getArray().getShape().getShape()).containsExactly(4, 4, 3, 3);
    }
  }

  /** Copies the weights of the supernet's ops that {@code tiny}'s cell uses, and all the rest. */
  private static void copyWeights(Supernet from, TinyNetwork to) {
    var a = from.getChildren();
    var b = to.getChildren();
    assertThat(a.size()).isEqualTo(b.size());
    for (int i = 0; i < a.size(); i++) {
      Block x = a.valueAt(i);
      Block y = b.valueAt(i);
      if (x instanceof SearchCell cell) {
        InferCell fixed = (InferCell) y;
        for (int e = 0; e < 6; e++) {
          if (fixed.edgeBlock(e) != null) {
            copyAll(cell.conv(e, fixed.arch().op(e)), fixed.edgeBlock(e));
          }
        }
      } else {
        copyAll(x, y);
      }
    }
  }

  private static void copyAll(Block x, Block y) {
    List<Parameter> p = x.getParameters().values();
    List<Parameter> q = y.getParameters().values();
    assertThat(p).hasSameSizeAs(q);
    for (int k = 0; k < p.size(); k++) {
      assertThat(q.get(k).getArray().getShape()).isEqualTo(p.get(k).getArray().getShape());
      q.get(k).getArray().set(new NDIndex("..."), p.get(k).getArray());
    }
  }
}
