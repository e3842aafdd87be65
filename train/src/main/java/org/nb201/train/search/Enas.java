package org.nb201.train.search;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.nb201.space.Arch;
import org.nb201.train.Adam;
import org.nb201.train.Batch;
import org.nb201.train.Gradients;
import org.nb201.train.Metrics;
import org.nb201.train.NdScope;
import org.nb201.train.supernet.EdgeWeighting;
import org.nb201.train.supernet.SinglePath;

/**
 * ENAS (Pham et al., "Efficient Neural Architecture Search via Parameter Sharing", ICML 2018) as the
 * NAS-Bench-201 paper ran it (AutoDL-Projects {@code exps/NAS-Bench-201-algos/ENAS.py},
 * {@code configs/nas-benchmark/algos/ENAS.config}, {@code scripts-search/NAS-Bench-201-algos/ENAS.sh}).
 *
 * <p>Shared CNN ({@code train_shared_cnn}): per training batch (128) one cell sampled from the
 * controller without gradients, a single-path weight step (SGD Nesterov 0.9, wd 2.5e-4, clip 5), the
 * learning rate the official cosine with {@code T_max} 10 from 0.05 to 5e-4 over 250 epochs, which
 * rises again after every 10 epochs (period 20; {@link CosineAnnealing}). The paired validation
 * batch of the shared loop is not used (the official script trains on the plain training loader).
 *
 * <p>Controller ({@code train_controller}, after each epoch's steps; {@link EnasController}):
 * {@code ctl_train_steps} 50 x {@code ctl_num_aggregate} 20 samples on validation batches of 128
 * with the <em>training</em> augmentation (the script copies the training transform onto its
 * validation loader), a fresh pass per epoch. Per sample: the cell's top-1 on its batch in
 * evaluation mode as a fraction, {@code reward = top1 + 1e-4 * entropy}, and the official baseline
 * with its quirks, reproduced: the baseline {@code B} of the previous epoch stays fixed for a whole
 * epoch ({@code baseline = B - (1 - 0.99) * (B - reward)} per sample, never updated between samples);
 * in the first epoch, where {@code B} is {@code None}, the baseline is the sample's own top-1, so the
 * advantage is only the entropy bonus; the next epoch's {@code B} is the baseline of the epoch's last
 * sample. The loss {@code -log_prob * (reward - baseline) / 20} is differentiated through the
 * entropy in both reward and baseline (the official tensors are not detached); gradients accumulate
 * over 20 samples, then the controller's gradient norm is clipped to 5 and Adam (lr 1e-3, betas
 * (0, 0.999), eps 1e-3) steps.
 *
 * <p>Selection ({@code get_best_arch}, {@link CandidateSelection} on the augmented validation batches
 * of 128): every epoch 10 controller samples (the function's default {@code n_samples}, which the
 * per-epoch call keeps), the best being the epoch's cell and the one the evaluation pass runs; after
 * the last epoch 100 ({@code controller_num_samples}) give the answer. The official per-epoch
 * evaluation pass ({@code valid_func}) reads the validation set with the training augmentation; here
 * it uses the test transform, like every method's evaluation.
 */
public final class Enas implements WeightSharingMethod {
  /** The method's name. */
  public static final String NAME = "enas";

  private final SearchContext ctx;
  private final Options options;
  private final EnasController controller;
  private final ControllerTraining training;
  private final CandidateSelection selection;
  private final ValidBatches controllerBatches;
  private int epoch;
  private Map<String, Object> controllerInfo = Map.of();
  private CandidateSelection.Result epochSelection;
  private CandidateSelection.Result finalSelection;

  private Enas(SearchContext ctx, Options options) {
    this.ctx = ctx;
    this.options = options;
    this.controller = new EnasController(ctx.root(), options.lstmSize(), options.lstmLayers(), options.tanhConstant(),
        options.temperature(), ctx.random());
    this.training = new ControllerTraining(controller, options, ctx.engine(), ctx.root(), ctx.random());
    int batch = ctx.settings().batchSize();
    this.selection = new CandidateSelection(ctx, batch, true);
    this.controllerBatches = new ValidBatches(ctx.loader().validStream(batch, true), ctx.random());
  }

  /** The controller (for inspection and tests). */
  public EnasController controller() {
    return controller;
  }

  @Override
  public void newEpoch(int epoch) {
    this.epoch = epoch;
  }

  @Override
  public StepRecord step(Batch train, Batch valid) {
    Arch arch = controller.sample(ctx.random());
    return new StepRecord(ctx.weightStep(train, new SinglePath(arch)), null);
  }

