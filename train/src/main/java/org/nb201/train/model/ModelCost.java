package org.nb201.train.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import org.nb201.space.Cost;

/**
 * FLOPs and parameters of a built {@link TinyNetwork}, counted from its blocks and their shapes
 * with the official rules (AutoDL-Projects {@code xautodl/utils/flop_benchmark.py::get_model_infos}; see
 * docs/search-space.md#counting-rules): multiply-accumulates of convolutions and linear layers only;
 * parameters = every trainable array. Independent of the {@code space} cost model, so the two check
 * each other.
 */
public final class ModelCost {
  private long flops;

  private ModelCost() {}

  /** The cost of one forward pass of a single image through {@code net} (must be initialised). */
  public static Cost of(TinyNetwork net) {
    ModelCost c = new ModelCost();
    Shape s = net.inputShape(1);
    s = c.conv(net.stemConv(), s);
    for (Block b : net.body()) {
      if (b instanceof ResNetReduction r) {
        Shape a = c.conv(r.convA().conv(), s);
        Shape out = c.conv(r.convB().conv(), a);
        c.conv(r.shortcut(), ResNetReduction.pooled(s));
        s = out;
      } else if (b instanceof InferCell cell) {
        for (int e = 0; e < 6; e++) {
          ReLUConvBN conv = cell.edgeBlock(e);
          if (conv != null) {
            c.conv(conv.conv(), s);
          }
        }
      }
    }
    c.linear(net.classifier());
    return new Cost(c.flops, net.trainableParameterCount());
  }

  private Shape conv(Conv2d conv, Shape in) {
    Shape out = conv.getOutputShapes(new Shape[] {in})[0];
    Parameter w = conv.getParameters().get("weight");
    flops += w.getArray().getShape().size() * out.get(2) * out.get(3);
    Parameter b = conv.getParameters().get("bias");
    if (b != null) {
      flops += out.get(1) * out.get(2) * out.get(3);
    }
    return out;
  }

  private void linear(Linear linear) {
    flops += linear.getParameters().get("weight").getArray().getShape().size();
    Parameter b = linear.getParameters().get("bias");
    if (b != null) {
      flops += b.getArray().getShape().size();
    }
  }
}
