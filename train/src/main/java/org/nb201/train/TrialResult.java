package org.nb201.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One complete training trial: its configuration, the per-epoch records, exact FLOPs and
 * parameters of the built network, measured latency (seconds per eval batch, spec 5.4) and
 * provenance. {@link #moreInfo(int)} gives the official {@code get_more_info} view.
 */
public record TrialResult(TrainConfig config, int archIndex, List<EpochResult> epochs, long flops, long params,
    double latency, List<Double> latencies, Provenance provenance) {
  public TrialResult {
    epochs = List.copyOf(epochs);
    latencies = List.copyOf(latencies);
  }

  /** The architecture string. */
  public String arch() {
    return config.arch().toString();
  }

  /** FLOPs in millions, as the benchmark reports them. */
  public double mflops() {
    return flops / 1e6;
  }

  /** Parameters in millions. */
  public double mparams() {
    return params / 1e6;
  }

  /**
   * The official {@code get_more_info(index, dataset, iepoch)} keys for epoch {@code iepoch}:
   * {@code train-loss}, {@code train-accuracy}, {@code train-per-time}, {@code train-all-time}, then
   * per evaluation set {@code valid-*}, {@code test-*} and {@code valtest-*} (spec 6.1 mapping).
   */
  public Map<String, Double> moreInfo(int iepoch) {
    EpochResult e = epochs.get(iepoch);
    Map<String, Double> m = new LinkedHashMap<>();
    double trainAll = 0;
    for (int i = 0; i <= iepoch; i++) {
      trainAll += epochs.get(i).trainTime();
    }
    m.put("train-loss", e.trainLoss());
    m.put("train-accuracy", e.trainTop1());
    m.put("train-per-time", trainAll / (iepoch + 1));
    m.put("train-all-time", trainAll);
    for (EvalResult r : e.evals()) {
      String prefix = prefix(r.split());
      double all = 0;
      for (int i = 0; i <= iepoch; i++) {
        all += epochs.get(i).eval(r.split()).time();
      }
      m.put(prefix + "-loss", r.loss());
      m.put(prefix + "-accuracy", r.top1());
      m.put(prefix + "-per-time", all / (iepoch + 1));
      m.put(prefix + "-all-time", all);
    }
    return m;
  }

  private String prefix(String split) {
    boolean hasXTest = epochs.get(0).eval("x-test") != null;
    return switch (split) {
      case "x-valid" -> "valid";
      case "x-test" -> "test";
      case "ori-test" -> hasXTest ? "valtest" : "test";
      default -> split;
    };
  }
}
