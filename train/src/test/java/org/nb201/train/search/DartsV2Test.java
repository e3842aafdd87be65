package org.nb201.train.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nb201.space.Dataset;
import org.nb201.train.Batch;
import org.nb201.train.BatchStream;
import org.nb201.train.CrossEntropy;
import org.nb201.train.Engines;
import org.nb201.train.Gradients;
import org.nb201.train.NesterovSgd;
import org.nb201.train.TestData;
import org.nb201.train.data.Normalization;
import org.nb201.train.data.SearchData;
import org.nb201.train.supernet.SoftmaxMixture;
import org.nb201.train.supernet.Supernet;

/**
 * DARTS-V2's hypergradient against central finite differences of the unrolled validation loss
 * F(alpha) = L_valid(w - lr * (momentum * buf + dL_train/dw(w, alpha) + wd * w), alpha), in float64 on
 * real Fashion-MNIST images (C4 N1). The network's ReLUs make gradients jump where an activation
 * crosses zero, so both finite differences (the method's Hessian-vector product and the check's)
 * must stay inside one region of fixed ReLU masks: the test uses float64 and steps of 1e-7 and 1e-8
 * (the method's radius r is an option; the official 0.01 averages over many such regions).
 */
class DartsV2Test {
  private static final Engine ENGINE = Engines.pytorch(0);
  private static final NDIndex ALL = new NDIndex("...");

  @Test
  void hypergradientMatchesFiniteDifferencesOfTheUnrolledLoss() throws Exception {
    SearchData data = SearchData.load(Dataset.FASHION_MNIST, TestData.fashion(), null, false).limit(8, 8);
    DartsV2.Options options = DartsV2.builder().setDataset(Dataset.FASHION_MNIST).setDataDir(TestData.fashion())
        .optShape(4, 1).optBatchSize(8).optHvpR(1e-7).build();
    double lr = 0.2; // large, so that the second-order term is far from negligible
    try (NDManager m = ENGINE.newBaseManager()) {
      ENGINE.setRandomSeed(21);
      Supernet net = new Supernet(options.settings().shape(), false, false);
      net.initialize(m, DataType.FLOAT64);
      net.alpha().set(ALL, m.randomNormal(0f, 0.5f, Supernet.ALPHA_SHAPE, DataType.FLOAT64));
      SearchContext ctx = new SearchContext(options.settings(), ENGINE, m, net, new SearchRandom(1),
          new SearchLoader(data, 8, false));
      ctx.setLr(lr);
      DartsV2 method = (DartsV2) options.create(ctx);
      Normalization norm = Normalization.of(Dataset.FASHION_MNIST);
      int[] eight = BatchStream.inOrder(8);
      Batch train = float64(new BatchStream(data.train(), norm, 0, false, 8).load(m, eight, 0, 8, null));
      Batch valid = float64(new BatchStream(data.valid(), norm, 0, false, 8).load(m, eight, 0, 8, null));
      ctx.weightStep(train, SoftmaxMixture.INSTANCE); // momentum buffers now exist and enter the unrolled step
      double[] h;
      try (NDManager s = m.newSubManager()) {
        h = method.hypergradient(train, valid, s).gradient().toDoubleArray();
      }
      double[] a0 = net.alpha().toDoubleArray();
      // F's derivative along three random directions u: (F(a + eps u) - F(a - eps u)) / (2 eps) = h . u
      java.util.Random r = new java.util.Random(3);
      double eps = 1e-8;
      double[][] directions = new double[3][a0.length];
      double[] fd = new double[3];
      for (int d = 0; d < 3; d++) {
        for (int i = 0; i < a0.length; i++) {
          directions[d][i] = r.nextGaussian();
        }
        fd[d] = (unrolledLoss(ctx, train, valid, a0, directions[d], eps)
            - unrolledLoss(ctx, train, valid, a0, directions[d], -eps)) / (2 * eps);
      }
      net.alpha().set(ALL, m.create(a0, Supernet.ALPHA_SHAPE));
      double[] first = firstOrder(ctx, train, valid); // dL_valid/dalpha at the unrolled weights only
      for (int d = 0; d < 3; d++) {
        double hu = dot(h, directions[d]);
        double firstU = dot(first, directions[d]);
        assertThat(Math.abs(firstU - fd[d])).as("direction %d: the second-order term matters", d)
            .isGreaterThan(0.05 * Math.abs(fd[d]));
        assertThat(Math.abs(hu - fd[d])).as("direction %d: hypergradient %s vs finite differences %s", d, hu, fd[d])
            .isLessThan(1e-4 * Math.abs(fd[d]) + 1e-7);
      }
    }
  }