  @Override
  public void endEpoch() {
    controllerBatches.restart();
    controllerInfo = training.epoch(this::validTop1);
    epochSelection = selection.select(options.epochSamples(), i -> controller.sample(ctx.random()));
    if (epoch == options.settings().epochs() - 1) {
      finalSelection = selection.select(options.finalSamples(), i -> controller.sample(ctx.random()));
    }
  }

  /** Top-1 (a fraction) of {@code arch} on the next augmented validation batch, evaluation mode. */
  private double validTop1(Arch arch) {
    try (NDManager m = ctx.root().newSubManager()) {
      Batch b = controllerBatches.next(m);
      NDArray out = ctx.supernet().forward(ctx.parameterStore(), b.images(), false, new SinglePath(arch));
      Metrics metrics = new Metrics();
      metrics.add(0, out.toType(DataType.FLOAT32, false).toFloatArray(), b.labels());
      return metrics.top1() / 100;
    }
  }

  /**
   * The controller's REINFORCE training as {@code ENAS.py::train_controller} does it (see the class
   * comment): its Adam, its baseline carried across epochs, one epoch per {@link #epoch} call.
   */
  static final class ControllerTraining {
    private final EnasController controller;
    private final Options options;
    private final Engine engine;
    private final NDManager root;
    private final RandomGenerator rng;
    private final Adam adam;
    private double baseline = Double.NaN; // NaN: the official None

    ControllerTraining(EnasController controller, Options options, Engine engine, NDManager root,
        RandomGenerator rng) {
      this.controller = controller;
      this.options = options;
      this.engine = engine;
      this.root = root;
      this.rng = rng;
      this.adam = new Adam(controller.parameters(), root, options.controllerLr(), options.controllerBeta1(),
          options.controllerBeta2(), options.controllerEps(), 0);
    }

    /** The baseline the next epoch starts from (NaN before the first epoch). */
    double baseline() {
      return baseline;
    }

    Adam optimizer() {
      return adam;
    }

    void restore(Map<String, NDArray> adamState, long steps, double baseline) {
      adam.restore(adamState, steps);
      this.baseline = baseline;
    }

    /**
     * One epoch with {@code top1} as each sampled cell's accuracy (a fraction); returns the epoch's
     * means (loss, accuracy %, baseline, reward, entropy) and the baseline carried to the next epoch.
     */
    Map<String, Object> epoch(ToDoubleFunction<Arch> top1) {
      int steps = options.controllerSteps() * options.controllerAggregate();
      double sumLoss = 0;
      double sumAcc = 0;
      double sumBaseline = 0;
      double sumReward = 0;
      double sumEntropy = 0;
      double last = baseline;
      DataType f32 = DataType.FLOAT32;
      adam.zeroGrad();
      for (int s = 0; s < steps; s++) {
        Arch arch = controller.sample(rng);
        double acc = top1.applyAsDouble(arch);
        try (NDManager m = root.newSubManager(); GradientCollector gc = engine.newGradientCollector()) {
          EnasController.Policy p = controller.policy(m, arch);
          NDArray accuracy = NdScope.scalar(m, acc, f32);
          NDArray reward = accuracy.add(p.entropy().mul(NdScope.scalar(m, options.entropyWeight(), f32)));
          NDArray base;
          if (Double.isNaN(baseline)) {
            base = accuracy;
          } else {
            NDArray b = NdScope.scalar(m, baseline, f32);
            base = b.sub(NdScope.scalar(m, 1 - options.baselineDecay(), f32).mul(b.sub(reward)));
          }
          NDArray loss = p.logProb().neg().mul(reward.sub(base));
          sumLoss += loss.getFloat();
          sumAcc += acc * 100;
          sumBaseline += base.getFloat();
          sumReward += reward.getFloat();
          sumEntropy += p.entropy().getFloat();
          last = base.getFloat();
          gc.backward(loss.div(NdScope.scalar(m, options.controllerAggregate(), f32)));
        }
        if ((s + 1) % options.controllerAggregate() == 0) {
          Gradients.clipNorm(controller.parameters(), options.controllerGradClip(), root);
          adam.step();
          adam.zeroGrad();
        }
      }
      baseline = last;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ctl_loss", sumLoss / steps);
      m.put("ctl_top1", sumAcc / steps);
      m.put("ctl_baseline", sumBaseline / steps);
      m.put("ctl_reward", sumReward / steps);
      m.put("ctl_entropy", sumEntropy / steps);
      m.put("baseline", baseline);
      return m;
    }
  }

