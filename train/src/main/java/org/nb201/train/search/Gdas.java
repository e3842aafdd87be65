package org.nb201.train.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.train.Batch;
import org.nb201.train.supernet.EdgeWeighting;
import org.nb201.train.supernet.HardGumbel;

/**
 * GDAS (Dong and Yang, "Searching for A Robust Neural Architecture in Four GPU Hours", CVPR 2019)
 * as the NAS-Bench-201 paper ran it (AutoDL-Projects {@code exps/NAS-Bench-201-algos/GDAS.py},
 * {@code scripts-search/NAS-Bench-201-algos/GDAS.sh}, {@code configs/nas-benchmark/algos/GDAS.config}):
 * per batch a weight step on the training batch, then an alpha step on the validation batch, each
 * forward pass with a fresh hard Gumbel sample ({@link HardGumbel}); the temperature falls linearly
 * from {@code tauMax} 10 to {@code tauMin} 0.1 over the epochs, {@code tau(e) = tauMax - (tauMax -
 * tauMin) * e / (E - 1)}; no evaluation pass; the answer is the per-edge argmax of alpha after the
 * last epoch. Epochs default to 240, the {@code epochs} of the official GDAS.config (commit a84f483).
 */
public final class Gdas implements WeightSharingMethod {
  /** The method's name. */
  public static final String NAME = "gdas";

  private final SearchContext ctx;
  private final Options options;
  private HardGumbel sampler;

  private Gdas(SearchContext ctx, Options options) {
    this.ctx = ctx;
    this.options = options;
    this.sampler = new HardGumbel(options.tauMax(), ctx.random());
  }

  /** The temperature of epoch {@code epoch} of {@code epochs}. */
  static double tau(double tauMax, double tauMin, int epoch, int epochs) {
    return epochs == 1 ? tauMax : tauMax - (tauMax - tauMin) * epoch / (epochs - 1);
  }

  @Override
  public void newEpoch(int epoch) {
    sampler = new HardGumbel(tau(options.tauMax(), options.tauMin(), epoch, options.settings().epochs()),
        ctx.random());
  }

  @Override
  public StepRecord step(Batch train, Batch valid) {
    StepRecord.Step w = ctx.weightStep(train, sampler);
    StepRecord.Step a = ctx.archStep(valid, sampler);
    return new StepRecord(w, a);
  }

  @Override
  public EdgeWeighting evalWeighting() {
    return sampler; // the official forward samples in evaluation mode too
  }

  @Override
  public Arch currentArch() {
    return ctx.supernet().genotype();
  }

  @Override
  public Map<String, Object> epochInfo() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tau", sampler.tau());
    return m;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** GDAS's options: the shared settings and the temperature range. */
  public record Options(SearchSettings settings, double tauMax, double tauMin) implements MethodOptions {
    @Override
    public String method() {
      return NAME;
    }

    @Override
    public Map<String, Object> own() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tau_max", tauMax);
      m.put("tau_min", tauMin);
      return m;
    }

    @Override
    public WeightSharingMethod create(SearchContext context) {
      return new Gdas(context, this);
    }
  }

  /** Builder with the official defaults: 240 epochs, tau from 10 to 0.1, no evaluation pass. */
  public static final class Builder extends SearchSettings.Builder<Builder> {
    private double tauMax = 10;
    private double tauMin = 0.1;

    private Builder() {
      super(240, false);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The temperature at the first and at the last epoch (default 10, 0.1). */
    public Builder optTau(double tauMax, double tauMin) {
      this.tauMax = tauMax;
      this.tauMin = tauMin;
      return this;
    }

    @Override
    protected void setOwn(String key, String value) {
      switch (key) {
        case "tau_max" -> tauMax = number(key, value);
        case "tau_min" -> tauMin = number(key, value);
        default -> super.setOwn(key, value);
      }
    }

    @Override
    public Options build() {
      SearchSettings s = buildSettings();
      check(tauMin > 0 && tauMax >= tauMin, "GDAS needs 0 < tau_min <= tau_max, got tau_max=" + tauMax + " tau_min="
          + tauMin);
      return new Options(s, tauMax, tauMin);
    }
  }
}