  private static Batch float64(Batch b) {
    return new Batch(b.images().toType(DataType.FLOAT64, false), b.targets().toType(DataType.FLOAT64, false),
        b.labels());
  }

  /** F(alpha0 + delta u) computed from scratch with the library's forward pass only. */
  private static double unrolledLoss(SearchContext ctx, Batch train, Batch valid, double[] alpha0, double[] u,
      double delta) {
    NDManager m = ctx.root();
    Supernet net = ctx.supernet();
    double[] a = alpha0.clone();
    for (int i = 0; i < a.length; i++) {
      a[i] += delta * u[i];
    }
    net.alpha().set(ALL, m.create(a, Supernet.ALPHA_SHAPE));
    try (NDManager s = m.newSubManager()) {
      NDArray[] saved = unroll(ctx, train, s);
      double loss = validLoss(ctx, valid);
      restore(ctx.weights(), saved);
      return loss;
    }
  }

  /** Sets the weights to w' and returns the saved w. */
  private static NDArray[] unroll(SearchContext ctx, Batch train, NDManager s) {
    List<NDArray> w = ctx.weights();
    NesterovSgd sgd = ctx.weightOptimizer();
    Gradients.zero(w);
    ctx.forwardBackward(train, SoftmaxMixture.INSTANCE, true, false);
    NDArray[] saved = new NDArray[w.size()];
    double lr = ctx.lr();
    for (int k = 0; k < w.size(); k++) {
      double[] x = w.get(k).toDoubleArray();
      double[] g;
      try (NDArray grad = w.get(k).getGradient()) {
        g = grad.toDoubleArray();
      }
      double[] buf = sgd.momentumBuffer(k) == null ? new double[x.length] : sgd.momentumBuffer(k).toDoubleArray();
      double[] next = new double[x.length];
      for (int j = 0; j < x.length; j++) {
        next[j] = x[j] - lr * (sgd.momentum() * buf[j] + g[j] + sgd.weightDecay() * x[j]);
      }
      saved[k] = s.create(x, w.get(k).getShape());
      w.get(k).set(ALL, s.create(next, w.get(k).getShape()));
    }
    Gradients.zero(w);
    return saved;
  }

  private static double validLoss(SearchContext ctx, Batch valid) {
    ParameterStore ps = ctx.parameterStore();
    try (NDManager s = ctx.root().newSubManager()) {
      NDArray out = ctx.supernet().forward(ps, valid.images(), true, SoftmaxMixture.INSTANCE);
      NDArray loss = CrossEntropy.loss(out, valid.targets());
      double v = loss.getDouble();
      new NDList(out, loss).close();
      return v;
    }
  }

  private static double[] firstOrder(SearchContext ctx, Batch train, Batch valid) {
    try (NDManager s = ctx.root().newSubManager()) {
      NDArray[] saved = unroll(ctx, train, s);
      ctx.archOptimizer().zeroGrad();
      ctx.forwardBackward(valid, SoftmaxMixture.INSTANCE, false, true);
      double[] g;
      try (NDArray grad = ctx.supernet().alpha().getGradient()) {
        g = grad.toDoubleArray();
      }
      restore(ctx.weights(), saved);
      return g;
    }
  }

  private static void restore(List<NDArray> w, NDArray[] saved) {
    for (int k = 0; k < saved.length; k++) {
      w.get(k).set(ALL, saved[k]);
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
