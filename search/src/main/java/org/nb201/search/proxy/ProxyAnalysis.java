package org.nb201.search.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.ProxySet;
import org.nb201.bench.ProxyTable;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;

/**
 * How well each stored proxy ranks cells: Spearman and Kendall (tau-b) of every proxy set of a
 * store with every final metric the store holds (the seed-mean accuracy at the last epoch of each
 * evaluation split of each (dataset, hp)), over the cells that have both; and the vote of several
 * proxies ({@link RankCorrelation#vote}) whose sets share dataset, network and seed.
 */
public final class ProxyAnalysis {
  /** The authors' vote (Abdelfattah et al., ICLR 2021, Section 4): synflow, jacob_cov and snip. */
  public static final List<String> PAPER_VOTE = List.of("synflow", "jacob_cov", "snip");
  static final List<String> SPLITS = List.of("x-valid", "x-test", "ori-test");

  private ProxyAnalysis() {}

  /** A final metric: the seed-mean last-epoch accuracy of one split of one (dataset, hp). */
  public record Metric(String dataset, int hp, String split) {
    public String key() {
      return dataset + "/" + split + "@" + hp;
    }
  }

  /** One correlation of a proxy (or a vote, {@code proxy} then names the voters) with a metric. */
  public record Row(String proxy, ProxySet set, Metric metric, RankCorrelation.Result spearman,
      RankCorrelation.Result kendall) {}

  /** The report: the metrics found, one row per (proxy set, metric), vote rows last. */
  public record Report(List<Metric> metrics, List<Row> rows, List<StoreReader.ProxySetInfo> sets) {}

  /**
   * Correlations of every proxy set of the store with every final metric; {@code voters} (proxy
   * names) vote where the store has all of them for one (dataset, C, N, seed).
   */
  public static Report analyze(Nb201Api api, List<String> voters) {
    StoreReader r = api.store().reader();
    List<StoreReader.ProxySetInfo> sets = r.proxySets();
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("store " + api.store().path().getFileName() + " holds no proxy scores;"
          + " compute some with 'nb201 proxies'");
    }
    Map<Metric, double[]> metrics = new LinkedHashMap<>();
    for (String dataset : r.datasets()) {
      for (int hp : api.hps()) {
        for (String split : SPLITS) {
          double[] v = metric(api.finalView(dataset, hp, split));
          if (v != null) {
            metrics.put(new Metric(dataset, hp, split), v);
          }
        }
      }
    }
    Map<ProxySet, double[]> values = new LinkedHashMap<>();
    for (StoreReader.ProxySetInfo s : sets) {
      ProxyTable t = r.proxyTable(s.set());
      double[] v = new double[Arch.COUNT];
      for (int i = 0; i < Arch.COUNT; i++) {
        v[i] = t.value(i);
      }
      values.put(s.set(), v);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<ProxySet, double[]> p : values.entrySet()) {
      for (Map.Entry<Metric, double[]> m : metrics.entrySet()) {
        rows.add(new Row(p.getKey().proxy(), p.getKey(), m.getKey(), RankCorrelation.spearman(p.getValue(),
            m.getValue()), RankCorrelation.kendall(p.getValue(), m.getValue())));
      }
    }
    if (voters.size() >= 2) {
      for (ProxySet anchor : values.keySet()) {
        if (!anchor.proxy().equals(voters.get(0))) {
          continue;
        }
        List<double[]> vote = new ArrayList<>();
        for (String name : voters) {
          values.entrySet().stream().filter(e -> e.getKey().proxy().equals(name) && sameRun(e.getKey(), anchor))
              .findFirst().ifPresent(e -> vote.add(e.getValue()));
        }
        if (vote.size() == voters.size()) {
          for (Map.Entry<Metric, double[]> m : metrics.entrySet()) {
            rows.add(new Row("vote(" + String.join(",", voters) + ")", anchor, m.getKey(), null,
                RankCorrelation.vote(vote, m.getValue())));
          }
        }
      }
    }
    return new Report(List.copyOf(metrics.keySet()), rows, sets);
  }

  private static boolean sameRun(ProxySet a, ProxySet b) {
    return a.dataset().equals(b.dataset()) && a.channels() == b.channels() && a.cells() == b.cells()
        && a.seed() == b.seed();
  }

  private static double[] metric(FinalView view) {
    double[] v = new double[Arch.COUNT];
    boolean any = false;
    for (int i = 0; i < Arch.COUNT; i++) {
      v[i] = view.seedCount(i) > 0 ? view.meanAccuracy(i) : Double.NaN;
      any |= !Double.isNaN(v[i]);
    }
    return any ? v : null;
  }
}
