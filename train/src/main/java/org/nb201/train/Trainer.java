package org.nb201.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nb201.space.Cost;
import org.nb201.space.CostModel;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;
import org.nb201.space.provenance.Backend;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Machine;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.data.Batcher;
import org.nb201.train.data.DataException;
import org.nb201.train.data.ImageSet;
import org.nb201.train.data.Normalization;
import org.nb201.train.data.TrainingData;
import org.nb201.train.model.ModelCost;
import org.nb201.train.model.TinyNetwork;

/**
 * Runs one trial with the official protocol (spec 3): per epoch, cosine learning rate, a shuffled
 * pass over the augmented training set (BN in train mode, plain cross-entropy, Nesterov SGD), then
 * an evaluation of every set (BN in eval mode). Every batch's arrays live in a per-batch
 * {@link NDManager}, so memory stays flat. On CPU a seed fixes the initial weights (torch RNG), the
 * data order and the augmentation ({@link SplittableRandom}), so two runs with the same seed and
 * thread count give identical records except times.
 */
public final class Trainer {
  private static final int[] CLASS_AXIS = {1};
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
      Batch batch = new Batch(config.batchSize(), data.train());
      Batcher trainBatcher = new Batcher(data.train(), norm, TrainingData.cropPadding(config.dataset()),
          config.channelsLast());
      try (NesterovSgd sgd = new NesterovSgd(net.getParameters().values(), root, config.momentum(),
          config.weightDecay(), config.nesterov())) {
        for (int e = 0; e < config.epochs(); e++) {
          double lr = schedule.lr(e);
          long t0 = System.nanoTime();
          Metrics train = trainEpoch(e, engine, root, ps, net, sgd, trainBatcher, batch, rng, lr);
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
    Provenance p = Provenance.builder().optCreatedAt(started).optFinishedAt(Instant.now()).optConfig(config.describe())
        .addSeed(config.seed())
        .addInput(new Input(Input.DATA, config.dataset().key(), Input.MD5_LIST, data.checksum(), -1))
        .optMachine(Machine.current().withHost())
        .optEngine(new Backend(engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(),
            device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu", Engines.threads(), Engines.interopThreads(),
            NativeHeap.tune()))
        .build();
    int index = SearchSpace.official().indexOf(config.arch());
    return new TrialResult(config, index, epochs, cost.flops(), cost.params(), latency, latencies, p);
  }

  private Metrics trainEpoch(int epoch, Engine engine, NDManager root, ParameterStore ps, TinyNetwork net,
      NesterovSgd sgd, Batcher batcher, Batch batch, SplittableRandom rng, double lr) {
    int n = batcher.set().size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int bs = config.batchSize();
    int batches = (n + bs - 1) / bs;
    listener.epochStarted(epoch, batches);
    Metrics m = new Metrics();
    for (int b = 0; b < batches; b++) {
      long t0 = System.nanoTime();
      int from = b * bs;
      int to = Math.min(n, from + bs);
      batcher.fill(order, from, to, batch.images, rng);
      batcher.oneHot(order, from, to, batch.targets);
      int[] labels = batcher.labels(order, from, to);
      long t1, t2, t3, t4, t5;
      try (NDManager bm = root.newSubManager()) {
        NDArray x = batch.images(bm, to - from, net, batcher);
        NDArray y = batch.targets(bm, to - from, batcher.set().numClasses());
        t1 = System.nanoTime();
        float loss;
        float[] logits;
        try (GradientCollector gc = engine.newGradientCollector()) {
          NDArray out = net.forward(ps, new NDList(x), true).head();
          NDArray l = out.logSoftmax(1).mul(y).sum(CLASS_AXIS).mean().neg();
          t2 = System.nanoTime();
          gc.backward(l);
          t3 = System.nanoTime();
          loss = l.getFloat();
          logits = out.toFloatArray();
        }
        t4 = System.nanoTime();
        sgd.step(lr);
        t5 = System.nanoTime();
        m.add(loss, logits, labels);
        listener.batchDone(epoch, b, loss);
      }
      if (PROFILE) {
        System.err.printf("batch %d data %.1f fwd %.1f bwd %.1f read %.1f sgd %.1f close %.1f ms%n", b, (t1 - t0) / 1e6,
            (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6, (System.nanoTime() - t5) / 1e6);
      }
    }
    return m;
  }

  private EvalResult evaluate(Split split, ImageSet set, NDManager root, ParameterStore ps, TinyNetwork net,
      Normalization norm, List<Double> latencies) {
    long t0 = System.nanoTime();
    Batcher batcher = new Batcher(set, norm, 0, config.channelsLast());
    Batch batch = new Batch(config.batchSize(), set);
    int n = set.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Metrics m = new Metrics();
    List<Double> times = new ArrayList<>();
    int firstSize = -1;
    for (int from = 0; from < n; from += config.batchSize()) {
      int to = Math.min(n, from + config.batchSize());
      batcher.fill(order, from, to, batch.images, null);
      batcher.oneHot(order, from, to, batch.targets);
      try (NDManager bm = root.newSubManager()) {
        NDArray x = batch.images(bm, to - from, net, batcher);
        NDArray y = batch.targets(bm, to - from, set.numClasses());
        long s = System.nanoTime();
        NDArray out = net.forward(ps, new NDList(x), false).head();
        float loss = out.logSoftmax(1).mul(y).sum(CLASS_AXIS).mean().neg().getFloat();
        double dt = (System.nanoTime() - s) / 1e9;
        if (firstSize < 0) {
          firstSize = to - from;
        }
        if (to - from == firstSize) {
          times.add(dt);
        }
        m.add(loss, out.toFloatArray(), batcher.labels(order, from, to));
      }
    }
    if (latencies != null) {
      // spec 5.4: the first record is dropped when there are more than two
      latencies.addAll(times.size() > 2 ? times.subList(1, times.size()) : times);
    }
    double time = (System.nanoTime() - t0) / 1e9;
    return new EvalResult(split, m.loss(), m.top1(), m.top5(), time, n);
  }

  /**
   * Reusable host buffers for one batch: images (in the batcher's layout) and one-hot targets,
   * each with its own direct staging buffer (the engine may read it when the array is created).
   */
  private static final class Batch {
    final float[] images;
    final float[] targets;
    private final ByteBuffer imageStage;
    private final ByteBuffer targetStage;

    Batch(int size, ImageSet set) {
      images = new float[size * set.imageBytes()];
      targets = new float[size * set.numClasses()];
      imageStage = ByteBuffer.allocateDirect(images.length * 4).order(ByteOrder.nativeOrder());
      targetStage = ByteBuffer.allocateDirect(targets.length * 4).order(ByteOrder.nativeOrder());
    }

    /** The {@code n} images that {@code batcher} wrote, as (N, C, H, W) in the batcher's memory order. */
    NDArray images(NDManager m, int n, TinyNetwork net, Batcher batcher) {
      Shape s = net.inputShape(n);
      if (!batcher.channelsLast()) {
        return create(m, images, imageStage, s);
      }
      // (N, H, W, C) data seen as (N, C, H, W): a channels-last view, which the convolutions
      // and everything after them keep
      try (NDArray nhwc = create(m, images, imageStage, new Shape(n, s.get(2), s.get(3), s.get(1)))) {
        return nhwc.transpose(0, 3, 1, 2);
      }
    }

    NDArray targets(NDManager m, int n, int classes) {
      return create(m, targets, targetStage, new Shape(n, classes));
    }

    private static NDArray create(NDManager m, float[] src, ByteBuffer stage, Shape shape) {
      int count = (int) shape.size();
      ByteBuffer b = stage.duplicate().order(ByteOrder.nativeOrder());
      b.clear();
      b.asFloatBuffer().put(src, 0, count);
      b.limit(count * 4);
      return m.create(b.slice().order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32);
    }
  }
}
