package org.nb201.train.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;
import org.nb201.space.Edge;

class InferCellTest {
  private static final Engine ENGINE = Engine.getEngine("PyTorch");

  /** Output, input gradient and one weight gradient per edge, flattened. */
  private record Pass(float[] out, float[] inputGrad, float[][] weightGrads) {}

  @Test
  void averagePoolCountsOnlyThePixelsInsideTheMap() {
    // nn.AvgPool2d(3, 1, 1, count_include_pad=False) of a map of ones is all ones; DJL's own flag
    // is ignored by its PyTorch engine (corners came out 4/9 before the fix)
    try (NDManager m = ENGINE.newBaseManager()) {
      float[] y = InferCell.averagePool(m.ones(new Shape(2, 3, 4, 5))).toFloatArray();
      assertThat(y).hasSize(120).containsOnly(1f);
      NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
      // corner (0, 0): mean of 0, 1, 4, 5; edge (0, 1): mean of 0, 1, 2, 4, 5, 6
      float[] v = InferCell.averagePool(x).toFloatArray();
      assertThat(v[0]).isEqualTo(2.5f);
      assertThat(v[1]).isEqualTo(3f);
      assertThat(v[5]).isEqualTo(5f);
    }
  }

  @Test
  void sharedReluPerNodeGivesTheValuesAndGradientsOfOneReluPerEdge() {
    // node 0 feeds three conv edges, node 1 two: the cell computes relu(node) once for them
    Arch arch = Arch.parse(
        "|nor_conv_3x3~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|");
    try (NDManager m = ENGINE.newBaseManager()) {
      ENGINE.setRandomSeed(11);
      InferCell cell = new InferCell(arch, 4);
      Shape in = new Shape(3, 4, 6, 6);
      cell.initialize(m, DataType.FLOAT32, in);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomNormal(in);
      Pass shared = pass(cell, ps, x, true);
      Pass perEdge = pass(cell, ps, x, false);
      assertThat(shared.out()).isEqualTo(perEdge.out()); // the same float operations
      assertClose(shared.inputGrad(), perEdge.inputGrad());
      for (int e = 0; e < Arch.EDGES; e++) {
        assertClose(shared.weightGrads()[e], perEdge.weightGrads()[e]);
      }
      assertThat(norm(shared.inputGrad())).isPositive();
    }
  }

  private static Pass pass(InferCell cell, ParameterStore ps, NDArray x0, boolean viaCell) {
    try (NDManager bm = x0.getManager().newSubManager()) {
      NDArray x = x0.duplicate();
      x.attach(bm);
      x.setRequiresGradient(true);
      float[] out;
      try (GradientCollector gc = ENGINE.newGradientCollector()) {
        NDArray y = viaCell ? cell.forward(ps, new NDList(x), true).head() : byEdges(cell, ps, x);
        out = y.toFloatArray();
        // a loss that weighs every output element differently
        NDArray w = bm.arange(0f, (float) y.getShape().size()).reshape(y.getShape()).div(100f);
        gc.backward(y.mul(w).sum());
      }
      float[][] grads = new float[Arch.EDGES][];
      for (int e = 0; e < Arch.EDGES; e++) {
        NDArray weight = cell.edgeBlock(e).conv().getParameters().get("weight").getArray();
        try (NDArray g = weight.getGradient()) {
          grads[e] = g.toFloatArray();
        }
        JniUtils.zeroGrad((PtNDArray) weight);
      }
      float[] inputGrad = x.getGradient().toFloatArray();
      return new Pass(out, inputGrad, grads);
    }
  }

  /** The cell written out with {@link ReLUConvBN#forward}, which applies its own ReLU per edge. */
  private static NDArray byEdges(InferCell cell, ParameterStore ps, NDArray x) {
    NDArray[] nodes = new NDArray[Edge.NODES];
    nodes[0] = x;
    for (int to = 1; to < Edge.NODES; to++) {
      NDArray sum = null;
      for (int from = 0; from < to; from++) {
        NDArray o = cell.edgeBlock(Edge.indexOf(to, from)).forward(ps, new NDList(nodes[from]), true).head();
        sum = sum == null ? o : sum.add(o);
      }
      nodes[to] = sum;
    }
    return nodes[Edge.NODES - 1];
  }

  private static void assertClose(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    double scale = Math.max(norm(b), 1e-6);
    double diff = 0;
    for (int i = 0; i < a.length; i++) {
      diff = Math.max(diff, Math.abs(a[i] - b[i]));
    }
    assertThat(diff / scale).isLessThan(1e-5);
  }

  private static double norm(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
