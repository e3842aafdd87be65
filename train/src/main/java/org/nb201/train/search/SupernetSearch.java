package org.nb201.train.search;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.space.Split;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.Engines;
import org.nb201.train.EvalPass;
import org.nb201.train.EvalResult;
import org.nb201.train.Metrics;
import org.nb201.train.NdScope;
import org.nb201.train.data.DataException;
import org.nb201.train.data.SearchData;
import org.nb201.train.supernet.Supernet;

/**
 * Runs a weight-sharing search: loads the search data, builds the supernet and the method, and
 * runs the one loop every method shares (per epoch: set the cosine learning rate, let the method
 * prepare, one step per training batch and its paired validation batch, each in its own memory
 * scope, optionally an evaluation of the validation set, the epoch's genotype and softmax(alpha)).
 * With a run folder every epoch ends with an atomic checkpoint (weights, running statistics,
 * alpha and its gradient, optimiser states, the random stream's state, the records) and a run-file
 * line ({@link RunFolder}); {@code resume} continues an interrupted run from its last checkpoint to
 * the same result as an uninterrupted run on the same machine and thread count.
 */
public final class SupernetSearch {
  private static final NDIndex ALL = new NDIndex("...");

  private SupernetSearch() {}

  /** Runs {@code options} without a run folder. */
  public static SearchResult run(MethodOptions options, SearchListener listener) throws DataException, IOException {
    return run(options, null, false, listener);
  }

  /**
   * Runs {@code options}, recording into {@code runDir} when it is not null; {@code resume}
   * continues the run there (a finished run's result is returned as recorded).
   *
   * @throws IllegalArgumentException for settings that do not fit the data (batch larger than the data)
   * @throws DataException for missing or damaged data, naming the file
   * @throws RunFolderException for a damaged run file or checkpoint, or a run folder that does not fit
   */
  public static SearchResult run(MethodOptions options, Path runDir, boolean resume, SearchListener listener)
      throws DataException, IOException {
    return run(options, null, runDir, resume, listener);
  }

  /**
   * As {@link #run(MethodOptions, Path, boolean, SearchListener)} on already loaded {@code data} (the
   * settings' limits are applied here); {@code null} loads the settings' data.
   */
  public static SearchResult run(MethodOptions options, SearchData loaded, Path runDir, boolean resume,
      SearchListener listener) throws DataException, IOException {
    SearchSettings s = options.settings();
    Map<String, Object> config = options.describe();
    RunFolder folder = null;
    RunFolder.State prior = null;
    CheckpointFile.Contents checkpoint = null;
    if (resume) {
      if (runDir == null) {
        throw new IllegalArgumentException("resuming needs the run folder of the run");
      }
      prior = RunFolder.open(runDir);
      RunFolder.requireSameConfig(runDir, prior.config(), config);
      if (prior.finished()) {
        return new SearchResult(options.method(), Arch.parse((String) prior.result().get("arch")), prior.epochs(),
            prior.config(), prior.provenance());
      }
      folder = prior.folder();
      if (Files.exists(folder.checkpoint())) {
        checkpoint = CheckpointFile.read(folder.checkpoint());
      }
      int saved = checkpoint == null ? 0 : ((Number) checkpoint.header().get("epochs_done")).intValue();
      if (prior.epochs().size() > saved || prior.epochs().size() < saved - 1) {
        throw new RunFolderException("run file " + folder.runFile() + " records " + prior.epochs().size()
            + " epochs but the checkpoint " + saved + "; the folder is not from one run");
      }
    } else if (runDir != null) {
      folder = RunFolder.create(runDir);
    }
    if (loaded != null && loaded.dataset() != s.dataset()) {
      throw new IllegalArgumentException("data is " + loaded.dataset() + " but the settings say " + s.dataset());
    }
    SearchData data = (loaded != null ? loaded : SearchData.load(s.dataset(), s.dataDir(), s.splitDir(),
        s.verifyData())).limit(s.trainLimit(), s.validLimit());
    SearchLoader loader = new SearchLoader(data, s.batchSize(), s.channelsLast());
    Instant started = Instant.now();
    Engine engine = Engines.pytorch(s.threads());
    Device device = Engines.device(engine, s.device());
    engine.setRandomSeed(s.seed());
    Map<String, Object> provenance = Engines.provenance(engine, device, started).addSeed(s.seed())
        .addInput(new Input(Input.DATA, s.dataset().key(), Input.MD5_LIST, data.checksum(), -1)).build().toMap();
    String priorData = prior == null ? null : dataChecksum(prior.provenance());
    if (prior != null && !data.checksum().equals(priorData)) {
      throw new RunFolderException("the data in " + s.dataDir() + " differs from the run's (checksum "
          + data.checksum() + ", the run used " + priorData + ")");
    }
    try (NDManager root = engine.newBaseManager(device)) {
      Supernet net = new Supernet(s.shape(), s.channelsLast(), s.bnTrack());
      net.initialize(root);
      SearchContext ctx = new SearchContext(s, engine, root, net, new SearchRandom(s.seed()), loader);
      WeightSharingMethod method = options.create(ctx);
      List<SearchEpoch> epochs = new ArrayList<>();
      Map<String, Object> runProvenance = provenance;
      if (prior != null) {
        if (checkpoint != null) {
          epochs.addAll(restore(checkpoint, ctx, method));
        }
        for (int e = prior.epochs().size(); e < epochs.size(); e++) {
          folder.appendEpoch(epochs.get(e)); // checkpointed before a crash, not yet recorded
        }
        folder.appendResume(epochs.size(), provenance);
        runProvenance = prior.provenance();
      } else if (folder != null) {
        folder.writeHeader(config, provenance);
      }
      for (int e = epochs.size(); e < s.epochs(); e++) {
        SearchEpoch r = epoch(e, options, ctx, method, loader, listener);
        epochs.add(r);
        if (folder != null) {
          writeCheckpoint(folder, options, ctx, method, epochs);
          folder.appendEpoch(r);
        }
        listener.epochDone(r);
      }
      SearchResult result = new SearchResult(options.method(), method.finalArch(), epochs, config, runProvenance);
      if (folder != null) {
        folder.appendResult(result);
      }
      return result;
    }
  }

