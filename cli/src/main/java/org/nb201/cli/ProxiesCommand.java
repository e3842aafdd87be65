package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nb201.bench.store.Store;
import org.nb201.generate.ArchSelector;
import org.nb201.generate.Collector;
import org.nb201.generate.GenerateOptions;
import org.nb201.generate.GenerateSummary;
import org.nb201.generate.Shard;
import org.nb201.generate.proxy.ProxyChunkKind;
import org.nb201.generate.proxy.ProxyJob;
import org.nb201.generate.proxy.ProxyPlan;
import org.nb201.generate.proxy.ProxyRuns;
import org.nb201.space.Dataset;
import org.nb201.train.proxy.Proxy;
import org.nb201.train.proxy.ProxyBatch;
import org.nb201.train.proxy.ProxyConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nb201 proxies}: training-free scores of many cells, resumably, into a store's proxies table. */
@Command(
    name = "proxies",
    mixinStandardHelpOptions = true,
    description = {
      "Score cells at initialisation with zero-cost proxies and NASWOT (docs/training-free-scores.md) and write",
      "the scores into the store's proxies table. Resumable like generate: one result file per chunk of cells",
      "in the work directory, an append-only ledger, a progress bar with ETA; rerun after any interruption.",
      "Proxies: params, flops, synflow, l2_norm, naswot, snip, grad_norm, grasp, fisher, jacob_cov, bn_nas.",
      "bn_nas (BN-NAS) trains one supernet's batch norms per run (--bn-nas-epochs over --bn-nas-images training",
      "images of the search split), then scores every requested cell from it."
    })
