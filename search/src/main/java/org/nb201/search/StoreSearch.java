package org.nb201.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
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
    return run(api, dataset, hp, config.evalCost(), oracle -> SearchRunner.runAll(config, oracle),
        store -> provenance(config, dataset, hp, started, store));
  }

  /**
   * The protocol around any search over the store's oracle: {@code search} gets the oracle of {@code dataset}
   * at {@code hp} (priced by the store's times, or {@code evalCost} per evaluation when it is not NaN) and
   * returns its runs; they are summarised over the report columns, with the provenance {@code provenance}
   * makes from the store's input (file and SHA-256).
   */
  public static SearchOutcome run(Nb201Api api, String dataset, int hp, double evalCost,
      Function<TableOracle, List<RunResult>> search, Function<Input, Provenance> provenance) {
    FinalView signal = view(api, dataset, hp, StoreOracles.SPLIT);
    if (signal == null) {
      throw new IllegalArgumentException("store " + api.store().path().getFileName() + " has no hp " + hp + " "
          + dataset + " x-valid data for the search signal; it holds " + api.store().reader().trialSets().stream()
          .map(t -> t.dataset() + " hp " + t.hp()).distinct().toList()
          + " (choose one with --dataset and --hp)");
    }
    // one pass over the store file, on a thread of its own while the runs use theirs
    CompletableFuture<Input> store = CompletableFuture.supplyAsync(() -> api.store().fileInput());
    StoreOracles.Priced priced = StoreOracles.build(signal, evalCost);
    TableOracle oracle = priced.oracle();
    long t0 = System.nanoTime();
    List<RunResult> results = search.apply(oracle);
    double wall = (System.nanoTime() - t0) / 1e9;
    Report report = report(api, dataset, hp);
    Provenance p = provenance.apply(join(store));
    return new SearchOutcome(results, SearchSummary.of(results, report.columns(), report.views(),
        oracle.coverage(), priced.cost(), p), wall, report.byKey());
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
