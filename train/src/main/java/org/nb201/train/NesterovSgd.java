package org.nb201.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SGD with PyTorch's semantics (AutoDL-Projects {@code configs/nas-benchmark/CIFAR.config} and
 * {@code xautodl/procedures/optimizers.py::get_optim_scheduler}, paper §2.3 / Table 1; see
 * docs/network-and-protocol.md#training-protocol: momentum 0.9, Nesterov, weight decay 5e-4 on every
 * parameter): {@code d = g + wd*w; buf = d} on the first step, else {@code buf = m*buf + d};
 * {@code d += m*buf} (Nesterov) or {@code d = buf}; {@code w -= lr*d}. DJL's built-in SGD folds the
 * learning rate into the momentum buffer and has no Nesterov, so it would differ under the cosine
 * schedule. Gradients are zeroed after every step (DJL's PyTorch engine does not). Must run outside
 * a gradient collector.
 */
public final class NesterovSgd implements AutoCloseable {
  private final List<Parameter> params = new ArrayList<>();
  private final NDArray[] buffers;
  private final NDManager manager;
  private final float momentum;
  private final float weightDecay;
  private final boolean nesterov;
  private final NDArray momentumScalar;
  private final NDArray weightDecayScalar;

  /** An optimizer for the trainable parameters among {@code all}; buffers live in {@code parent}'s sub-manager. */
  public NesterovSgd(Iterable<Parameter> all, NDManager parent, double momentum, double weightDecay, boolean nesterov) {
    for (Parameter p : all) {
      if (p.requiresGradient()) {
        params.add(p);
      }
    }
    this.buffers = new NDArray[params.size()];
    this.manager = parent.newSubManager();
    this.momentum = (float) momentum;
    this.weightDecay = (float) weightDecay;
    this.nesterov = nesterov;
    this.momentumScalar = manager.create(this.momentum);
    this.weightDecayScalar = manager.create(this.weightDecay);
  }

  /** One update of every parameter with learning rate {@code lr}, then zeroes the gradients. */
  public void step(double lr) {
    // scalars are 0-d float32 arrays made once: DJL's Number overloads build a new array per call
    // (about 10 us each, several ms per step); the products are the same float32 operations
    try (NDArray rate = manager.create((float) lr)) {
      for (int i = 0; i < params.size(); i++) {
        NDArray w = params.get(i).getArray();
        try (NDArray g = w.getGradient()) {
          if (weightDecay != 0) {
            try (NDArray decay = w.mul(weightDecayScalar)) {
              g.addi(decay);
            }
          }
          NDArray d = g;
          if (momentum != 0) {
            NDArray buf = buffers[i];
            if (buf == null) {
              buf = g.duplicate();
              buf.attach(manager);
              buffers[i] = buf;
            } else {
              buf.muli(momentumScalar).addi(g);
            }
            if (nesterov) {
              try (NDArray t = buf.mul(momentumScalar)) {
                g.addi(t);
              }
            } else {
              d = buf;
            }
          }
          try (NDArray t = d.mul(rate)) {
            w.subi(t);
          }
        }
        JniUtils.zeroGrad((PtNDArray) w);
      }
    }
  }

  /** Momentum. */
  public double momentum() {
    return momentum;
  }

  /** Weight decay. */
  public double weightDecay() {
    return weightDecay;
  }

  /** The momentum buffer of parameter {@code i} (in constructor order), or null before the first step. */
  public NDArray momentumBuffer(int i) {
    return buffers[i];
  }

  /** The momentum buffers as named arrays for a checkpoint (none before the first step). */
  public Map<String, NDArray> state() {
    Map<String, NDArray> s = new LinkedHashMap<>();
    for (int i = 0; i < buffers.length; i++) {
      if (buffers[i] != null) {
        s.put("buf." + i, buffers[i]);
      }
    }
    return s;
  }

  /** Restores {@link #state()}; copies of the arrays are kept. */
  public void restore(Map<String, NDArray> state) {
    for (int i = 0; i < buffers.length; i++) {
      NDArray b = state.get("buf." + i);
      if (b != null) {
        NDArray c = b.duplicate();
        c.attach(manager);
        buffers[i] = c;
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