  private static SearchEpoch epoch(int e, MethodOptions options, SearchContext ctx, WeightSharingMethod method,
      SearchLoader loader, SearchListener listener) {
    long t0 = System.nanoTime();
    SearchSettings s = ctx.settings();
    double lr = options.lrOf(e);
    ctx.setLr(lr);
    method.newEpoch(e);
    int[] order = loader.epochOrder(ctx.random());
    listener.epochStarted(e, loader.batches());
    Metrics weights = new Metrics();
    Metrics arch = new Metrics();
    for (int b = 0; b < loader.batches(); b++) {
      try (NDManager bm = ctx.root().newSubManager()) {
        SearchLoader.Pair p = loader.load(bm, order, b, ctx.random());
        StepRecord r = method.step(p.train(), p.valid());
        weights.add(r.weights().loss(), r.weights().logits(), r.weights().labels());
        if (r.arch() != null) {
          arch.add(r.arch().loss(), r.arch().logits(), r.arch().labels());
        }
        listener.stepDone(e, b, r.weights().loss());
      }
    }
    method.endEpoch();
    double nan = Double.NaN;
    EvalResult v = null;
    if (s.evaluateEachEpoch()) {
      Supernet net = ctx.supernet();
      v = EvalPass.run(Split.X_VALID, loader.validEval(), ctx.root(),
          x -> net.forward(ctx.parameterStore(), x, false, method.evalWeighting()), null);
    }
    boolean hasArch = arch.count() > 0;
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new SearchEpoch(e, lr, seconds, loader.trainImages(), weights.loss(), weights.top1(), weights.top5(),
        hasArch ? arch.loss() : nan, hasArch ? arch.top1() : nan, hasArch ? arch.top5() : nan,
        v == null ? nan : v.loss(), v == null ? nan : v.top1(), v == null ? nan : v.top5(), method.epochInfo(),
        method.currentArch(), ctx.supernet().alphaSoftmax());
  }

