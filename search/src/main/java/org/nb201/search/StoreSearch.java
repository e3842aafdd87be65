package org.nb201.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.space.Arch;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;

/**
 * The paper's search protocol on a benchmark store, end to end: the search signal of one (dataset,
 * hp) as the oracle ({@link StoreOracles}), all runs ({@link SearchRunner#runAll}), and the summary
 * over the report columns: the paper's six hp 200 columns when the signal is the official one and
 * the store has hp 200, otherwise the evaluation splits of the signal's dataset that have values.
 * The summary carries its provenance, with the store's SHA-256 (computed while the runs run).
 */
public final class StoreSearch {
  private StoreSearch() {}

  /** Runs {@code config} on {@code dataset} at {@code hp} of the store {@code api} reads. */
  public static SearchOutcome run(Nb201Api api, SearchConfig config, String dataset, int hp) {
    Instant started = Instant.now();
    FinalView signal = view(api, dataset, hp, StoreOracles.SPLIT);
    if (signal == null) {
      throw new IllegalArgumentException("store " + api.store().path().getFileName() + " has no hp " + hp + " "
          + dataset + " x-valid data for the search signal; it holds " + api.store().reader().trialSets().stream()
          .map(t -> t.dataset() + " hp " + t.hp()).distinct().toList()
          + " (choose one with --dataset and --hp)");
    }
    // one pass over the store file, on a thread of its own while the runs use theirs
    CompletableFuture<Input> store = CompletableFuture.supplyAsync(() -> api.store().fileInput());
    StoreOracles.Priced priced = StoreOracles.build(signal, config.evalCost());
    TableOracle oracle = priced.oracle();
    long t0 = System.nanoTime();
    List<RunResult> results = SearchRunner.runAll(config, oracle);
    double wall = (System.nanoTime() - t0) / 1e9;
    Report report = report(api, dataset, hp);
    Provenance provenance = provenance(config, dataset, hp, started, join(store));
    return new SearchOutcome(results, SearchSummary.of(results, report.columns(), report.views(),
        oracle.coverage(), priced.cost(), provenance), wall, report.byKey());
  }

  /**
   * The columns a searched cell is reported on and the store's view of each (absent = the store has no such
   * data).
   */
  public record Report(List<ReportMetric> columns, Map<ReportMetric, FinalView> views) {
    /** The views of the columns that have one, by {@link ReportMetric#key()}. */
    public Map<String, FinalView> byKey() {
      Map<String, FinalView> byKey = new LinkedHashMap<>();
      columns.stream().filter(views::containsKey).forEach(m -> byKey.put(m.key(), views.get(m)));
      return byKey;
    }
  }

  /**
   * The report columns of a search on {@code dataset} at {@code hp}: the paper's six hp 200 columns when
   * {@code dataset} is the official one and the store has hp 200 (all six, with or without data), otherwise the
   * evaluation splits of {@code dataset} at {@code hp} that have values.
   */
  public static Report report(Nb201Api api, String dataset, int hp) {
    boolean paper = dataset.equals(StoreOracles.DATASET) && api.hps().contains(200);
    List<ReportMetric> columns = paper ? ReportMetric.PAPER : ReportMetric.of(dataset, hp);
    Map<ReportMetric, FinalView> views = new LinkedHashMap<>();
    for (ReportMetric m : columns) {
      FinalView v = view(api, m.dataset(), m.hp(), m.split());
      if (v != null) {
        views.put(m, v);
      }
    }
    if (!paper) {
      // a store of our own reports only the splits its dataset has (the paper's columns are always shown)
      columns = columns.stream().filter(m -> views.containsKey(m) && hasValues(views.get(m))).toList();
    }
    return new Report(columns, views);
  }

  /**
   * The provenance of a search: this tool and machine, the configuration (algorithm and its own
   * options, runs, budget, base seed, threads, signal dataset and hp, fixed evaluation cost), the
   * base seed (run r uses seed * 100000 + r) and the store with its SHA-256.
   */
  static Provenance provenance(SearchConfig c, String dataset, int hp, Instant started, Input store) {
    Provenance.Builder b = Provenance.builder().optCreatedAt(started).optFinishedAt(Instant.now())
        .putConfig("algorithm", c.algorithm());
    c.options().describe().forEach(b::putConfig);
    return b.putConfig("runs", c.runs()).putConfig("budget", c.budget()).putConfig("seed", c.seed())
        .putConfig("threads", c.threads()).putConfig("dataset", dataset).putConfig("hp", hp)
        .putConfig("eval_cost", Double.isNaN(c.evalCost()) ? null : c.evalCost())
        .addSeed(c.seed()).addInput(store).build();
  }

  private static Input join(CompletableFuture<Input> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static boolean hasValues(FinalView v) {
    for (int i = 0; i < Arch.COUNT; i++) {
      if (v.seedCount(i) > 0 && Double.isFinite(v.meanAccuracy(i))) {
        return true;
      }
    }
    return false;
  }

  private static FinalView view(Nb201Api api, String dataset, int hp, String split) {
    if (!api.hps().contains(hp) || !api.store().reader().datasets().contains(dataset)) {
      return null;
    }
    return api.finalView(dataset, hp, split);
  }
}
