package org.nb201.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with PyTorch's semantics ({@code torch.optim.Adam} of the official code's time, which the
 * NAS-Bench-201 weight-sharing baselines use for the architecture parameters): L2 weight decay
 * added to the gradient ({@code g' = g + wd*w}, not AdamW), {@code m = b1*m + (1-b1)*g'},
 * {@code v = b2*v + (1-b2)*g'^2}, bias corrections {@code c1 = 1-b1^t}, {@code c2 = 1-b2^t} and
 * {@code w -= (lr/c1) * m / (sqrt(v)/sqrt(c2) + eps)} ({@code eps} outside the square root).
 * Gradients are read, never modified or zeroed (PyTorch's {@code zero_grad} is {@link #zeroGrad()},
 * called by the user before a backward pass). Must run outside a gradient collector.
 */
public final class Adam implements AutoCloseable {
  private final List<NDArray> params;
  private final NDArray[] m;
  private final NDArray[] v;
  private final NDManager manager;
  private final double lr;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private long steps;

  /** An optimiser for {@code params} (arrays that require gradients); state lives in {@code parent}'s sub-manager. */
  public Adam(List<NDArray> params, NDManager parent, double lr, double beta1, double beta2, double eps,
      double weightDecay) {
    if (!(lr > 0) || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || !(eps > 0) || weightDecay < 0) {
      throw new IllegalArgumentException("Adam needs lr > 0, betas in [0, 1), eps > 0, weight decay >= 0; got lr="
          + lr + " betas=(" + beta1 + ", " + beta2 + ") eps=" + eps + " wd=" + weightDecay);
    }
    this.params = List.copyOf(params);
    this.m = new NDArray[params.size()];
    this.v = new NDArray[params.size()];
    this.manager = parent.newSubManager();
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  /** Steps taken so far (PyTorch's {@code state['step']}). */
  public long steps() {
    return steps;
  }

  /** One update of every parameter from its current gradient. */
  public void step() {
    steps++;
    double c1 = 1 - Math.pow(beta1, steps);
    double c2 = 1 - Math.pow(beta2, steps);
    try (NDManager s = manager.newSubManager()) {
      for (int i = 0; i < params.size(); i++) {
        NDArray w = params.get(i);
        DataType t = w.getDataType();
        NDArray g;
        try (NDArray grad = w.getGradient()) {
          g = grad.duplicate();
          g.attach(s);
        }
        if (weightDecay != 0) {
          g.addi(NdScope.own(s, w.mul(scalar(s, weightDecay, t))));
        }
        if (m[i] == null) {
          m[i] = g.zerosLike();
          m[i].attach(manager);
          v[i] = g.zerosLike();
          v[i].attach(manager);
        }
        m[i].muli(scalar(s, beta1, t)).addi(g.mul(scalar(s, 1 - beta1, t)));
        v[i].muli(scalar(s, beta2, t)).addi(g.mul(g).muli(scalar(s, 1 - beta2, t)));
        // results of operations on the state arrays belong to the state's manager: move them to s
        NDArray denom = NdScope.own(s, v[i].sqrt()).divi(scalar(s, Math.sqrt(c2), t)).addi(scalar(s, eps, t));
        NDArray update = NdScope.own(s, m[i].div(denom)).muli(scalar(s, lr / c1, t));
        w.subi(update);
      }
    }
  }

  /** Sets every parameter's gradient to zero. */
  public void zeroGrad() {
    Gradients.zero(params);
  }

  /** The moments and step count, as named arrays for a checkpoint (empty before the first step). */
  public Map<String, NDArray> state() {
    Map<String, NDArray> s = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      if (m[i] != null) {
        s.put("m." + i, m[i]);
        s.put("v." + i, v[i]);
      }
    }
    return s;
  }

  /** Restores {@link #state()} (copies of the arrays are kept) and the step count. */
  public void restore(Map<String, NDArray> state, long steps) {
    for (int i = 0; i < params.size(); i++) {
      NDArray a = state.get("m." + i);
      NDArray b = state.get("v." + i);
      if ((a == null) != (b == null)) {
        throw new IllegalArgumentException("Adam state has only one moment of parameter " + i);
      }
      if (a != null) {
        m[i] = own(a);
        v[i] = own(b);
      }
    }
    this.steps = steps;
  }

  private NDArray own(NDArray a) {
    NDArray c = a.duplicate();
    c.attach(manager);
    return c;
  }

  private static NDArray scalar(NDManager s, double value, DataType type) {
    return NdScope.scalar(s, value, type);
  }

  @Override
  public void close() {
    manager.close();
  }
}
