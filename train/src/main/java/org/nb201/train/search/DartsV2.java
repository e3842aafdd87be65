package org.nb201.train.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.train.Batch;
import org.nb201.train.Gradients;
import org.nb201.train.NdScope;
import org.nb201.train.NesterovSgd;
import org.nb201.train.supernet.EdgeWeighting;
import org.nb201.train.supernet.SoftmaxMixture;

/**
 * Second-order DARTS (Liu, Simonyan and Yang, ICLR 2019) as the NAS-Bench-201 paper ran it
 * (AutoDL-Projects {@code exps/NAS-Bench-201-algos/DARTS-V2.py::backward_step_unrolled} and
 * {@code _hessian_vector_product}): per batch the alpha step comes first, on the gradient of the
 * validation loss of the unrolled weights {@code w' = w - lr * (momentum * buffer + dL_train/dw +
 * wd * w)} (the current learning rate, the SGD momentum buffer, or 0 before the first step, and
 * weight decay), {@code dL_val(w', alpha)/d alpha - lr * H v} with {@code v = dL_val/dw'} and the
 * Hessian-vector product by finite differences at {@code w} on the training batch:
 * {@code H v = (dL_train(w + R v)/d alpha - dL_train(w - R v)/d alpha) / (2 R)},
 * {@code R = r / ||v||}, r = 0.01; then the weight step as in {@link DartsV1}. Official details
 * kept: the unrolled step ignores Nesterov; the unrolled model's training-mode pass leaves the
 * network's running statistics untouched (it runs on a deep copy), while the passes at {@code w}
 * and {@code w +- R v} update them; the architecture step's loss and accuracy are the unrolled
 * model's on the validation batch. One difference: {@code w +- R v} are formed from a saved copy
 * of {@code w} and {@code w} is restored from it bit for bit (the official code adds and subtracts
 * {@code R v} in place, which leaves a rounding residue).
 */
public final class DartsV2 implements WeightSharingMethod {
  /** The method's name. */
  public static final String NAME = "darts-v2";
  private static final NDIndex ALL = new NDIndex("...");

  private final SearchContext ctx;
  private final double r;

  private DartsV2(SearchContext ctx, double r) {
    this.ctx = ctx;
    this.r = r;
  }

  /** The unrolled validation step's record and the hypergradient of alpha. */
  record Hypergradient(NDArray gradient, StepRecord.Step unrolled) {}

  @Override
  public StepRecord step(Batch train, Batch valid) {
    try (NDManager s = ctx.root().newSubManager()) {
      ctx.archOptimizer().zeroGrad();
      Hypergradient h = hypergradient(train, valid, s);
      try (NDArray g = ctx.supernet().alpha().getGradient()) {
        g.set(ALL, h.gradient());
      }
      ctx.archOptimizer().step();
      StepRecord.Step w = ctx.weightStep(train, SoftmaxMixture.INSTANCE);
      return new StepRecord(w, h.unrolled());
    }
  }

