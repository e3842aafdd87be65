package org.nb201.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nb201.space.NetworkShape;

/**
 * The NAS-Bench-201 macro skeleton (AutoDL-Projects
 * {@code xautodl/models/cell_infers/tiny_network.py::TinyNetwork}; see docs/network-and-protocol.md#layers):
 * stem conv 3x3 + BN; three stages of N cells
 * with residual reduction blocks (C, 2C, 4C channels) between them; BN-ReLU; global average
 * pooling; a linear classifier. The cells come from a {@link CellFactory}, so the fixed-cell
 * benchmark network ({@link TinyNetwork}) and the weight-sharing supernet share this one skeleton.
 * {@link #forward} returns the logits only. Call {@link #initialize(NDManager)} once; it applies the
 * PyTorch default initialisation ({@link PyTorchInit}) with the engine's current random seed.
 */
public class MacroNetwork extends AbstractBlock {
  private static final byte VERSION = 1;

  /** Makes the searched cell at one position of the skeleton. */
  @FunctionalInterface
  public interface CellFactory {
    /** The cell at {@code index} (0..N-1) of stage {@code stage} (0..2), with {@code channels} channels. */
    Block cell(int stage, int index, int channels);
  }

  private final NetworkShape shape;
  private final Conv2d stemConv;
  private final BatchNorm stemBn;
  private final List<Block> body = new ArrayList<>();
  private final BatchNorm lastBn;
  private final Linear classifier;
  private final boolean channelsLast;
  private ForwardTap tap = ForwardTap.NONE;

  /**
   * The skeleton for {@code shape} with cells from {@code cells}; {@code channelsLast} says that the
   * inputs (and so all activations) will be channels-last, which narrow batch norms handle
   * differently ({@link ChannelsLast}).
   */
  protected MacroNetwork(NetworkShape shape, boolean channelsLast, CellFactory cells) {
    super(VERSION);
    this.channelsLast = channelsLast;
    this.shape = shape;
    int c = shape.channels();
    stemConv = addChildBlock("stem_conv", Conv2d.builder()
        .setKernelShape(new Shape(3, 3))
        .optPadding(new Shape(1, 1))
        .setFilters(c)
        .optBias(false)
        .build());
    stemBn = addChildBlock("stem_bn", ReLUConvBN.batchNorm(CellNorm.BENCHMARK));
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        c *= 2;
        body.add(addChildBlock("reduction" + stage, new ResNetReduction(c, channelsLast)));
      }
      for (int i = 0; i < shape.cells(); i++) {
        body.add(addChildBlock("stage" + (stage + 1) + "_cell" + i, cells.cell(stage, i, c)));
      }
    }
    lastBn = addChildBlock("lastact_bn", ReLUConvBN.batchNorm(CellNorm.BENCHMARK));
    classifier = addChildBlock("classifier", Linear.builder().setUnits(shape.numClasses()).optBias(true).build());
    PyTorchInit.apply(this);
  }

  public NetworkShape shape() {
    return shape;
  }

  /** Whether the network expects channels-last inputs. */
  public boolean channelsLast() {
    return channelsLast;
  }

  /** The input shape of a batch of {@code batch} images. */
  public Shape inputShape(long batch) {
    return new Shape(batch, shape.inputChannels(), shape.height(), shape.width());
  }

  /** Allocates and initialises all parameters in {@code manager} (float32). */
  public void initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32, inputShape(1));
  }

  Conv2d stemConv() {
    return stemConv;
  }

  /** The reduction blocks and cells between stem and last BN, in order. */
  public List<Block> body() {
    return Collections.unmodifiableList(body);
  }

  Linear classifier() {
    return classifier;
  }

  /**
   * Sets the observer of later forward passes ({@link ForwardTap#NONE} to stop observing): every
   * ReLU input and every conv and linear output of the network, for training-free scores. The
   * fixed cells ({@link InferCell}) and the reduction blocks report theirs.
   */
  public void setTap(ForwardTap tap) {
    this.tap = tap == null ? ForwardTap.NONE : tap;
    for (Block b : body) {
      if (b instanceof InferCell cell) {
        cell.setTap(this.tap);
      } else if (b instanceof ResNetReduction r) {
        r.setTap(this.tap);
      }
    }
  }

  /** Number of trainable parameters (BN running statistics excluded). */
  public long trainableParameterCount() {
    long n = 0;
    for (Parameter p : getParameters().values()) {
      if (p.requiresGradient()) {
        n += p.getArray().getShape().size();
      }
    }
    return n;
  }

  /**
   * Runs one body block; the default is {@code block.forward}. A supernet overrides it to hand its
   * cells the op weights of the current forward pass.
   */
  protected NDList forwardBlock(Block block, ParameterStore ps, NDList x, boolean training) {
    return block.forward(ps, x, training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    // every intermediate is closed once consumed (autograd keeps what backward needs); a block may
    // return its input unchanged (a cell whose output is a skip of its input)
    NDList stem = stemConv.forward(ps, inputs, training);
    NDArray stemOut = tap.layerOutput(stemConv, stem.head());
    NDList x = new NDList(tapBlock(ChannelsLast.batchNorm(stemBn, ps, stemOut, training, channelsLast)));
    if (stemOut != stem.head()) {
      stemOut.close();
    }
    stem.close();
    for (Block b : body) {
      NDList y = forwardBlock(b, ps, x, training);
      if (y.head() != x.head()) {
        x.close();
      }
      NDArray tapped = tapBlock(y.head());
      x = tapped == y.head() ? y : new NDList(tapped);
    }
    NDArray bn = ChannelsLast.batchNorm(lastBn, ps, x.head(), training, channelsLast);
    x.close();
    tap.reluInput(bn);
    NDArray relu = Activation.relu(bn);
    bn.close();
    NDArray features = Pool.globalAvgPool2d(relu);
    relu.close();
    NDList logits = classifier.forward(ps, new NDList(features), training);
    features.close();
    NDArray tapped = tap.layerOutput(classifier, logits.head());
    if (tapped != logits.head()) {
      logits.close();
      return new NDList(tapped);
    }
    return logits;
  }

  /** The tap's view of a block output (a replaced one is closed: autograd keeps what it needs). */
  private NDArray tapBlock(NDArray x) {
    NDArray t = tap.blockOutput(x);
    if (t != x) {
      x.close();
    }
    return t;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), shape.numClasses())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape s = inputShapes[0];
    stemConv.initialize(manager, dataType, s);
    s = stemConv.getOutputShapes(new Shape[] {s})[0];
    stemBn.initialize(manager, dataType, s);
    for (Block b : body) {
      b.initialize(manager, dataType, s);
      s = b.getOutputShapes(new Shape[] {s})[0];
    }
    lastBn.initialize(manager, dataType, s);
    classifier.initialize(manager, dataType, new Shape(s.get(0), s.get(1)));
  }
}