  @Override
  public EdgeWeighting evalWeighting() {
    return new SinglePath(epochSelection.arch());
  }

  @Override
  public Arch currentArch() {
    return epochSelection.arch();
  }

  @Override
  public Arch finalArch() {
    return finalSelection.arch();
  }

  @Override
  public Map<String, Object> epochInfo() {
    Map<String, Object> m = new LinkedHashMap<>(controllerInfo);
    m.putAll(Rsps.selectionInfo(epochSelection, finalSelection));
    return m;
  }

  @Override
  public Map<String, NDArray> state() {
    Map<String, NDArray> s = new LinkedHashMap<>();
    controller.named().forEach((k, v) -> s.put("controller/" + k, v));
    training.optimizer().state().forEach((k, v) -> s.put("controller_adam/" + k, v));
    NDManager root = ctx.root();
    s.put("controller_adam_steps", root.create(new long[] {training.optimizer().steps()}));
    s.put("baseline", root.create(new double[] {training.baseline()}));
    s.putAll(Rsps.finalState(root, finalSelection));
    return s;
  }

  @Override
  public void restore(Map<String, NDArray> state) {
    Map<String, NDArray> params = new LinkedHashMap<>();
    Map<String, NDArray> adam = new LinkedHashMap<>();
    state.forEach((k, v) -> {
      if (k.startsWith("controller/")) {
        params.put(k.substring("controller/".length()), v);
      } else if (k.startsWith("controller_adam/")) {
        adam.put(k.substring("controller_adam/".length()), v);
      }
    });
    controller.load(params);
    training.restore(adam, state.get("controller_adam_steps").toLongArray()[0],
        state.get("baseline").toDoubleArray()[0]);
    finalSelection = Rsps.restoreFinal(state);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * ENAS's options: the shared settings, the schedule's {@code T_max}, the controller's shape and
   * training, and the selections' sample counts.
   */
  public record Options(SearchSettings settings, int tMax, int lstmSize, int lstmLayers, double tanhConstant,
      double temperature, int controllerSteps, int controllerAggregate, double entropyWeight, double baselineDecay,
      double controllerLr, double controllerBeta1, double controllerBeta2, double controllerEps,
      double controllerGradClip, int epochSamples, int finalSamples) implements MethodOptions {
    @Override
    public String method() {
      return NAME;
    }

    @Override
    public double lrOf(int epoch) {
      return new CosineAnnealing(settings.lr(), settings.lrMin(), tMax, settings.epochs()).lr(epoch);
    }

    @Override
    public Map<String, Object> own() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("t_max", tMax);
      m.put("lstm_size", lstmSize);
      m.put("lstm_layers", lstmLayers);
      m.put("tanh_constant", tanhConstant);
      m.put("temperature", temperature);
      m.put("ctl_train_steps", controllerSteps);
      m.put("ctl_num_aggregate", controllerAggregate);
      m.put("ctl_entropy_weight", entropyWeight);
      m.put("ctl_bl_dec", baselineDecay);
      m.put("ctl_lr", controllerLr);
      m.put("ctl_beta1", controllerBeta1);
      m.put("ctl_beta2", controllerBeta2);
      m.put("ctl_eps", controllerEps);
      m.put("ctl_grad_clip", controllerGradClip);
      m.put("epoch_samples", epochSamples);
      m.put("ctl_num_samples", finalSamples);
      return m;
    }

    @Override
    public WeightSharingMethod create(SearchContext context) {
      return new Enas(context, this);
    }
  }

  /**
   * Builder with the official defaults: 250 epochs, batch 128, SGD lr 0.05 cosine (T_max 10) to 5e-4,
   * wd 2.5e-4, clip 5; controller LSTM 32 x 2, tanh constant 2.5, temperature 5, 50 x 20 samples per
   * epoch, entropy weight 1e-4, baseline decay 0.99, Adam 1e-3 (0, 0.999) eps 1e-3, clip 5; 10
   * samples per epoch's selection, 100 at the end; evaluation each epoch.
   */
  public static final class Builder extends SearchSettings.Builder<Builder> {
    private int tMax = 10;
    private int lstmSize = 32;
    private int lstmLayers = 2;
    private double tanhConstant = 2.5;
    private double temperature = 5;
    private int controllerSteps = 50;
    private int controllerAggregate = 20;
    private double entropyWeight = 1e-4;
    private double baselineDecay = 0.99;
    private double controllerLr = 1e-3;
    private double controllerBeta1 = 0;
    private double controllerBeta2 = 0.999;
    private double controllerEps = 1e-3;
    private double controllerGradClip = 5;
    private int epochSamples = 10;
    private int finalSamples = 100;

