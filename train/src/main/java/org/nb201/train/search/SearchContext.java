package org.nb201.train.search;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.nb201.train.Adam;
import org.nb201.train.Batch;
import org.nb201.train.CrossEntropy;
import org.nb201.train.Gradients;
import org.nb201.train.NesterovSgd;
import org.nb201.train.supernet.EdgeWeighting;
import org.nb201.train.supernet.Supernet;

/**
 * What every weight-sharing method works on: the supernet, its parameter store, the weight
 * optimiser (Nesterov SGD with the epoch's learning rate) and the architecture optimiser (Adam on
 * alpha), the search's random stream, and the two steps most methods are made of
 * ({@link #weightStep}, {@link #archStep}).
 *
 * <p>Gradient bookkeeping follows the official loops (AutoDL-Projects
 * {@code exps/NAS-Bench-201-algos/DARTS-V1.py::search_func}, {@code GDAS.py::search_func}): the
 * weight step zeroes the weights' gradients ({@code w_optimizer.zero_grad()}), and alpha's gradient
 * is zeroed only before an architecture backward ({@code a_optimizer.zero_grad()}), so during the
 * weight step it still holds the last architecture gradient and accumulates the weight step's
 * (which is what {@code clip_grad_norm_(network.parameters(), 5)} then counts). A backward pass
 * computes gradients only for what its step uses (no weight gradients in an architecture step):
 * the official code computes and then discards them, which changes no value.
 */
public final class SearchContext {
  private final SearchSettings settings;
  private final Engine engine;
  private final NDManager root;
  private final ParameterStore ps;
  private final Supernet supernet;
  private final List<NDArray> weights;
  private final NesterovSgd sgd;
  private final Adam archOptimizer;
  private final SearchRandom rng;
  private final SearchLoader loader;
  private double lr;

  /**
   * A context on {@code supernet} (initialised in {@code root}) with optimisers from
   * {@code settings}, the search's random stream and its data.
   */
  public SearchContext(SearchSettings settings, Engine engine, NDManager root, Supernet supernet, SearchRandom rng,
      SearchLoader loader) {
    this.settings = settings;
    this.engine = engine;
    this.root = root;
    this.ps = new ParameterStore(root, false);
    this.supernet = supernet;
    List<Parameter> trainable = new ArrayList<>();
    for (Parameter p : supernet.getParameters().values()) {
      if (p.requiresGradient()) {
        trainable.add(p);
      }
    }
    this.weights = supernet.weights();
    this.sgd = new NesterovSgd(trainable, root, settings.momentum(), settings.weightDecay(), settings.nesterov());
    this.archOptimizer = new Adam(List.of(supernet.alpha()), root, settings.archLr(), settings.archBeta1(),
        settings.archBeta2(), settings.archEps(), settings.archWeightDecay());
    this.rng = rng;
    this.loader = loader;
    this.lr = settings.lr();
  }

  public SearchSettings settings() {
    return settings;
  }

  public Engine engine() {
    return engine;
  }

  /** The search's long-lived memory scope. */
  public NDManager root() {
    return root;
  }

  public ParameterStore parameterStore() {
    return ps;
  }

  public Supernet supernet() {
    return supernet;
  }

  /** The supernet's weights (alpha excluded), in the weight optimiser's order. */
  public List<NDArray> weights() {
    return weights;
  }

  public NesterovSgd weightOptimizer() {
    return sgd;
  }

  public Adam archOptimizer() {
    return archOptimizer;
  }

  /** The search's random stream. */
  public SearchRandom random() {
    return rng;
  }

  /**
   * The search's data: methods that score cells on validation batches or train a controller
   * between epochs draw batches from it.
   */
  public SearchLoader loader() {
    return loader;
  }

  /** The weight learning rate of the current epoch. */
  public double lr() {
    return lr;
  }

  void setLr(double lr) {
    this.lr = lr;
  }

  /**
   * A training-mode forward and backward pass of {@code batch} weighed by {@code w}, computing
   * gradients (accumulated, as in PyTorch) for the weights when {@code weightGrads} and for alpha
   * when {@code alphaGrads}; no optimiser step. At least one of them must be true.
   */
  public StepRecord.Step forwardBackward(Batch batch, EdgeWeighting w, boolean weightGrads, boolean alphaGrads) {
    boolean alpha = alphaGrads && w.usesAlpha();
    if (!weightGrads && !alpha) {
      throw new IllegalArgumentException("a backward pass needs gradients for the weights or for alpha");
    }
    requireGradients(weights, weightGrads);
    supernet.alpha().setRequiresGradient(alpha);
    // the pass's arrays (results belong to their first operand's scope) close with the pass: DJL
    // keeps a pass's activations alive for as long as its outputs are open, so passes left open
    // until the batch ends would stack up (measured: +230 MB per pass at C16 N1, batch 64)
    try (NDManager pass = root.newSubManager(); GradientCollector gc = engine.newGradientCollector()) {
      NDArray x = batch.images();
      NDArray y = batch.targets();
      x.tempAttach(pass);
      y.tempAttach(pass);
      NDArray out = supernet.forward(ps, x, true, w);
      NDArray loss = CrossEntropy.loss(out, y);
      gc.backward(loss);
      // float32 readouts, also of a float64 supernet (gradient checks)
      return new StepRecord.Step(loss.toType(DataType.FLOAT32, false).getFloat(),
          out.toType(DataType.FLOAT32, false).toFloatArray(), batch.labels());
    } finally {
      requireGradients(weights, true);
      supernet.alpha().setRequiresGradient(true);
    }
  }

  /**
   * The weight step: zero the weights' gradients, forward and backward on {@code batch} (alpha's
   * gradient accumulates when clipping counts it), clip the gradient norm, SGD step with the
   * epoch's learning rate.
   */
  public StepRecord.Step weightStep(Batch batch, EdgeWeighting w) {
    Gradients.zero(weights);
    boolean clipAlpha = settings.clipArchGradient() && w.usesAlpha();
    StepRecord.Step s = forwardBackward(batch, w, true, clipAlpha);
    if (settings.gradClip() > 0) {
      List<NDArray> clipped = weights;
      if (clipAlpha) {
        clipped = new ArrayList<>(weights);
        clipped.add(supernet.alpha());
      }
      Gradients.clipNorm(clipped, settings.gradClip(), root);
    }
    sgd.step(lr);
    return s;
  }

  /** The architecture step: zero alpha's gradient, forward and backward on {@code batch} for alpha, Adam step. */
  public StepRecord.Step archStep(Batch batch, EdgeWeighting w) {
    archOptimizer.zeroGrad();
    StepRecord.Step s = forwardBackward(batch, w, false, true);
    archOptimizer.step();
    return s;
  }

  private static void requireGradients(List<NDArray> arrays, boolean on) {
    for (NDArray a : arrays) {
      a.setRequiresGradient(on);
    }
  }
}