final class ProxiesCommand implements Callable<Integer> {
  /** Cells named one by one among the scores that are not numbers; the rest are counted. */
  static final int LISTED = 10;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "S",
      description = "The store to add the scores to (created when absent).")
  Path store;

  @Option(names = "--proxies", required = true, paramLabel = "P,P,...", split = ",",
      description = "Proxies to compute, e.g. synflow,naswot,params,flops.")
  List<String> proxies;

  @Option(names = "--archs", defaultValue = "all", paramLabel = "all|unique|LIST",
      description = "Cells: all, unique (one per official isomorphism class) or indices and ranges like 0,11,100-120"
          + " (default: ${DEFAULT-VALUE}).")
  String archs;

  @Option(names = "--dataset", paramLabel = "D",
      description = "Input shape, classes and images (default: the store's dataset when it has exactly one).")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Root folder of the raw datasets, for proxies that read images (default: $NB201_DATA;"
          + " Fashion-MNIST also from Debian's package).")
  Path dataDir;

  @Option(names = "--batch-size", defaultValue = "0", paramLabel = "B",
      description = "Images per batch (default: each proxy's authors' default: 128 naswot, 64 the others).")
  int batchSize;

  @Option(names = "--batch", defaultValue = "train", paramLabel = "train|noise",
      description = "Batch source: real training images, or Gaussian noise (naswot only; default: ${DEFAULT-VALUE}).")
  String batch;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
      description = "Fixes every cell's initial weights and the batch (default: ${DEFAULT-VALUE}).")
  int seed;

  @Option(names = "--C", defaultValue = "16", description = "Stem width (default: ${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--N", defaultValue = "5", description = "Cells per stage (default: ${DEFAULT-VALUE}).")
  int cells;

  @Option(names = "--synflow-float32",
      description = "SynFlow in float32 with exact power-of-two rescaling (same value to ~1e-6) instead of the"
          + " authors' float64.")
  boolean synflowFloat32;

  @Option(names = "--bn-nas-epochs", defaultValue = "" + ProxyConfig.BN_NAS_EPOCHS, paramLabel = "E",
      description = "bn_nas: epochs of BN-only supernet training (default: ${DEFAULT-VALUE}).")
  int bnNasEpochs;

  @Option(names = "--bn-nas-images", defaultValue = "0", paramLabel = "K",
      description = "bn_nas: training images of the search split it trains on (default: ${DEFAULT-VALUE} = all).")
  int bnNasImages;

  @Option(names = "--workers", defaultValue = "1", paramLabel = "W",
      description = "Worker processes scoring in parallel (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--threads-per-worker", defaultValue = "1", paramLabel = "T",
      description = "Intra-op threads per worker (default: ${DEFAULT-VALUE}: proxies are many small passes, which"
          + " scale better over workers than over threads).")
  int threadsPerWorker;

  @Option(names = "--chunk-size", defaultValue = "25", paramLabel = "K",
      description = "Cells per result file, the unit of resumption (default: ${DEFAULT-VALUE}).")
  int chunkSize;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Work directory for plans, results and the ledger (default: <store>.proxies next to the store).")
  Path work;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    List<Proxy> list = new ArrayList<>();
    for (String p : proxies) {
      list.add(Proxy.byKey(p));
    }
    Dataset d = dataset != null ? Dataset.byKey(dataset) : storeDataset();
    ProxyConfig config = ProxyConfig.builder().setProxies(list).setDataset(d).optShape(channels, cells).optSeed(seed)
        .optBatchSize(batchSize).optSource(ProxyBatch.Source.parse(batch)).optSynflowDouble(!synflowFloat32)
        .optBnNas(bnNasEpochs, bnNasImages).build();
    if (config.hasBnNas() && workers > 1) {
      throw new UserException("bn_nas trains its supernet once per worker process and then scores a cell in"
          + " microseconds; run it with --workers 1 (and other proxies in a run of their own)");
    }
    Map<Dataset, Path> dirs = DataLocations.resolve(dataDir);
    if (config.needsTrainingData()) {
      Path dir = dirs.get(d);
      if (dir == null || !Files.isDirectory(dir)) {
        String needing = String.join(", ", list.stream().filter(Proxy::readsData).map(Proxy::key).toList());
        throw new UserException("proxies " + needing + " read training images of " + d.key() + ", but "
            + (dir == null ? "no data directory is known" : dir + " is not a directory")
            + "; pass --data-dir (or --batch noise for naswot)");
      }
    }
    List<Integer> indices = ArchSelector.indices(archs);
    Path dir = work != null ? work : store.toAbsolutePath().resolveSibling(store.getFileName() + ".proxies");
    ProxyJob job = ProxyJob.of(config);
    ProxyPlan plan = ProxyRuns.prepare(job, indices, chunkSize, dir);
    int threads = threadsPerWorker;
    List<String> worker = GenerateCommand.workerCommand(threads, dataDir, null, "cpu");
    worker.add("--proxies");
    GenerateOptions options = new GenerateOptions(dir, Shard.ALL, workers, threads, quiet, worker);
    GenerateSummary s = ProxyRuns.run(plan, dir, options, new ProxyChunkKind(dirs, threads));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "proxies %s on %s (C%d N%d, seed %d): %d cells in %d chunks, %d already done, %d finished"
        + " now, %d failed; %.1f s%n", String.join(",", job.proxies()), d.key(), channels, cells, seed, indices.size(),
        s.shardTrials(), s.alreadyDone(), s.finished() + s.finishedElsewhere(), s.failures().size(), s.seconds());
    for (String f : s.failures()) {
      out.println("failed: chunk " + f);
    }
    ProxyRuns.Collected c = ProxyRuns.collect(plan, dir);
    for (String bad : c.corrupt()) {
      out.println("corrupt: " + bad);
    }
    if (!c.rows().isEmpty()) {
      int[] n = Collector.writeProxies(store, c.rows());
      out.printf(Locale.ROOT, "stored %d scores in %s (%d replaced earlier ones)%s%n", n[0], store, n[1],
          c.missing() > 0 ? "; " + c.missing() + " chunks not finished" : "");
    }
    if (!c.notFinite().isEmpty()) {
      out.println(c.notFinite().size() + " scores are not finite numbers (stored as NULL with their note):");
      for (String nf : c.notFinite().subList(0, Math.min(LISTED, c.notFinite().size()))) {
        out.println("  " + nf);
      }
      if (c.notFinite().size() > LISTED) {
        out.println("  ... and " + (c.notFinite().size() - LISTED)
            + " more (SELECT * FROM proxies WHERE value IS NULL)");
      }
    }
    out.println("work: " + dir + "   ledger: " + dir.resolve("ledger.jsonl"));
    out.flush();
    return s.failures().isEmpty() && c.corrupt().isEmpty() ? 0 : 1;
  }

  /** The one dataset the store holds trials of; an error naming them otherwise. */
  private Dataset storeDataset() {
    if (!Files.exists(store)) {
      throw new UserException("store " + store + " does not exist yet; give --dataset for the new store's scores");
    }
    try (Store s = StoreCli.open(store)) {
      List<String> ds = s.reader().datasets();
      if (ds.size() != 1) {
        throw new UserException("store " + store + " holds " + (ds.isEmpty() ? "no trials" : "trials of " + ds)
            + "; choose the dataset of the scores with --dataset");
      }
      return Dataset.byKey(ds.get(0));
    }
  }
}
