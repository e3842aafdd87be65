package org.nb201.generate.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nb201.bench.ProxyRecord;
import org.nb201.bench.ProxySet;
import org.nb201.generate.Collector;
import org.nb201.generate.CorruptResultException;
import org.nb201.generate.GenerateOptions;
import org.nb201.generate.GenerateSummary;
import org.nb201.generate.Generator;
import org.nb201.generate.ResultFile;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Input;
import org.nb201.train.proxy.Proxy;

/**
 * A resumable {@code nb201 proxies} run: the plan is written into the work directory (or, when one
 * for the same job is there, checked to be the same), its chunks are scored by the shared
 * machinery of {@code generate} (result file per chunk, ledger, per-chunk locks, local pool,
 * progress bar with ETA), and the results are collected into a store.
 */
public final class ProxyRuns {
  private ProxyRuns() {}

  /** The plan of {@code job} over {@code indices} in {@code dir}: written, or the existing one if it is the same. */
  public static ProxyPlan prepare(ProxyJob job, List<Integer> indices, int chunkSize, Path dir) throws IOException {
    Files.createDirectories(dir);
    ProxyPlan plan = ProxyPlan.of(job, indices, chunkSize);
    Path file = ProxyPlan.file(dir, job);
    if (Files.exists(file)) {
      ProxyPlan old = ProxyPlan.read(file);
      if (old.chunks().equals(plan.chunks())) {
        return old;
      }
    }
    plan.write(file);
    return plan;
  }

  /** Scores every chunk of {@code plan} not yet done in {@code dir}. */
  public static GenerateSummary run(ProxyPlan plan, Path dir, GenerateOptions options, ProxyChunkKind kind)
      throws IOException {
    return Generator.run(plan.chunks(), ProxyPlan.file(dir, plan.job()), options, kind);
  }

  /**
   * The scores of a plan's finished chunks, one group per chunk file (with its provenance); the
   * scores without a number, named; how many chunks are missing and which are corrupt.
   */
  public record Collected(List<Collector.ProxyRows> rows, List<String> notFinite, int chunks, int missing,
      List<String> corrupt) {
    /** Scores collected. */
    public int scores() {
      return rows.stream().mapToInt(r -> r.records().size()).sum();
    }
  }

  /** Reads the results of {@code plan} from {@code dir}. */
  public static Collected collect(ProxyPlan plan, Path dir) {
    List<Collector.ProxyRows> rows = new ArrayList<>();
    List<String> notFinite = new ArrayList<>();
    List<String> corrupt = new ArrayList<>();
    int missing = 0;
    ProxyJob job = plan.job();
    for (ProxyChunk c : plan.chunks()) {
      Path file = ResultFile.path(dir, c.id());
      if (!Files.exists(file)) {
        missing++;
        continue;
      }
      ChunkFile.Content content;
      try {
        content = ChunkFile.read(file, c);
      } catch (CorruptResultException e) {
        corrupt.add(e.getMessage());
        continue;
      }
      List<ProxyRecord> records = new ArrayList<>();
      for (ChunkFile.Score s : content.scores()) {
        Proxy p = Proxy.byKey(s.proxy());
        String source = p.readsData() ? job.source() : "none";
        ProxySet set = new ProxySet(s.proxy(), job.dataset(), job.channels(), job.cells(), job.seed(), s.batch(),
            source);
        ProxyRecord r = new ProxyRecord(s.index(), set, s.value(), s.seconds(), s.note());
        if (!r.hasValue()) {
          notFinite.add(s.proxy() + " of index " + s.index() + " "
              + SearchSpace.official().arch(s.index()) + ": " + r.note());
        }
        records.add(r);
      }
      Input source = Input.file(Input.SOURCE, file).withName("proxy chunk " + c.id() + " (" + file.getFileName() + ")");
      rows.add(new Collector.ProxyRows(content.provenance().withPrimary(source), records));
    }
    return new Collected(rows, notFinite, plan.chunks().size(), missing, corrupt);
  }
}
