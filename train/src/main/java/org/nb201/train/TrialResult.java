package org.nb201.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.OfficialNames;
import org.nb201.space.provenance.Provenance;

/**
 * One complete training trial: its configuration, the per-epoch records, exact FLOPs and
 * parameters of the built network, measured latency (seconds per eval batch; see
 * docs/network-and-protocol.md#latency) and
 * provenance (tool version, start and end, the configuration and seed, the data checksum, the
 * machine with its host name, the engine with its threads and native heap settings).
 * {@link #moreInfo(int)} gives the official {@code get_more_info} view.
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
   * per evaluation set {@code valid-*}, {@code test-*} and {@code valtest-*}: the dataset's
   * {@link OfficialNames#groups} (the mapping of NATS-Bench
   * {@code nats_bench/api_topology.py::NATStopology.get_more_info}; see docs/benchmark-data.md#get_more_info)
   * that this trial evaluated.
   */
  public Map<String, Double> moreInfo(int iepoch) {
    EpochResult e = epochs.get(iepoch);
    Map<String, Double> m = new LinkedHashMap<>();
    double trainAll = 0;
    for (int i = 0; i <= iepoch; i++) {
      trainAll += epochs.get(i).trainTime();
    }
    OfficialNames.TRAIN.put(m, e.trainLoss(), e.trainTop1(), trainAll / (iepoch + 1), trainAll);
    for (OfficialNames.Group g : OfficialNames.groups(config.dataset().key())) {
      EvalResult r = e.eval(g.split());
      if (r == null) {
        continue;
      }
      double all = 0;
      for (int i = 0; i <= iepoch; i++) {
        all += epochs.get(i).eval(g.split()).time();
      }
      g.put(m, r.loss(), r.top1(), all / (iepoch + 1), all);
    }
    return m;
  }
}
