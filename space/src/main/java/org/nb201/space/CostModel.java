package org.nb201.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * FLOPs and parameters of the benchmark network, counted layer by layer from its structure with
 * the rules of the official {@code get_model_infos} (AutoDL-Projects {@code xautodl/utils/flop_benchmark.py};
 * see docs/search-space.md#counting-rules): only convolutions and linear layers
 * carry FLOPs ({@code k*k*Cin*Cout*Hout*Wout}, plus bias terms); parameters are all trainable
 * weights (convolutions, batch-norm scale and shift, linear weight and bias). Every edge counts,
 * also those that do not reach the output; {@code none}, {@code skip_connect} and pooling cost nothing.
 */
public final class CostModel {
  private CostModel() {}

  /** The total cost of {@code arch} in a network of {@code shape}. */
  public static Cost cost(Arch arch, NetworkShape shape) {
    long flops = 0;
    long params = 0;
    for (Layer layer : layers(arch, shape)) {
      flops += layer.flops();
      params += layer.params();
    }
    return new Cost(flops, params);
  }

  /** The cost of {@code arch} in the benchmark network (C = 16, N = 5) for {@code dataset}. */
  public static Cost cost(Arch arch, Dataset dataset) {
    return cost(arch, NetworkShape.of(dataset));
  }

  /** Every counted layer, in forward order. */
  public static List<Layer> layers(Arch arch, NetworkShape shape) {
    List<Layer> out = new ArrayList<>();
    int c = shape.channels();
    int h = shape.height();
    int w = shape.width();
    conv(out, "stem.conv", shape.inputChannels(), c, 3, 1, h, w);
    bn(out, "stem.bn", c, h, w);
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        String p = "reduction" + stage;
        int ho = convOut(h, 3, 2, 1);
        int wo = convOut(w, 3, 2, 1);
        int hp = convOut(h, 2, 2, 0);
        int wp = convOut(w, 2, 2, 0);
        if (ho != hp || wo != wp) {
          throw new IllegalArgumentException("input " + shape.height() + "x" + shape.width()
              + " cannot be reduced twice: a " + h + "x" + w + " map gives " + ho + "x" + wo
              + " on the conv branch but " + hp + "x" + wp + " on the shortcut; use a size divisible by 4");
        }
        conv(out, p + ".conv_a", c, 2 * c, 3, 2, ho, wo);
        bn(out, p + ".bn_a", 2 * c, ho, wo);
        conv(out, p + ".conv_b", 2 * c, 2 * c, 3, 1, ho, wo);
        bn(out, p + ".bn_b", 2 * c, ho, wo);
        conv(out, p + ".shortcut", c, 2 * c, 1, 1, ho, wo);
        c *= 2;
        h = ho;
        w = wo;
      }
      for (int cell = 0; cell < shape.cells(); cell++) {
        for (Edge e : Edge.ALL) {
          String p = "stage" + (stage + 1) + ".cell" + cell + ".edge" + e.to() + "<-" + e.from();
          Op op = arch.op(e.index());
          if (op == Op.NOR_CONV_3X3 || op == Op.NOR_CONV_1X1) {
            conv(out, p + ".conv", c, c, op == Op.NOR_CONV_3X3 ? 3 : 1, 1, h, w);
            bn(out, p + ".bn", c, h, w);
          }
        }
      }
    }
    bn(out, "lastact.bn", c, h, w);
    int k = shape.numClasses();
    out.add(new Layer("classifier", Layer.Kind.LINEAR, c, k, 1, 1, 1, 1, (long) c * k + k, (long) c * k + k));
    return Collections.unmodifiableList(out);
  }

  /** Output size of a convolution or pooling window. */
  static int convOut(int in, int kernel, int stride, int pad) {
    return (in + 2 * pad - kernel) / stride + 1;
  }

  private static void conv(List<Layer> out, String name, int cin, int cout, int k, int stride, int ho, int wo) {
    long weights = (long) k * k * cin * cout;
    out.add(new Layer(name, Layer.Kind.CONV, cin, cout, k, stride, ho, wo, weights * ho * wo, weights));
  }

  private static void bn(List<Layer> out, String name, int c, int h, int w) {
    out.add(new Layer(name, Layer.Kind.BATCH_NORM, c, c, 1, 1, h, w, 0, 2L * c));
  }
}
