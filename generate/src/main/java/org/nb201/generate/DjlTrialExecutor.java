package org.nb201.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.EpochMetrics;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;
import org.nb201.train.EpochResult;
import org.nb201.train.EvalResult;
import org.nb201.train.TrainConfig;
import org.nb201.train.TrainListener;
import org.nb201.train.Trainer;
import org.nb201.train.TrialResult;
import org.nb201.train.data.DataException;
import org.nb201.train.data.TrainingData;

/**
 * Trains trials with the DJL trainer of module {@code train}. The data of each dataset is loaded
 * once per executor (so once per worker process) and reused by every trial.
 */
public final class DjlTrialExecutor implements TrialExecutor {
  private final Map<Dataset, Path> dataDirs;
  private final Path splitDir;
  private final int threads;
  private final TrainConfig.Device device;
  private final Map<Dataset, TrainingData> loaded = new EnumMap<>(Dataset.class);

  /**
   * @param dataDirs where each dataset's files are (a dataset absent here fails its trials clearly)
   * @param splitDir the official split files, or {@code null} for the default location
   * @param threads intra-op threads (0 = the engine default)
   */
  public DjlTrialExecutor(Map<Dataset, Path> dataDirs, Path splitDir, int threads, TrainConfig.Device device) {
    this.dataDirs = Map.copyOf(dataDirs);
    this.splitDir = splitDir;
    this.threads = threads;
    this.device = device;
  }

  @Override
  public TrialOutcome run(TrialSpec spec) throws DataException {
    Dataset dataset = Dataset.byKey(spec.dataset());
    Path dir = dataDirs.get(dataset);
    if (dir == null) {
      throw new IllegalArgumentException("no data directory for " + dataset + "; pass --data-dir for it");
    }
    TrainConfig config = TrainConfig.builder().setArch(SearchSpace.official().arch(spec.index())).setDataset(dataset)
        .setDataDir(dir).optSplitDir(splitDir).optEpochs(spec.hp()).optSeed(spec.seed())
        .optShape(spec.channels(), spec.cells()).optTrainLimit(spec.trainLimit()).optEvalLimit(spec.evalLimit())
        .optBatchSize(spec.batchSize())
        .optThreads(threads).optDevice(device).build();
    TrainingData data = loaded.get(dataset);
    if (data == null) {
      data = TrainingData.load(dataset, dir, splitDir, true);
      loaded.put(dataset, data);
    }
    TrialResult r = Trainer.train(config, data, TrainListener.NONE);
    return outcome(spec, r);
  }

  /** Converts a trainer result into the store's terms (time of a split = seconds of that epoch on it). */
  public static TrialOutcome outcome(TrialSpec spec, TrialResult r) {
    List<EpochMetrics> metrics = new ArrayList<>();
    for (EpochResult e : r.epochs()) {
      metrics.add(new EpochMetrics(e.epoch(), Split.TRAIN, e.trainTop1(), e.trainLoss(), e.trainTime(), e.trainTop5()));
      for (EvalResult ev : e.evals()) {
        metrics.add(EpochMetrics.of(e.epoch(), ev.split(), ev.top1(), ev.loss(), ev.time()));
      }
    }
    return new TrialOutcome(spec, metrics, r.mflops(), r.mparams(), r.latency(), r.provenance());
  }
}
