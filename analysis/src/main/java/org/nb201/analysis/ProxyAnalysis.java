package org.nb201.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.analysis.stats.Correlation;
import org.nb201.analysis.stats.Pairs;
import org.nb201.analysis.stats.Vote;
import org.nb201.bench.ProxySet;
import org.nb201.bench.ProxyTable;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;

/**
 * How well the stored training-free scores rank cells: Spearman's rho and Kendall's tau-b of
 * every proxy set of the store (one proxy, dataset, network, seed and batch; written by
 * {@code nb201 proxies}) with every final metric of the store ({@link StoreData#finalMetrics}),
 * over the cells that have both a finite score and the metric; and the vote of several proxies
 * ({@link Vote}) whose sets share dataset, network and seed. A cell whose score is not a finite
 * number (NASWOT's {@code -inf} of a cell without a path) is left out, as the authors' scripts
 * drop NaN scores. The scatter data pairs each set with the reference metric.
 */
public final class ProxyAnalysis {
  /** The authors' vote (Abdelfattah et al., ICLR 2021, Section 4): synflow, jacob_cov and snip. */
  public static final List<String> PAPER_VOTE = List.of("synflow", "jacob_cov", "snip");

  private ProxyAnalysis() {}

  /** One stored proxy set: how many cells it scored, how many with a finite number, the seconds the scores took. */
  public record ScoreSet(String name, ProxySet set, int scored, int finite, double seconds) {}

  /** The correlation of one proxy set (or a vote, then {@code proxy} names the voters) with one metric. */
  public record Row(String proxy, String set, String metric, int cells, double spearman, double kendall) {}

  /** A proxy set's scores against the reference metric over the cells with both (the scatter plot). */
  public record Scatter(String proxy, String set, String metric, int cells, double spearman, @Points double[] score,
      @Points double[] accuracy) {}

  public record Result(StoreIdentity store, List<ScoreSet> sets, List<String> metrics, List<String> voters,
      List<Row> rows, List<Scatter> scatters, List<String> notes) {}

  /**
   * The correlations of every proxy set with every final metric; {@code voters} (proxy names, two
   * or more) vote where the store has all of them for one (dataset, C, N, seed).
   */
  public static Result run(StoreData data, List<String> voters) {
    StoreReader reader = data.api().store().reader();
    List<String> notes = new ArrayList<>();
    List<ScoreSet> sets = new ArrayList<>();
    Map<ProxySet, double[]> scores = new LinkedHashMap<>();
    for (StoreReader.ProxySetInfo s : reader.proxySets()) {
      sets.add(new ScoreSet(s.set().describe(), s.set(), s.scored(), s.withValue(), s.seconds()));
      ProxyTable t = reader.proxyTable(s.set());
      double[] v = new double[Arch.COUNT];
      for (int i = 0; i < Arch.COUNT; i++) {
        v[i] = t.value(i);
      }
      scores.put(s.set(), v);
    }
    List<FinalMetric> metrics = data.finalMetrics();
    List<String> labels = metrics.stream().map(FinalMetric::label).toList();
    if (sets.isEmpty()) {
      notes.add("the store holds no training-free scores; compute some with 'nb201 proxies --store "
          + data.identity().file() + " --proxies synflow,naswot,...'");
      return new Result(data.identity(), sets, labels, voters, List.of(), List.of(), notes);
    }
    if (metrics.isEmpty()) {
      notes.add("the store holds no final accuracies to correlate the scores with (only the scores)");
      return new Result(data.identity(), sets, labels, voters, List.of(), List.of(), notes);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<ProxySet, double[]> p : scores.entrySet()) {
      for (FinalMetric m : metrics) {
        Pairs pairs = Pairs.complete(p.getValue(), data.values(m), null);
        rows.add(new Row(p.getKey().proxy(), p.getKey().describe(), m.label(), pairs.size(),
            Correlation.spearman(pairs.x(), pairs.y()), Correlation.kendallTauB(pairs.x(), pairs.y())));
      }
    }
    rows.addAll(votes(data, scores, metrics, voters, notes));
    FinalMetric ref = data.referenceMetric();
    List<Scatter> scatters = new ArrayList<>();
    for (Map.Entry<ProxySet, double[]> p : scores.entrySet()) {
      Pairs pairs = Pairs.complete(p.getValue(), data.values(ref), null);
      if (pairs.size() > 0) {
        scatters.add(new Scatter(p.getKey().proxy(), p.getKey().describe(), ref.label(), pairs.size(),
            Correlation.spearman(pairs.x(), pairs.y()), pairs.x(), pairs.y()));
      } else {
        notes.add(p.getKey().describe() + ": no cell has both a finite score and " + ref.label());
      }
    }
    notes.addAll(data.finalMetricNotes());
    return new Result(data.identity(), sets, labels, voters, rows, scatters, notes);
  }

  private static List<Row> votes(StoreData data, Map<ProxySet, double[]> scores, List<FinalMetric> metrics,
      List<String> voters, List<String> notes) {
    List<Row> rows = new ArrayList<>();
    if (voters.size() < 2) {
      return rows;
    }
    String name = "vote(" + String.join(",", voters) + ")";
    boolean any = false;
    for (ProxySet anchor : scores.keySet()) {
      if (!anchor.proxy().equals(voters.get(0))) {
        continue;
      }
      List<double[]> ballots = new ArrayList<>();
      for (String voter : voters) {
        scores.entrySet().stream().filter(e -> e.getKey().proxy().equals(voter) && sameRun(e.getKey(), anchor))
            .findFirst().ifPresent(e -> ballots.add(e.getValue()));
      }
      if (ballots.size() < voters.size()) {
        continue;
      }
      any = true;
      String run = anchor.dataset() + " (C" + anchor.channels() + " N" + anchor.cells() + ", seed " + anchor.seed()
          + ")";
      for (FinalMetric m : metrics) {
        double[] y = data.values(m);
        rows.add(new Row(name, run, m.label(), Vote.cells(ballots, y), Double.NaN, Vote.kendallTauB(ballots, y)));
      }
    }
    if (!any) {
      List<String> have = scores.keySet().stream().map(ProxySet::proxy).distinct().toList();
      List<String> lacking = voters.stream().filter(v -> !have.contains(v)).toList();
      notes.add("no vote of " + String.join(", ", voters) + ": the store has no run with all of them"
          + (lacking.isEmpty() ? " on one dataset, network and seed" : " (missing: " + String.join(", ", lacking)
              + ")"));
    }
    return rows;
  }

  private static boolean sameRun(ProxySet a, ProxySet b) {
    return a.dataset().equals(b.dataset()) && a.channels() == b.channels() && a.cells() == b.cells()
        && a.seed() == b.seed();
  }

  /**
   * Whether a log axis reads better: at least half of the scores are positive and the middle 80 %
   * of those span two decades or more (synflow spans dozens; its cells without a path score 0 and
   * are then left out of the plot).
   */
  public static boolean logScale(Scatter s) {
    double[] positive = Arrays.stream(s.score()).filter(v -> v > 0).sorted().toArray();
    int n = positive.length;
    if (n < 2 || n < 0.5 * s.score().length) {
      return false;
    }
    return positive[(int) (0.9 * (n - 1))] / positive[(int) (0.1 * (n - 1))] >= 100;
  }
}
