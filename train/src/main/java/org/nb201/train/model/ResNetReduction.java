package org.nb201.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The residual reduction block between stages (AutoDL-Projects
 * {@code xautodl/models/cell_operations.py::ResNetBasicblock}; see docs/network-and-protocol.md#reduction-block):
 * ReLUConvBN 3x3 stride 2, ReLUConvBN 3x3;
 * shortcut = 2x2 average pool stride 2 then a bias-free 1x1 convolution; output = shortcut + branch
 * with no activation after the sum.
 */
public final class ResNetReduction extends AbstractBlock {
  private static final byte VERSION = 1;
  private static final Shape TWO = new Shape(2, 2);
  private static final Shape ZERO = new Shape(0, 0);

  private final ReLUConvBN convA;
  private final ReLUConvBN convB;
  private final Conv2d shortcut;
  private ForwardTap tap = ForwardTap.NONE;

  /** A block that maps any width to {@code outChannels} and halves the map. */
  public ResNetReduction(int outChannels) {
    this(outChannels, false);
  }

  /** As {@link #ResNetReduction(int)}, for channels-last activations when {@code channelsLast}. */
  public ResNetReduction(int outChannels, boolean channelsLast) {
    super(VERSION);
    convA = addChildBlock("conv_a", new ReLUConvBN(outChannels, 3, 2, channelsLast));
    convB = addChildBlock("conv_b", new ReLUConvBN(outChannels, 3, 1, channelsLast));
    shortcut = addChildBlock("shortcut", Conv2d.builder()
        .setKernelShape(new Shape(1, 1))
        .setFilters(outChannels)
        .optBias(false)
        .build());
  }

  /** Sets the observer of forward passes ({@link TinyNetwork#setTap}). */
  void setTap(ForwardTap tap) {
    this.tap = tap;
    convA.setTap(tap);
    convB.setTap(tap);
  }

  public ReLUConvBN convA() {
    return convA;
  }

  public ReLUConvBN convB() {
    return convB;
  }

  public Conv2d shortcut() {
    return shortcut;
  }

  /** Shape after the shortcut's pooling. */
  static Shape pooled(Shape in) {
    return new Shape(in.get(0), in.get(1), (in.get(2) - 2) / 2 + 1, (in.get(3) - 2) / 2 + 1);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDList a = convA.forward(ps, inputs, training);
    NDList branch = convB.forward(ps, a, training);
    a.close();
    NDArray pooled = Pool.avgPool2d(x, TWO, TWO, ZERO, false, true);
    NDArray conv = shortcut.forward(ps, new NDList(pooled), training).head();
    pooled.close();
    NDArray residual = tap.layerOutput(shortcut, conv);
    if (residual != conv) {
      conv.close();
    }
    NDArray sum = residual.add(branch.head());
    residual.close();
    branch.close();
    return new NDList(sum);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] a = convA.getOutputShapes(inputShapes);
    Shape[] s = shortcut.getOutputShapes(new Shape[] {pooled(inputShapes[0])});
    if (!a[0].equals(s[0])) {
      throw new IllegalArgumentException("input " + inputShapes[0] + " cannot be reduced: the conv branch gives "
          + a[0] + " but the shortcut " + s[0] + "; use an input size divisible by 4");
    }
    return a;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    convA.initialize(manager, dataType, inputShapes);
    convB.initialize(manager, dataType, convA.getOutputShapes(inputShapes));
    shortcut.initialize(manager, dataType, pooled(inputShapes[0]));
  }
}