    private Builder() {
      super(250, true);
      optBatchSize(128);
      optLearningRate(0.05, 5e-4);
      optWeightDecay(2.5e-4);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The cosine schedule's half period in epochs (default 10). */
    public Builder optTMax(int tMax) {
      this.tMax = tMax;
      return this;
    }

    /** Controller samples per epoch: optimiser steps and samples aggregated per step (default 50, 20). */
    public Builder optControllerSteps(int steps, int aggregate) {
      this.controllerSteps = steps;
      this.controllerAggregate = aggregate;
      return this;
    }

    /** The controller's Adam: lr, betas and eps (default 1e-3, 0, 0.999, 1e-3). */
    public Builder optControllerOptimizer(double lr, double beta1, double beta2, double eps) {
      this.controllerLr = lr;
      this.controllerBeta1 = beta1;
      this.controllerBeta2 = beta2;
      this.controllerEps = eps;
      return this;
    }

    /** Samples scored by each epoch's selection and by the final one (default 10, 100). */
    public Builder optSamples(int epochSamples, int finalSamples) {
      this.epochSamples = epochSamples;
      this.finalSamples = finalSamples;
      return this;
    }

    @Override
    protected void setOwn(String key, String value) {
      switch (key) {
        case "t_max" -> tMax = integer(key, value);
        case "lstm_size" -> lstmSize = integer(key, value);
        case "lstm_layers" -> lstmLayers = integer(key, value);
        case "tanh_constant" -> tanhConstant = number(key, value);
        case "temperature" -> temperature = number(key, value);
        case "ctl_train_steps" -> controllerSteps = integer(key, value);
        case "ctl_num_aggregate" -> controllerAggregate = integer(key, value);
        case "ctl_entropy_weight" -> entropyWeight = number(key, value);
        case "ctl_bl_dec" -> baselineDecay = number(key, value);
        case "ctl_lr" -> controllerLr = number(key, value);
        case "ctl_beta1" -> controllerBeta1 = number(key, value);
        case "ctl_beta2" -> controllerBeta2 = number(key, value);
        case "ctl_eps" -> controllerEps = number(key, value);
        case "ctl_grad_clip" -> controllerGradClip = number(key, value);
        case "epoch_samples" -> epochSamples = integer(key, value);
        case "ctl_num_samples" -> finalSamples = integer(key, value);
        default -> super.setOwn(key, value);
      }
    }

    @Override
    protected boolean integerKey(String key) {
      return switch (key) {
        case "t_max", "lstm_size", "lstm_layers", "ctl_train_steps", "ctl_num_aggregate", "epoch_samples",
            "ctl_num_samples" -> true;
        default -> super.integerKey(key);
      };
    }

    @Override
    public Options build() {
      SearchSettings s = buildSettings();
      check(tMax >= 1, "ENAS needs t_max >= 1, got " + tMax);
      check(lstmSize >= 1 && lstmLayers >= 1, "ENAS needs lstm_size >= 1 and lstm_layers >= 1");
      check(tanhConstant > 0 && temperature > 0, "ENAS needs tanh_constant > 0 and temperature > 0");
      check(controllerSteps >= 1 && controllerAggregate >= 1, "ENAS needs ctl_train_steps >= 1 and"
          + " ctl_num_aggregate >= 1, got " + controllerSteps + " and " + controllerAggregate);
      check(entropyWeight >= 0 && baselineDecay >= 0 && baselineDecay <= 1, "ENAS needs ctl_entropy_weight >= 0 and"
          + " ctl_bl_dec in [0, 1]");
      check(controllerLr > 0 && controllerBeta1 >= 0 && controllerBeta1 < 1 && controllerBeta2 >= 0
          && controllerBeta2 < 1 && controllerEps > 0 && controllerGradClip > 0, "ENAS's controller optimiser needs"
          + " ctl_lr > 0, betas in [0, 1), ctl_eps > 0 and ctl_grad_clip > 0");
      check(epochSamples >= 1 && finalSamples >= 1, "ENAS needs epoch_samples >= 1 and ctl_num_samples >= 1");
      return new Options(s, tMax, lstmSize, lstmLayers, tanhConstant, temperature, controllerSteps,
          controllerAggregate, entropyWeight, baselineDecay, controllerLr, controllerBeta1, controllerBeta2,
          controllerEps, controllerGradClip, epochSamples, finalSamples);
    }
  }
}