  private static void writeCheckpoint(RunFolder folder, MethodOptions options, SearchContext ctx,
      WeightSharingMethod method, List<SearchEpoch> epochs) throws IOException {
    List<CheckpointFile.Entry> arrays = new ArrayList<>();
    Supernet net = ctx.supernet();
    for (Pair<String, Parameter> p : net.getParameters()) {
      arrays.add(entry("param/" + p.getKey(), p.getValue().getArray()));
    }
    arrays.add(entry("alpha", net.alpha()));
    try (NDArray g = net.alpha().getGradient()) {
      arrays.add(entry("alpha_grad", g));
    }
    ctx.weightOptimizer().state().forEach((k, a) -> arrays.add(entry("sgd/" + k, a)));
    ctx.archOptimizer().state().forEach((k, a) -> arrays.add(entry("adam/" + k, a)));
    method.state().forEach((k, a) -> arrays.add(entry("method/" + k, a)));
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("format", "nb201-search-checkpoint");
    header.put("method", options.method());
    header.put("epochs_done", epochs.size());
    header.put("random_state", Long.toString(ctx.random().state()));
    header.put("adam_steps", ctx.archOptimizer().steps());
    List<Map<String, Object>> records = new ArrayList<>();
    for (SearchEpoch e : epochs) {
      records.add(e.toMap());
    }
    header.put("records", records);
    CheckpointFile.write(folder.checkpoint(), header, arrays);
  }

  private static CheckpointFile.Entry entry(String name, NDArray a) {
    ByteBuffer b = a.toByteBuffer();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return new CheckpointFile.Entry(name, a.getDataType().name(), a.getShape().getShape(), bytes);
  }

  /** Loads a checkpoint into the context and method; returns its epoch records. */
  private static List<SearchEpoch> restore(CheckpointFile.Contents c, SearchContext ctx, WeightSharingMethod method)
      throws IOException {
    Map<String, CheckpointFile.Entry> a = c.arrays();
    Supernet net = ctx.supernet();
    NDManager root = ctx.root();
    try (NDManager s = root.newSubManager()) {
      for (Pair<String, Parameter> p : net.getParameters()) {
        p.getValue().getArray().set(ALL, array(s, a, "param/" + p.getKey(), p.getValue().getArray()));
      }
      net.alpha().set(ALL, array(s, a, "alpha", net.alpha()));
      defineGradient(ctx.engine(), net.alpha(), s);
      try (NDArray g = net.alpha().getGradient()) {
        g.set(ALL, array(s, a, "alpha_grad", net.alpha()));
      }
      ctx.weightOptimizer().restore(prefixed(s, a, "sgd/"));
      ctx.archOptimizer().restore(prefixed(s, a, "adam/"), ((Number) c.header().get("adam_steps")).longValue());
      method.restore(prefixed(s, a, "method/"));
    }
    ctx.random().restore(Long.parseLong((String) c.header().get("random_state")));
    List<SearchEpoch> records = new ArrayList<>();
    for (Object o : (List<?>) c.header().get("records")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) o;
      records.add(SearchEpoch.fromMap(m));
    }
    return records;
  }

  /** Gives {@code a} a (zero) gradient, so that it can be set. */
  private static void defineGradient(Engine engine, NDArray a, NDManager s) {
    try (GradientCollector gc = engine.newGradientCollector()) {
      NDArray zero = NdScope.own(s, a.mul(NdScope.scalar(s, 0, a.getDataType())));
      gc.backward(zero.sum());
    }
  }

  private static Map<String, NDArray> prefixed(NDManager s, Map<String, CheckpointFile.Entry> a, String prefix) {
    Map<String, NDArray> m = new LinkedHashMap<>();
    for (CheckpointFile.Entry e : a.values()) {
      if (e.name().startsWith(prefix)) {
        m.put(e.name().substring(prefix.length()), create(s, e));
      }
    }
    return m;
  }

  private static NDArray array(NDManager s, Map<String, CheckpointFile.Entry> a, String name, NDArray like)
      throws IOException {
    CheckpointFile.Entry e = a.get(name);
    if (e == null || !new Shape(e.shape()).equals(like.getShape()) || !e.dataType().equals(like.getDataType().name())) {
      throw new RunFolderException("the checkpoint does not fit this supernet (" + name + " missing or of another"
          + " shape); was it written by another nb201 version?");
    }
    return create(s, e);
  }

  private static NDArray create(NDManager s, CheckpointFile.Entry e) {
    ByteBuffer b = ByteBuffer.allocateDirect(e.data().length).order(ByteOrder.nativeOrder());
    b.put(e.data());
    b.flip();
    return s.create(b, new Shape(e.shape()), DataType.valueOf(e.dataType()));
  }

  /** The data checksum recorded in a run's provenance, or null when it has none. */
  private static String dataChecksum(Map<String, Object> provenance) {
    Input data = Provenance.fromMap(provenance).input(Input.DATA);
    return data == null ? null : data.checksum();
  }
}
