package org.nb201.train.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nb201.space.Arch;
import org.nb201.train.Batch;
import org.nb201.train.supernet.EdgeWeighting;
import org.nb201.train.supernet.SinglePath;
import org.nb201.train.supernet.UniformPath;

/**
 * Random search with parameter sharing (Li and Talwalkar, UAI 2019) as the NAS-Bench-201 paper ran it
 * (AutoDL-Projects {@code exps/NAS-Bench-201-algos/RANDOM-NAS.py}, {@code configs/nas-benchmark/algos/RANDOM.config},
 * {@code xautodl/models/cell_searchs/search_model_random.py::TinyNetworkRANDOM.random_genotype}):
 * for every training batch a new uniformly random cell ({@code random.choice} of the five ops on
 * each edge in edge order), the same for all cells of the supernet, trained single path on the
 * training batch only ({@code search_func}: SGD with clipping; the paired validation batch is not
 * used). Every epoch ends with a selection ({@code search_find_best}): {@code select_num} 100 new
 * random cells scored by {@link CandidateSelection} on validation batches of {@code select_batch}
 * 512, the best being the epoch's cell; the evaluation pass of the validation set
 * ({@code valid_func}) draws a new random cell for every batch, as the official one does
 * ({@link UniformPath}; it runs before the selection there, after it here, which changes only the
 * order of the random draws). After the last epoch a second, independent selection picks the
 * answer, as the official script does after its loop. 250 epochs.
 */
public final class Rsps implements WeightSharingMethod {
  /** The method's name. */
  public static final String NAME = "rsps";

  private final SearchContext ctx;
  private final Options options;
  private final CandidateSelection selection;
  private int epoch;
  private CandidateSelection.Result epochSelection;
  private CandidateSelection.Result finalSelection;

  private Rsps(SearchContext ctx, Options options) {
    this.ctx = ctx;
    this.options = options;
    this.selection = new CandidateSelection(ctx, options.selectBatch(), false);
  }

  /** A uniformly random cell ({@link UniformPath#draw}). */
  public static Arch randomCell(RandomGenerator rng) {
    return UniformPath.draw(rng);
  }

  @Override
  public void newEpoch(int epoch) {
    this.epoch = epoch;
  }

  @Override
  public StepRecord step(Batch train, Batch valid) {
    Arch arch = randomCell(ctx.random());
    return new StepRecord(ctx.weightStep(train, new SinglePath(arch)), null);
  }

  @Override
  public void endEpoch() {
    epochSelection = selection.select(options.selectNum(), i -> randomCell(ctx.random()));
    if (epoch == options.settings().epochs() - 1) {
      finalSelection = selection.select(options.selectNum(), i -> randomCell(ctx.random()));
    }
  }

  @Override
  public EdgeWeighting evalWeighting() {
    return new UniformPath(ctx.random()); // the official valid_func draws a new cell per batch
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
    return selectionInfo(epochSelection, finalSelection);
  }

  /** An epoch's selection record: its candidates and score, and the final selection's when there is one. */
  static Map<String, Object> selectionInfo(CandidateSelection.Result epoch, CandidateSelection.Result last) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("candidates", epoch.toList());
    m.put("selected_top1", epoch.top1());
    if (last != null) {
      m.put("final_candidates", last.toList());
      m.put("final_arch", last.arch().toString());
      m.put("final_top1", last.top1());
    }
    return m;
  }

  @Override
  public Map<String, NDArray> state() {
    return finalState(ctx.root(), finalSelection);
  }

  @Override
  public void restore(Map<String, NDArray> state) {
    finalSelection = restoreFinal(state);
  }

  /** The final selection's cell for a checkpoint (none before the last epoch). */
  static Map<String, NDArray> finalState(NDManager m, CandidateSelection.Result last) {
    if (last == null) {
      return Map.of();
    }
    NDArray code = m.create(new int[] {last.arch().code()});
    NDArray top1 = m.create(new double[] {last.top1()});
    return Map.of("final_arch_code", code, "final_top1", top1);
  }

  /** The final selection a checkpoint holds, as a one-candidate result (null when it holds none). */
  static CandidateSelection.Result restoreFinal(Map<String, NDArray> state) {
    NDArray code = state.get("final_arch_code");
    if (code == null) {
      return null;
    }
    Arch arch = Arch.ofCode(code.toIntArray()[0]);
    double top1 = state.get("final_top1").toDoubleArray()[0];
    return new CandidateSelection.Result(List.of(new CandidateSelection.Scored(arch, top1)), 0);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** RSPS's options: the shared settings, the candidates per selection and their batch size. */
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
      return new Rsps(context, this);
    }
  }

  /** Builder with the official defaults: 250 epochs, 100 candidates on batches of 512, evaluation each epoch. */
  public static final class Builder extends SelectionBuilder<Builder> {
    private Builder() {
      super(250, true);
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
      check(selectNum >= 1 && selectBatch >= 1, "RSPS needs select_num >= 1 and select_batch >= 1, got " + selectNum
          + " and " + selectBatch);
      return new Options(s, selectNum, selectBatch);
    }
  }
}
