package org.nb201.generate.proxy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.generate.CorruptResultException;
import org.nb201.generate.WorkKind;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.Engines;
import org.nb201.train.data.DataException;
import org.nb201.train.data.SearchData;
import org.nb201.train.data.TrainingData;
import org.nb201.train.proxy.ProxyBatch;
import org.nb201.train.proxy.ProxyConfig;
import org.nb201.train.proxy.ProxyScore;
import org.nb201.train.proxy.ZeroCost;

/**
 * Proxy chunks as a {@link WorkKind}: scored with {@link ZeroCost} on the local engine and kept in
 * {@link ChunkFile}s. The training images (when a proxy reads them) are loaded and the batch is
 * drawn once per process; every chunk of one job sees the same batch, and BN-NAS's supernet is
 * trained once per process (on its first cell) and scores every cell of the job's chunks that
 * process runs.
 */
public final class ProxyChunkKind implements WorkKind<ProxyChunk> {
  private final Map<Dataset, Path> dataDirs;
  private final int threads;
  private ProxyJob job;
  private ZeroCost scorer;
  private String dataChecksum;
  private NDManager root;

  /**
   * @param dataDirs where each dataset's files are (needed only when a proxy reads training images)
   * @param threads intra-op threads (0 = the engine default)
   */
  public ProxyChunkKind(Map<Dataset, Path> dataDirs, int threads) {
    this.dataDirs = Map.copyOf(dataDirs);
    this.threads = threads;
  }

  @Override
  public String noun() {
    return "chunks";
  }

  @Override
  public String task() {
    return "proxies";
  }

  @Override
  public void run(ProxyChunk chunk, Path out) throws Exception {
    ZeroCost z = scorer(chunk.job());
    Instant started = Instant.now();
    List<ChunkFile.Score> scores = new ArrayList<>();
    for (int index : chunk.indices()) {
      for (ProxyScore s : z.score(SearchSpace.official().arch(index))) {
        scores.add(new ChunkFile.Score(index, s.proxy().key(), s.batch(), s.value(), s.seconds(), s.note()));
      }
    }
    ChunkFile.write(out, chunk, scores, provenance(chunk.job(), started));
  }

  @Override
  public void check(Path file, ProxyChunk chunk) throws CorruptResultException {
    ChunkFile.read(file, chunk);
  }

  /** The batch every chunk of {@code job} reads, or {@code null} when no proxy reads images. */
  public static ProxyBatch batch(ProxyConfig c, TrainingData data) {
    if (!c.needsImages()) {
      return null;
    }
    return c.source() == ProxyBatch.Source.NOISE ? ProxyBatch.noise(c.dataset(), c.maxBatch(), c.seed())
        : ProxyBatch.of(data.train(), c.dataset(), c.maxBatch(), c.seed());
  }

  private ZeroCost scorer(ProxyJob j) throws DataException {
    if (scorer != null && j.equals(job)) {
      return scorer;
    }
    ProxyConfig c = j.config();
    TrainingData data = null;
    dataChecksum = "none";
    if (c.needsTrainingData()) {
      Path dir = dataDirs.get(c.dataset());
      if (dir == null) {
        throw new IllegalArgumentException("no data directory for " + c.dataset().key() + "; pass --data-dir for it");
      }
      data = TrainingData.load(c.dataset(), dir, null, true);
      dataChecksum = data.checksum();
    }
    Engine engine = Engines.pytorch(threads);
    if (root == null) {
      root = engine.newBaseManager();
    }
    if (scorer != null && scorer.hasTrainedBnNas()) {
      scorer.close(); // the previous job's BN-NAS supernet
    }
    scorer = new ZeroCost(c, batch(c, data), c.hasBnNas() ? SearchData.of(data) : null, engine, root);
    job = j;
    return scorer;
  }

  private Provenance provenance(ProxyJob j, Instant started) {
    Engine engine = Engines.pytorch(threads);
    Provenance.Builder b = Engines.provenance(engine, Device.cpu(), started).optFinishedAt(Instant.now())
        .optConfig(scorer.describe()).addSeed(j.seed());
    if (!dataChecksum.equals("none")) {
      b.addInput(new Input(Input.DATA, j.dataset(), Input.MD5_LIST, dataChecksum, -1));
    }
    return b.build();
  }

}
