package org.nb201.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nb201.bench.CostRecord;
import org.nb201.bench.ProxyRecord;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreReader;
import org.nb201.bench.store.StoreWriter;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;

/**
 * Merges the verified results of an output directory into a store. Corrupt results are refused
 * and named; missing ones are counted. With {@code add}, everything an existing store holds is
 * carried over ({@link StoreWriter#carryOver}: trials, costs, hardware values, training-free scores,
 * provenance) and new trials added (a trial the store already holds is kept as it is); the new store
 * replaces the old one atomically. Every trial gets its own provenance: the result file and
 * its checksum, and the trainer's record (tool version, config, seed, threads, engine, device, data
 * checksum, machine).
 */
public final class Collector {
  private Collector() {}

  public static CollectReport collect(Plan plan, Path dir, Path storeFile, boolean add) throws IOException {
    VerifyReport report = Verifier.verify(plan, dir);
    if (Files.exists(storeFile) && !add) {
      throw new IllegalArgumentException("store " + storeFile + " already exists; pass --add to add to it");
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (TrialSpec t : report.done()) {
      Path file = ResultFile.path(dir, t.id());
      try {
        outcomes.add(new Outcome(ResultFile.read(file, t), file));
      } catch (CorruptResultException e) {
        throw new IOException("result " + file + " changed while collecting: " + e.getMessage());
      }
    }
    int[] counts = write(storeFile, outcomes, add);
    return new CollectReport(storeFile, counts[0], counts[1], counts[2], report.corrupt(), report.missing().size());
  }

  /** A trial outcome and the file it came from ({@code null} when it was never written to one). */
  public record Outcome(TrialOutcome outcome, Path file) {}

  /**
   * Writes {@code outcomes} into {@code storeFile} atomically; with {@code add} an existing store is
   * carried over first. Returns {added, already in the store, carried over}.
   */
  public static int[] write(Path storeFile, List<Outcome> outcomes, boolean add) throws IOException {
    boolean exists = Files.exists(storeFile);
    if (exists && !add) {
      throw new IllegalArgumentException("store " + storeFile + " already exists; pass --add to add to it");
    }
    Map<String, CostAccumulator> costs = new TreeMap<>();
    Set<TrialKey> present = new HashSet<>();
    int carried = 0;
    int added = 0;
    int skipped = 0;
    try (StoreWriter w = StoreWriter.create(storeFile.toAbsolutePath(), exists)) {
      if (exists) {
        carried = carryOver(storeFile, w, present, costs);
      }
      for (Outcome oc : outcomes) {
        TrialOutcome o = oc.outcome();
        TrialSpec t = o.spec();
        TrialKey key = new TrialKey(t.index(), t.dataset(), t.hp(), t.seed());
        if (!present.add(key)) {
          skipped++;
          continue;
        }
        w.addProvenance(provenance(oc.file(), o));
        w.addTrial(new Trial(key, o.metrics()));
        costs.computeIfAbsent(t.index() + "\t" + t.dataset(), k -> new CostAccumulator(t.index(), t.dataset()))
            .add(o.flops(), o.params(), o.latency(), t.id());
        added++;
      }
      for (CostAccumulator c : costs.values()) {
        w.putCost(c.record());
      }
      w.commit();
    }
    return new int[] {added, skipped, carried};
  }

  /** Training-free scores of one source (a chunk file) and where they came from. */
  public record ProxyRows(Provenance provenance, List<ProxyRecord> records) {}

  /**
   * Writes {@code rows} into {@code storeFile} atomically, carrying over everything an existing
   * store holds ({@link StoreWriter#carryOver}); a carried score of the same (proxy set, index) as a
   * new one is replaced. A store that does not exist yet is created. Returns {scores added, of them
   * replacing an old one, trials carried over}.
   */
  public static int[] writeProxies(Path storeFile, List<ProxyRows> rows) throws IOException {
    boolean exists = Files.exists(storeFile);
    int replaced = 0;
    int carried = 0;
    int added = 0;
    try (StoreWriter w = StoreWriter.create(storeFile.toAbsolutePath(), exists)) {
      if (exists) {
        try (Store old = Store.open(storeFile)) {
          carried = w.carryOver(old);
        }
      }
      for (ProxyRows g : rows) {
        w.addProvenance(g.provenance());
        for (ProxyRecord r : g.records()) {
          if (w.putProxy(r)) {
            replaced++;
          }
          added++;
        }
      }
      w.commit();
    }
    return new int[] {added, replaced, carried};
  }

  /**
   * The old store's trials, metric rows, costs, hardware values and provenance go into the writer
   * ({@link StoreWriter#carryOver}); its costs also seed the accumulators, so that new trials of a
   * carried cell are checked against them and averaged into its latency.
   */
  private static int carryOver(Path storeFile, StoreWriter w, Set<TrialKey> present,
      Map<String, CostAccumulator> costs) {
    try (Store old = Store.open(storeFile)) {
      StoreReader r = old.reader();
      int n = w.carryOver(old);
      r.trialRows((key, provenanceId) -> present.add(key));
      for (String dataset : r.datasets()) {
        for (CostRecord c : r.costs(dataset)) {
          if (c != null) {
            costs.put(c.index() + "\t" + dataset, CostAccumulator.of(c));
          }
        }
      }
      return n;
    }
  }

  /** The trainer's provenance with the result file (name, SHA-256, size) as its source. */
  private static Provenance provenance(Path file, TrialOutcome o) {
    String trial = "trial " + o.spec().id();
    Input source = file == null ? Input.described(Input.SOURCE, trial + " (nb201 train)")
        : Input.file(Input.SOURCE, file).withName(trial + " (" + file.getFileName() + ")");
    return o.provenance().withPrimary(source);
  }

  /** Costs of one (cell, dataset) over its trials: FLOPs and params must agree; latency is averaged. */
  private static final class CostAccumulator {
    private final int index;
    private final String dataset;
    private double flops = Double.NaN;
    private double params = Double.NaN;
    private double latencySum;
    private int latencyCount;

    CostAccumulator(int index, String dataset) {
      this.index = index;
      this.dataset = dataset;
    }

    static CostAccumulator of(CostRecord c) {
      CostAccumulator a = new CostAccumulator(c.index(), c.dataset());
      a.flops = c.flops();
      a.params = c.params();
      if (Double.isFinite(c.latency())) {
        a.latencySum = c.latency();
        a.latencyCount = 1;
      }
      return a;
    }

    void add(double f, double p, double latency, String trialId) {
      if (!Double.isNaN(flops) && (f != flops || p != params)) {
        throw new IllegalArgumentException("trials of index " + index + " on " + dataset + " disagree on FLOPs/params ("
            + flops + "/" + params + " vs " + f + "/" + p + " in trial " + trialId
            + "): were they generated with different C/N?");
      }
      flops = f;
      params = p;
      if (Double.isFinite(latency)) {
        latencySum += latency;
        latencyCount++;
      }
    }

    CostRecord record() {
      return new CostRecord(index, dataset, flops, params, latencyCount > 0 ? latencySum / latencyCount : Double.NaN);
    }
  }
}
