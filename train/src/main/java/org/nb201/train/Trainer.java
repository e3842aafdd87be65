package org.nb201.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nb201.space.Cost;
import org.nb201.space.CostModel;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.data.DataException;
import org.nb201.train.data.ImageSet;
import org.nb201.train.data.Normalization;
import org.nb201.train.data.TrainingData;
import org.nb201.train.model.ModelCost;
import org.nb201.train.model.TinyNetwork;

/**
 * Runs one trial with the official protocol (AutoDL-Projects {@code exps/NAS-Bench-201/functions.py::procedure},
 * {@code evaluate_for_seed}; see docs/network-and-protocol.md#training-protocol): per epoch, cosine learning
 * rate, a shuffled
 * pass over the augmented training set (BN in train mode, plain cross-entropy, Nesterov SGD), then
 * an evaluation of every set (BN in eval mode). Every batch's arrays live in a per-batch
 * {@link NDManager}, so memory stays flat. On CPU a seed fixes the initial weights (torch RNG), the
 * data order and the augmentation ({@link SplittableRandom}), so two runs with the same seed and
 * thread count give identical records except times.
 */
public final class Trainer {
  /** {@code -Dnb201.profile=true}: one stderr line per training batch with the time of each phase. */
  private static final boolean PROFILE = Boolean.getBoolean("nb201.profile");

  private final TrainConfig config;
  private final TrainingData data;
  private final TrainListener listener;

  private Trainer(TrainConfig config, TrainingData data, TrainListener listener) {
    this.config = config;
    this.data = data;
    this.listener = listener;
  }

  /** Loads the data of {@code config} and trains. */
  public static TrialResult train(TrainConfig config, TrainListener listener) throws DataException {
    TrainingData d = TrainingData.load(config.dataset(), config.dataDir(), config.splitDir(), config.verifyData());
    return train(config, d, listener);
  }

  /** Trains on already loaded data (the config's limits are applied here). */
  public static TrialResult train(TrainConfig config, TrainingData data, TrainListener listener) {
    if (data.dataset() != config.dataset()) {
      throw new IllegalArgumentException("data is " + data.dataset() + " but the config says " + config.dataset());
    }
    return new Trainer(config, data.limit(config.trainLimit(), config.evalLimit()), listener).run();
  }

  private TrialResult run() {
    Instant started = Instant.now();
    Engine engine = Engines.pytorch(config.threads());
    Device device = Engines.device(engine, config.device());
    engine.setRandomSeed(config.seed());
    SplittableRandom rng = new SplittableRandom(config.seed());
    Normalization norm = Normalization.of(config.dataset());
    CosineSchedule schedule = new CosineSchedule(config.learningRate(), config.epochs());
    List<EpochResult> epochs = new ArrayList<>();
    List<Double> latencies = new ArrayList<>();
    Cost cost;
    try (NDManager root = engine.newBaseManager(device)) {
      TinyNetwork net = new TinyNetwork(config.arch(), config.shape(), config.channelsLast());
      net.initialize(root);
      cost = ModelCost.of(net);
      if (!cost.equals(CostModel.cost(config.arch(), config.shape()))) {
        throw new IllegalStateException("built network costs " + cost + " but the cost model says "
            + CostModel.cost(config.arch(), config.shape()));
      }
      ParameterStore ps = new ParameterStore(root, false);
      BatchStream trainStream = new BatchStream(data.train(), norm, TrainingData.cropPadding(config.dataset()),
          config.channelsLast(), config.batchSize());
      try (NesterovSgd sgd = new NesterovSgd(net.getParameters().values(), root, config.momentum(),
          config.weightDecay(), config.nesterov())) {
        for (int e = 0; e < config.epochs(); e++) {
          double lr = schedule.lr(e);
          long t0 = System.nanoTime();
          Metrics train = trainEpoch(e, engine, root, ps, net, sgd, trainStream, rng, lr);
          double trainTime = (System.nanoTime() - t0) / 1e9;
          List<EvalResult> evals = new ArrayList<>();
          boolean last = e == config.epochs() - 1;
          for (Map.Entry<Split, ImageSet> s : data.evals().entrySet()) {
            evals.add(evaluate(s.getKey(), s.getValue(), root, ps, net, norm, last ? latencies : null));
          }
          EpochResult r = new EpochResult(e, lr, train.loss(), train.top1(), train.top5(), trainTime, evals);
          epochs.add(r);
          listener.epochDone(r);
        }
      }
    }
    double latency = latencies.stream().mapToDouble(Double::doubleValue).average().orElse(-1);
    Provenance p = Engines.provenance(engine, device, started).optFinishedAt(Instant.now())
        .optConfig(config.describe()).addSeed(config.seed())
        .addInput(new Input(Input.DATA, config.dataset().key(), Input.MD5_LIST, data.checksum(), -1))
        .build();
    int index = SearchSpace.official().indexOf(config.arch());
    return new TrialResult(config, index, epochs, cost.flops(), cost.params(), latency, latencies, p);
  }

  private Metrics trainEpoch(int epoch, Engine engine, NDManager root, ParameterStore ps, TinyNetwork net,
      NesterovSgd sgd, BatchStream stream, SplittableRandom rng, double lr) {
    int[] order = BatchStream.shuffled(stream.size(), rng);
    listener.epochStarted(epoch, stream.batches());
    Metrics m = new Metrics();
    long[] t0 = {System.nanoTime()};
    stream.forEach(root, order, rng, (b, batch) -> {
      long t1 = System.nanoTime();
      float loss;
      float[] logits;
      long t2;
      long t3;
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray out = net.forward(ps, new NDList(batch.images()), true).head();
        NDArray l = CrossEntropy.loss(out, batch.targets());
        t2 = System.nanoTime();
        gc.backward(l);
        t3 = System.nanoTime();
        loss = l.getFloat();
        logits = out.toFloatArray();
      }
      long t4 = System.nanoTime();
      sgd.step(lr);
      long t5 = System.nanoTime();
      m.add(loss, logits, batch.labels());
      listener.batchDone(epoch, b, loss);
      if (PROFILE) {
        System.err.printf("batch %d data %.1f fwd %.1f bwd %.1f read %.1f sgd %.1f ms%n", b, (t1 - t0[0]) / 1e6,
            (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6);
      }
      t0[0] = System.nanoTime();
    });
    return m;
  }

  private EvalResult evaluate(Split name, ImageSet set, NDManager root, ParameterStore ps, TinyNetwork net,
      Normalization norm, List<Double> latencies) {
    BatchStream stream = new BatchStream(set, norm, 0, config.channelsLast(), config.batchSize());
    List<Double> times = new ArrayList<>();
    EvalResult r = EvalPass.run(name, stream, root, x -> net.forward(ps, new NDList(x), false).head(), times);
    if (latencies != null) {
      // as AutoDL-Projects xautodl/procedures/funcs_nasbench.py::pure_evaluate: the first record is dropped
      // when there are more than two (docs/network-and-protocol.md#latency)
      latencies.addAll(times.size() > 2 ? times.subList(1, times.size()) : times);
    }
    return r;
  }
}
