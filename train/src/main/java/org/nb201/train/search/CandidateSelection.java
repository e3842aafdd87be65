package org.nb201.train.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;
import org.nb201.train.Batch;
import org.nb201.train.Metrics;
import org.nb201.train.supernet.SinglePath;

/**
 * The selection step of the sampling-based methods (AutoDL-Projects
 * {@code exps/NAS-Bench-201-algos/RANDOM-NAS.py::search_find_best}, {@code SETN.py::get_best_arch},
 * {@code ENAS.py::get_best_arch}): candidate i is scored by its top-1 accuracy (%) on one
 * validation batch with the shared weights in evaluation mode, computing only that cell
 * ({@link SinglePath}); the best is the first candidate with the highest score ({@code np.argmax}).
 * As in the official loops every candidate gets the <em>next</em> batch of a fresh shuffled pass
 * over the validation set, a new pass starting when one is used up ({@link ValidBatches}); the
 * batches have the test transform (RSPS, SETN: the {@code valid_loader} of test batch 512) or the
 * training augmentation (ENAS, whose {@code valid_loader} has the training transform, batch 128).
 * Every scored candidate is kept ({@link Result#toList()}) for the epoch's record.
 */
public final class CandidateSelection {
  private final SearchContext ctx;
  private final ValidBatches batches;

  /** A selection on {@code ctx}'s supernet and validation set, batches of {@code batchSize}, augmented or not. */
  public CandidateSelection(SearchContext ctx, int batchSize, boolean augment) {
    this.ctx = ctx;
    this.batches = new ValidBatches(ctx.loader().validStream(batchSize, augment), ctx.random());
  }

  /** One scored candidate: the cell and its top-1 (%) on its batch. */
  public record Scored(Arch arch, double top1) {
    /** {@code arch}, {@code arch_index} (official index) and {@code top1}. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("arch", arch.toString());
      m.put("arch_index", SearchSpace.official().indexOf(arch));
      m.put("top1", top1);
      return m;
    }
  }

  /** The scored candidates in scoring order and the position of the best. */
  public record Result(List<Scored> candidates, int best) {
    public Result {
      candidates = List.copyOf(candidates);
    }

    /** The chosen cell. */
    public Arch arch() {
      return candidates.get(best).arch();
    }

    /** The chosen cell's score. */
    public double top1() {
      return candidates.get(best).top1();
    }

    /** Every candidate as {@link Scored#toMap()}, in scoring order. */
    public List<Map<String, Object>> toList() {
      List<Map<String, Object>> l = new ArrayList<>();
      for (Scored s : candidates) {
        l.add(s.toMap());
      }
      return l;
    }
  }

  /**
   * Scores {@code n} candidates, candidate i being {@code candidate.apply(i)} (drawn before its
   * batch is loaded), on a fresh pass of validation batches.
   */
  public Result select(int n, IntFunction<Arch> candidate) {
    if (n < 1) {
      throw new IllegalArgumentException("a selection needs at least one candidate, got " + n);
    }
    batches.restart();
    List<Scored> scored = new ArrayList<>();
    int best = 0;
    for (int i = 0; i < n; i++) {
      Arch arch = candidate.apply(i);
      double top1 = score(arch);
      scored.add(new Scored(arch, top1));
      if (top1 > scored.get(best).top1()) {
        best = i;
      }
    }
    return new Result(scored, best);
  }

  /** Scores every cell of {@code candidates} in order. */
  public Result select(List<Arch> candidates) {
    return select(candidates.size(), candidates::get);
  }

  /** Top-1 (%) of {@code arch} on the next validation batch, evaluation mode. */
  double score(Arch arch) {
    try (NDManager m = ctx.root().newSubManager()) {
      Batch b = batches.next(m);
      NDArray out = ctx.supernet().forward(ctx.parameterStore(), b.images(), false, new SinglePath(arch));
      Metrics metrics = new Metrics();
      metrics.add(0, out.toType(DataType.FLOAT32, false).toFloatArray(), b.labels());
      return metrics.top1();
    }
  }
}
