package org.nb201.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The {@code nor_conv_kxk} op and the halves of the reduction block (AutoDL-Projects
 * {@code xautodl/models/cell_operations.py::ReLUConvBN}; see docs/network-and-protocol.md#operations-as-instantiated):
 * ReLU (not in place),
 * a k x k convolution with padding (k-1)/2, then a batch norm (eps 1e-5, PyTorch momentum 0.1). With
 * {@link CellNorm#BENCHMARK} the convolution has no bias and the norm is affine with running
 * statistics; a search setting ({@link CellNorm#search}) gives the convolution a bias and the norm
 * no scale or shift, and without running statistics the norm uses batch statistics in evaluation too.
 */
public final class ReLUConvBN extends AbstractBlock {
  private static final byte VERSION = 1;

  private final Conv2d conv;
  private final BatchNorm bn;
  private final boolean channelsLast;
  private final CellNorm norm;
  private ForwardTap tap = ForwardTap.NONE;

  /** A block with {@code outChannels} filters of size {@code kernel}, stride {@code stride}. */
  public ReLUConvBN(int outChannels, int kernel, int stride) {
    this(outChannels, kernel, stride, false);
  }

  /** As {@link #ReLUConvBN(int, int, int)}, for channels-last activations when {@code channelsLast}. */
  public ReLUConvBN(int outChannels, int kernel, int stride, boolean channelsLast) {
    this(outChannels, kernel, stride, channelsLast, CellNorm.BENCHMARK);
  }

  /** As {@link #ReLUConvBN(int, int, int, boolean)} with the norm settings {@code norm}. */
  public ReLUConvBN(int outChannels, int kernel, int stride, boolean channelsLast, CellNorm norm) {
    super(VERSION);
    this.channelsLast = channelsLast;
    this.norm = norm;
    int pad = (kernel - 1) / 2;
    conv = addChildBlock("conv", Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(pad, pad))
        .setFilters(outChannels)
        .optBias(!norm.affine())
        .build());
    bn = addChildBlock("bn", batchNorm(norm));
  }

  /**
   * PyTorch's BatchNorm2d defaults; DJL's momentum 0.9 is PyTorch's 0.1. A non-affine norm keeps
   * DJL's scale 1 and shift 0 as constants (x * 1 + 0 is x exactly).
   */
  static BatchNorm batchNorm(CellNorm norm) {
    return BatchNorm.builder().optAxis(1).optEpsilon(1e-5f).optMomentum(0.9f)
        .optCenter(norm.affine()).optScale(norm.affine()).build();
  }

  /** Sets the observer of forward passes ({@link TinyNetwork#setTap}). */
  void setTap(ForwardTap tap) {
    this.tap = tap;
  }

  /** The convolution, for cost counting. */
  public Conv2d conv() {
    return conv;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    // intermediates are closed as soon as they are consumed: autograd keeps what backward needs
    // (PyTorch frees them the same way when Python drops the reference), the rest is freed now
    tap.reluInput(inputs.singletonOrThrow());
    NDArray relu = Activation.relu(inputs.singletonOrThrow());
    NDArray out = convBn(ps, relu, training);
    relu.close();
    return new NDList(out);
  }

  /**
   * Conv then BN of an input that is already {@code relu(x)}: a cell computes each node's ReLU
   * once for all the conv edges leaving it (the same values as one ReLU per edge, half the passes
   * and saved activations). {@code relu} is left open.
   */
  public NDArray convBn(ParameterStore ps, NDArray relu, boolean training) {
    NDList c = conv.forward(ps, new NDList(relu), training);
    // without running statistics the norm normalises with the batch's statistics in evaluation too
    // (its DJL running averages are then updated but never read)
    NDArray y = tap.layerOutput(conv, c.head());
    NDArray out = ChannelsLast.batchNorm(bn, ps, y, norm.batchStatistics(training), channelsLast);
    if (y != c.head()) {
      y.close();
    }
    c.close();
    return out;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return conv.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    if (!norm.affine()) { // PyTorch's conv bias init: U(+-1/sqrt(fan_in)), fan_in = C_in * k * k
      Shape k = conv.getKernelShape();
      long fanIn = inputShapes[0].get(1) * k.get(0) * k.get(1);
      conv.setInitializer(new PyTorchInit.Uniform(1.0 / Math.sqrt(fanIn)), Parameter.Type.BIAS);
    }
    conv.initialize(manager, dataType, inputShapes);
    bn.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
  }
}
