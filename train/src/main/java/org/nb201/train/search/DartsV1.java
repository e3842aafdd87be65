package org.nb201.train.search;

import org.nb201.space.Arch;
import org.nb201.train.Batch;
import org.nb201.train.supernet.EdgeWeighting;
import org.nb201.train.supernet.SoftmaxMixture;

/**
 * First-order DARTS (Liu, Simonyan and Yang, ICLR 2019) as the NAS-Bench-201 paper ran it
 * (AutoDL-Projects {@code exps/NAS-Bench-201-algos/DARTS-V1.py::search_func},
 * {@code configs/nas-benchmark/algos/DARTS.config}): per batch a weight step on the training batch
 * with the softmax mixture, then an alpha step on the validation batch; 50 epochs; every epoch ends
 * with an evaluation of the validation set; the answer is the per-edge argmax of alpha after the
 * last epoch ({@code none} allowed).
 */
public final class DartsV1 implements WeightSharingMethod {
  /** The method's name. */
  public static final String NAME = "darts-v1";

  private final SearchContext ctx;

  private DartsV1(SearchContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public StepRecord step(Batch train, Batch valid) {
    StepRecord.Step w = ctx.weightStep(train, SoftmaxMixture.INSTANCE);
    StepRecord.Step a = ctx.archStep(valid, SoftmaxMixture.INSTANCE);
    return new StepRecord(w, a);
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

  /** DARTS-V1's options: only the shared settings. */
  public record Options(SearchSettings settings) implements MethodOptions {
    @Override
    public String method() {
      return NAME;
    }

    @Override
    public WeightSharingMethod create(SearchContext context) {
      return new DartsV1(context);
    }
  }

  /** Builder with the official defaults: 50 epochs, evaluation after every epoch. */
  public static final class Builder extends SearchSettings.Builder<Builder> {
    private Builder() {
      super(50, true);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public Options build() {
      return new Options(buildSettings());
    }
  }
}
