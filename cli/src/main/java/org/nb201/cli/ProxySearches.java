package org.nb201.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.nb201.analysis.render.SearchSummaryText;
import org.nb201.bench.ProxySet;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.store.StoreReader;
import org.nb201.search.RunResult;
import org.nb201.search.SearchOutcome;
import org.nb201.search.StoreOracles;
import org.nb201.search.StoreSearch;
import org.nb201.search.TableOracle;
import org.nb201.search.proxy.ProxyScores;
import org.nb201.search.proxy.ProxySearch;
import org.nb201.search.proxy.ProxySearchOptions;
import org.nb201.search.proxy.ProxyWarmup;
import org.nb201.search.proxy.WarmupOptions;
import org.nb201.space.provenance.Provenance;

/**
 * {@code nb201 search proxy} and {@code nb201 search rea --warmup-proxy}: the library searches of
 * {@code search.proxy} on a store's scores, printed like the other searches.
 */
final class ProxySearches {
  /** The name of training-free search. */
  static final String PROXY = ProxySearchOptions.NAME;

  private ProxySearches() {}

  static void run(SearchCommand c) {
    if (c.warmupProxy != null && !c.algorithm.equals("rea")) {
      throw new UserException("--warmup-proxy is for 'search rea' (the zero-cost warm-up of REA), not '"
          + c.algorithm + "'");
    }
    if (c.algorithm.equals(PROXY) && c.proxy == null) {
      throw new UserException("'search proxy' needs --proxy NAME, the stored proxy that ranks the sampled cells");
    }
    int threads = c.threads != null ? c.threads : Runtime.getRuntime().availableProcessors();
    boolean proxySearch = c.algorithm.equals(PROXY);
    int hp = c.hp == null ? StoreOracles.HP : c.hp;
    if (c.curves != null) {
      OutputTarget.file(c.curves, "curves file", c.force, c.store);
    }
    try (Nb201Api api = Nb201Api.open(c.store)) {
      String name = proxySearch ? c.proxy : c.warmupProxy;
      ProxySet set = choose(api.store().reader(), name, c.proxySeed, c.proxyBatch);
      ProxyScores scores = new ProxyScores(api.store().reader().proxyTable(set));
      // the settings, in the order the JSON shows them; the provenance records them with the threads
      Map<String, Object> settings = new LinkedHashMap<>();
      String header;
      Function<TableOracle, List<RunResult>> search;
      Instant started = Instant.now();
      if (proxySearch) {
        ProxySearchOptions o = ProxySearchOptions.builder().optSample(c.sample).optRuns(c.runs).optSeed(c.seed)
            .optThreads(threads).build();
        search = oracle -> ProxySearch.runAll(o, scores, oracle.coverage());
        header = String.format(Locale.ROOT, "nb201 search proxy: %d runs, best of %d random cells by %s, seed %d,"
            + " store %s", o.runs(), o.sample(), set.describe(), o.seed(), c.store.getFileName());
        settings.put("algorithm", PROXY);
        settings.put("sample", o.sample());
        settings.put("runs", o.runs());
        settings.put("seed", o.seed());
      } else {
        WarmupOptions o = WarmupOptions.builder().optPool(c.warmupPool).optRuns(c.runs).optBudget(c.budget)
            .optSeed(c.seed).optThreads(threads).optKeepCurves(c.curves != null).build();
        search = oracle -> ProxyWarmup.runAll(o, scores, oracle);
        header = String.format(Locale.ROOT, "nb201 search rea with zero-cost warm-up: %d runs, budget %.0f simulated s"
            + " (scoring time of the pool included), pool %d by %s, seed %d, store %s", o.runs(), o.budget(), o.pool(),
            set.describe(), o.seed(), c.store.getFileName());
        settings.put("algorithm", "rea");
        settings.put("warmup_pool", o.pool());
        settings.put("runs", o.runs());
        settings.put("budget", o.budget());
        settings.put("seed", o.seed());
      }
      settings.put("proxy", set.describe());
      JsonObject json = new JsonObject();
      settings.forEach((k, v) -> json.add(k, v instanceof Number n ? new JsonPrimitive(n)
          : new JsonPrimitive((String) v)));
      Provenance.Builder provenance = Provenance.builder().optCreatedAt(started).addSeed(c.seed).optConfig(settings)
          .putConfig("threads", threads).putConfig("dataset", c.dataset).putConfig("hp", hp);
      SearchOutcome out = StoreSearch.run(api, c.dataset, hp, c.evalCost == null ? Double.NaN : c.evalCost, search,
          store -> provenance.addInput(store).optFinishedAt(Instant.now()).build());
      if (c.curves != null) {
        SearchCommand.writeCurves(c.curves, out.results());
      }
      PrintWriter w = c.spec.commandLine().getOut();
      if (c.json) {
        w.println(SearchJson.summary(json, out.summary(), out.wallSeconds()));
      } else {
        w.print(SearchSummaryText.render(header, out.summary(), out.wallSeconds()));
        if (proxySearch) {
          w.printf(Locale.ROOT, "cost per run: %.2f s of real scoring time (the N scores as the store recorded them)%n",
              out.summary().meanUsedTime());
        }
      }
      w.flush();
    }
  }

  /** The one stored proxy set named {@code name} (narrowed by seed and batch); an error listing them otherwise. */
  static ProxySet choose(StoreReader r, String name, Integer seed, Integer batch) {
    List<ProxySet> sets = r.proxySets().stream().map(StoreReader.ProxySetInfo::set)
        .filter(s -> s.proxy().equals(name)).filter(s -> seed == null || s.seed() == seed)
        .filter(s -> batch == null || s.batch() == batch).toList();
    if (sets.size() == 1) {
      return sets.get(0);
    }
    List<String> all = r.proxySets().stream().map(s -> s.set().describe()).toList();
    if (sets.isEmpty()) {
      throw new UserException("the store holds no " + name + " scores" + (seed != null || batch != null
          ? " with that --proxy-seed/--proxy-batch" : "") + "; it holds "
          + (all.isEmpty() ? "none (run 'nb201 proxies')"
          : all));
    }
    throw new UserException("the store holds " + sets.size() + " sets of " + name + " scores: "
        + sets.stream().map(ProxySet::describe).toList() + "; choose one with --proxy-seed and --proxy-batch");
  }
}
