package org.nb201.train.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.train.Batch;
import org.nb201.train.NdScope;
import org.nb201.train.supernet.EdgeWeighting;
import org.nb201.train.supernet.SinglePath;
import org.nb201.train.supernet.SoftmaxMixture;

/**
 * SETN (Dong and Yang, "One-Shot Neural Architecture Search via Self-Evaluated Template Network",
 * ICCV 2019) as the NAS-Bench-201 paper ran it (AutoDL-Projects {@code exps/NAS-Bench-201-algos/SETN.py},
 * {@code configs/nas-benchmark/algos/SETN.config}, {@code xautodl/models/cell_searchs/search_model_setn.py}).
 * Per batch a weight step on the training batch with one uniformly random cell, single path
 * ({@code dync_genotype(True)}, which draws {@code random.choice} per edge, not from alpha, then the
 * {@code dynamic} mode), with no gradient clipping; then an architecture step on the validation
 * batch with the softmax mixture (the {@code joint} mode; Adam 3e-4, betas (0.5, 0.999), wd 1e-3).
 * Every epoch ends with a selection ({@code get_best_arch}): all 15,625 cells ranked by
 * {@code get_log_prob}, the sum over edges of {@code log_softmax(alpha)} at the cell's ops (float32,
 * summed edge by edge), sorted with Python's stable {@code sorted(key=-log_prob)} over
 * {@code Structure.gen_all} order (ties keep the enumeration order, first edge most significant;
 * {@link #ranked}); the top {@code select_num} 100 are scored by {@link CandidateSelection} on
 * validation batches of 512 and the best is the epoch's cell (and the one the evaluation pass runs).
 * After the last epoch a second selection over the same top 100, on new batches, gives the answer,
 * as the official script does after its loop. The official script's selection before the first
 * epoch ({@code genotypes[-1]}) is only logged and is left out. 250 epochs.
 */
public final class Setn implements WeightSharingMethod {
  /** The method's name. */
  public static final String NAME = "setn";

  private final SearchContext ctx;
  private final Options options;
  private final CandidateSelection selection;
  private int epoch;
  private CandidateSelection.Result epochSelection;
  private CandidateSelection.Result finalSelection;

  private Setn(SearchContext ctx, Options options) {
    this.ctx = ctx;
    this.options = options;
    this.selection = new CandidateSelection(ctx, options.selectBatch(), false);
  }

  /**
   * The {@code k} cells of highest log-probability under {@code alpha} (6 x 5), as the official
   * {@code return_topK} orders them: {@code log_softmax} per edge in float32, per cell the float32
   * sum over edges in edge order, descending, ties in {@code gen_all} order ({@link Arch#code()}).
   * {@code k} at least 15,625 (or negative) ranks all.
   */
  public static List<Arch> ranked(NDArray alpha, int k) {
    float[] lp;
    try (NDManager s = alpha.getManager().newSubManager()) {
      NDArray a = NdScope.own(s, alpha.toType(DataType.FLOAT32, true));
      lp = NdScope.own(s, a.logSoftmax(1)).toFloatArray();
    }
    return ranked(lp, k);
  }

  /** As {@link #ranked(NDArray, int)} from the log-softmax of alpha, row-major (6 x 5). */
  public static List<Arch> ranked(float[] logSoftmax, int k) {
    int ops = Op.values().length;
    float[] score = new float[Arch.COUNT];
    Integer[] order = new Integer[Arch.COUNT];
    for (int code = 0; code < Arch.COUNT; code++) {
      Arch a = Arch.ofCode(code);
      float s = 0f;
      for (int e = 0; e < Arch.EDGES; e++) {
        s += logSoftmax[e * ops + a.op(e).ordinal()];
      }
      score[code] = s;
      order[code] = code;
    }
    Arrays.sort(order, Comparator.comparingDouble(c -> -score[c])); // stable: ties stay in code order
    int n = k < 0 || k >= Arch.COUNT ? Arch.COUNT : k;
    List<Arch> top = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      top.add(Arch.ofCode(order[i]));
    }
    return top;
  }

  @Override
  public void newEpoch(int epoch) {
    this.epoch = epoch;
  }

  @Override
  public StepRecord step(Batch train, Batch valid) {
    Arch arch = Rsps.randomCell(ctx.random());
    StepRecord.Step w = ctx.weightStep(train, new SinglePath(arch));
    StepRecord.Step a = ctx.archStep(valid, SoftmaxMixture.INSTANCE);
    return new StepRecord(w, a);
  }

  @Override
  public void endEpoch() {
    List<Arch> top = ranked(ctx.supernet().alpha(), options.selectNum());
    epochSelection = selection.select(top);
    if (epoch == options.settings().epochs() - 1) {
      finalSelection = selection.select(top);
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
    return Rsps.selectionInfo(epochSelection, finalSelection);
  }

  @Override
  public Map<String, NDArray> state() {
    return Rsps.finalState(ctx.root(), finalSelection);
  }

  @Override
  public void restore(Map<String, NDArray> state) {
    finalSelection = Rsps.restoreFinal(state);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** SETN's options: the shared settings, the candidates per selection and their batch size. */
  public record Options(SearchSettings settings, int selectNum, int selectBatch) implements MethodOptions {
    @Override
    public String method() {
      return NAME;
    }

    @Override
    public Map<String, Object> own() {
      return SelectionBuilder.describe(selectNum, selectBatch);
    }

    @Override
    public WeightSharingMethod create(SearchContext context) {
      return new Setn(context, this);
    }
  }

  /**
   * Builder with the official defaults: 250 epochs, no gradient clipping, the top 100 cells scored
   * on batches of 512, evaluation each epoch.
   */
  public static final class Builder extends SelectionBuilder<Builder> {
    private Builder() {
      super(250, true);
      optGradClip(0);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public Options build() {
      SearchSettings s = buildSettings();
      int selectNum = selectNum();
      int selectBatch = selectBatch();
      check(selectNum >= 1 && selectNum <= Arch.COUNT && selectBatch >= 1, "SETN needs select_num in 1..15625 and"
          + " select_batch >= 1, got " + selectNum + " and " + selectBatch);
      return new Options(s, selectNum, selectBatch);
    }
  }
}
