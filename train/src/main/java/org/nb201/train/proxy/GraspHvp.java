package org.nb201.train.proxy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.nb201.train.Engines;

/**
 * GraSP's Hessian-vector product H g through a small TorchScript function ({@code grasp_hvp.pt},
 * written by {@code train/src/main/torchscript/grasp_hvp.py}) that calls
 * {@code torch.autograd.grad} twice, as {@code foresight/pruners/measures/grasp.py} does. DJL only
 * offers {@code backward()}, and a {@code backward(create_graph=True)} leaves every weight's
 * gradient holding a graph that points back to the weight: a reference cycle libtorch never frees
 * (measured: about 20 MB lost per call on a 4 MB weight), which DJL cannot break because it
 * cannot reset {@code .grad}. {@code autograd.grad} accumulates nothing, so nothing leaks.
 */
final class GraspHvp {
  private static final String RESOURCE = "grasp_hvp.pt";
  private static PtSymbolBlock module;

  private GraspHvp() {}

  /**
   * H g for {@code weights} (leaves of the graph of {@code loss}, which must have been computed
   * with gradients recorded), g given per weight; the results live in {@code loss}'s manager.
   */
  static NDList apply(NDArray loss, List<NDArray> weights, List<NDArray> g) {
    List<String> names = new ArrayList<>();
    for (NDArray w : weights) {
      names.add(w.getName());
    }
    NDList in = new NDList();
    loss.setName("loss");
    in.add(loss);
    // DJL passes arrays named "x[]" to TorchScript as one List[Tensor] argument, in order
    for (NDArray w : weights) {
      w.setName("weights[]");
      in.add(w);
    }
    for (NDArray v : g) {
      v.setName("g[]");
      in.add(v);
    }
    try {
      return IValueUtils.forward(module(), in, true);
    } finally {
      for (int i = 0; i < weights.size(); i++) {
        weights.get(i).setName(names.get(i));
      }
    }
  }

  private static synchronized PtSymbolBlock module() {
    if (module == null) {
      try (InputStream in = GraspHvp.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " missing from the nb201-train jar");
        }
        // a manager of its own, never closed: the module lives as long as the process
        module = JniUtils.loadModule((PtNDManager) Engine.getEngine(Engines.PYTORCH).newBaseManager(), in, true, false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load " + RESOURCE + ": " + e.getMessage(), e);
      }
    }
    return module;
  }
}