  /**
   * The second-order gradient of alpha for a training and a validation batch at the current weights
   * and learning rate, in scope {@code s}. Leaves weights, running statistics and the momentum
   * buffers as they were, the weights' and alpha's gradients zero (alpha's is zeroed first, the
   * official {@code a_optimizer.zero_grad()}).
   */
  Hypergradient hypergradient(Batch train, Batch valid, NDManager s) {
    List<NDArray> w = ctx.weights();
    NDArray alpha = ctx.supernet().alpha();
    DataType type = alpha.getDataType();
    NesterovSgd sgd = ctx.weightOptimizer();
    EdgeWeighting mix = SoftmaxMixture.INSTANCE;
    int n = w.size();
    // the unrolled weights from the training loss's gradient
    Gradients.zero(List.of(alpha));
    Gradients.zero(w);
    ctx.forwardBackward(train, mix, true, false);
    NDArray lr = NdScope.scalar(s, ctx.lr(), type);
    NDArray wd = NdScope.scalar(s, sgd.weightDecay(), type);
    NDArray momentum = NdScope.scalar(s, sgd.momentum(), type);
    NDArray[] saved = new NDArray[n];
    NDArray[] unrolled = new NDArray[n];
    for (int i = 0; i < n; i++) {
      saved[i] = NdScope.own(s, w.get(i).duplicate());
      try (NDArray g = w.get(i).getGradient()) {
        NDArray dtheta = NdScope.own(s, g.add(NdScope.own(s, saved[i].mul(wd))));
        NDArray buf = sgd.momentumBuffer(i);
        NDArray direction = buf == null ? dtheta : NdScope.own(s, buf.mul(momentum)).add(dtheta);
        unrolled[i] = saved[i].sub(direction.mul(lr));
      }
    }
    Gradients.zero(w);
    // the unrolled model on the validation batch; its running-statistics updates are undone
    List<NDArray> stats = ctx.supernet().runningStatistics();
    NDArray[] savedStats = new NDArray[stats.size()];
    for (int i = 0; i < savedStats.length; i++) {
      savedStats[i] = NdScope.own(s, stats.get(i).duplicate());
    }
    assign(w, unrolled);
    StepRecord.Step unrolledStep = ctx.forwardBackward(valid, mix, true, true);
    NDArray dalpha = gradientCopy(alpha, s);
    NDArray[] v = new NDArray[n];
    for (int i = 0; i < n; i++) {
      v[i] = gradientCopy(w.get(i), s);
    }
    assign(w, saved);
    assign(stats, savedStats);
    Gradients.zero(w);
    Gradients.zero(List.of(alpha));
    // finite-difference Hessian-vector product at w on the training batch
    NDArray[] flat = new NDArray[n];
    for (int i = 0; i < n; i++) {
      flat[i] = v[i].reshape(-1);
    }
    NDArray norm = NDArrays.concat(new NDList(flat)).norm();
    NDArray step = NdScope.scalar(s, r, type).div(norm);
    NDArray plus = alphaGradientAt(train, saved, v, step, true, s);
    NDArray minus = alphaGradientAt(train, saved, v, step, false, s);
    assign(w, saved);
    NDArray implicit = plus.sub(minus).div(step.mul(NdScope.scalar(s, 2, type)));
    NDArray gradient = dalpha.sub(implicit.mul(lr));
    return new Hypergradient(gradient, unrolledStep);
  }

  /** alpha's training-loss gradient at {@code saved +- step * v}; alpha's gradient is zero again afterwards. */
  private NDArray alphaGradientAt(Batch train, NDArray[] saved, NDArray[] v, NDArray step, boolean plus,
      NDManager s) {
    List<NDArray> w = ctx.weights();
    for (int i = 0; i < saved.length; i++) {
      NDArray delta = v[i].mul(step);
      w.get(i).set(ALL, plus ? saved[i].add(delta) : saved[i].sub(delta));
    }
    ctx.forwardBackward(train, SoftmaxMixture.INSTANCE, false, true);
    NDArray alpha = ctx.supernet().alpha();
    NDArray g = gradientCopy(alpha, s);
    Gradients.zero(List.of(alpha));
    return g;
  }

  private static NDArray gradientCopy(NDArray a, NDManager s) {
    try (NDArray g = a.getGradient()) {
      return NdScope.own(s, g.duplicate());
    }
  }

  private static void assign(List<NDArray> targets, NDArray[] values) {
    for (int i = 0; i < values.length; i++) {
      targets.get(i).set(ALL, values[i]);
    }
  }

  @Override
  public EdgeWeighting evalWeighting() {
    return SoftmaxMixture.INSTANCE;
  }

  @Override
  public Arch currentArch() {
    return ctx.supernet().genotype();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** DARTS-V2's options: the shared settings and the finite-difference radius r. */
  public record Options(SearchSettings settings, double r) implements MethodOptions {
    @Override
    public String method() {
      return NAME;
    }

    @Override
    public Map<String, Object> own() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("hvp_r", r);
      return m;
    }

    @Override
    public WeightSharingMethod create(SearchContext context) {
      return new DartsV2(context, r);
    }
  }

  /** Builder with the official defaults: 50 epochs, evaluation after every epoch, r = 0.01. */
  public static final class Builder extends SearchSettings.Builder<Builder> {
    private double r = 1e-2;

    private Builder() {
      super(50, true);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The finite-difference radius r of the Hessian-vector product, R = r / ||v|| (default 0.01). */
    public Builder optHvpR(double r) {
      this.r = r;
      return this;
    }

    @Override
    protected void setOwn(String key, String value) {
      if (key.equals("hvp_r")) {
        r = number(key, value);
      } else {
        super.setOwn(key, value);
      }
    }

    @Override
    public Options build() {
      SearchSettings s = buildSettings();
      check(r > 0, "hvp_r must be > 0, got " + r);
      return new Options(s, r);
    }
  }
}
