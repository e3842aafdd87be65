package org.nb201.search.runs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.search.CurvePoint;

/**
 * A search-run folder as read back: how the runs were made, on which store, each run's result and,
 * when recorded, each run's anytime curve and (for weight-sharing methods) the genotype of every
 * search epoch.
 *
 * @param folder the folder's name
 * @param header the configuration and provenance ({@code config.json})
 * @param runs one record per run ({@code runs.jsonl}), in run order
 * @param curves per run, its accepted evaluations in order ({@code curves.csv}); empty when not recorded
 * @param epochs the genotype of each search epoch of each run ({@code epochs.csv}); empty when absent
 */
public record SearchRuns(String folder, Header header, List<Run> runs, Map<Integer, List<CurvePoint>> curves,
    List<EpochPoint> epochs) {
  public SearchRuns {
    runs = List.copyOf(runs);
    curves = Collections.unmodifiableMap(new TreeMap<>(curves));
    epochs = List.copyOf(epochs);
  }

  /** The search signal: the (dataset, hp, split) whose final accuracy of a random trial the oracle returns. */
  public record Signal(String dataset, int hp, String split) {}

  /**
   * How the runs were made.
   *
   * @param algorithm the algorithm's key ({@code rea}, ...)
   * @param runs number of runs
   * @param budget simulated seconds per run
   * @param seed base seed (run r uses {@code seed * 100000 + r})
   * @param options the algorithm's own settings as text (e.g. {@code lr=0.5})
   * @param signal the oracle's signal
   * @param metrics the keys of the reported final metrics, e.g. {@code cifar10/ori-test}
   * @param store the store searched, with its checksum
   * @param toolVersion the nb201 version
   * @param created when the folder was written (ISO-8601)
   * @param machine OS, cores and JVM
   * @param threads worker threads (results do not depend on them)
   * @param wallSeconds wall time of the search
   */
  public record Header(String algorithm, int runs, double budget, long seed, Map<String, String> options,
      Signal signal, List<String> metrics, StoreIdentity store, String toolVersion, String created, String machine,
      int threads, double wallSeconds) {
    public Header {
      options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
      metrics = List.copyOf(metrics);
    }
  }

  /**
   * One run's result: the cell it returned, how many evaluations fitted in the budget, the simulated
   * seconds used, and the returned cell's value of each reported metric ({@code NaN} when the store
   * lacks it).
   */
  public record Run(int run, long seed, int bestIndex, int evaluated, double usedTime, Map<String, Double> metrics) {
    public Run {
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
  }

  /** The genotype (official index) a weight-sharing run derived after a search epoch (0-based). */
  public record EpochPoint(int run, int epoch, int index) {}
}
