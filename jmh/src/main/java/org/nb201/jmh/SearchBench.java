package org.nb201.jmh;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.search.BenchmarkAlgorithmOptions;
import org.nb201.search.BenchmarkAlgorithmProvider;
import org.nb201.search.RunResult;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchRunner;
import org.nb201.search.StoreOracles;
import org.nb201.search.TableOracle;
import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/**
 * The search speed comparison of {@code search/bench/compare.sh}. Modes:
 * <ul>
 *   <li>{@code synthetic <csv>}: a full-size oracle table (15,625 cells x 2 seeds, realistic accuracy
 *       and cost) as CSV {@code code,slot,accuracy,cost} (cell code = gen_all position);
 *   <li>{@code export <store> <csv>}: the official oracle table of a store in the same CSV;
 *   <li>{@code run <csv> <algorithm> <runs> <budget> <repetitions> <threads>}: loads the CSV and
 *       times the runs themselves (best and median of the repetitions after warm-up).
 * </ul>
 */
public final class SearchBench {
  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "synthetic" -> synthetic(Path.of(args[1]));
      case "export" -> export(Path.of(args[1]), Path.of(args[2]));
      case "run" -> run(Path.of(args[1]), BenchmarkAlgorithmProvider.byName(args[2]).defaults(),
          Integer.parseInt(args[3]), Double.parseDouble(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
      default -> throw new IllegalArgumentException("usage: synthetic <csv> | export <store> <csv> | run <csv> ...");
    }
  }

  private static void synthetic(Path csv) throws Exception {
    PyRandom rng = new PyRandom(2020);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("code,slot,accuracy,cost\n");
      for (int code = 0; code < Arch.COUNT; code++) {
        Arch a = Arch.ofCode(code);
        double base = a.isValid() ? 60 + 4 * a.count(Op.NOR_CONV_3X3) + 2 * a.count(Op.NOR_CONV_1X1)
            + a.count(Op.SKIP_CONNECT) : 10;
        double time = 60 + 5 * a.count(Op.NOR_CONV_3X3) + 2 * a.count(Op.NOR_CONV_1X1);
        for (int slot = 0; slot < 2; slot++) {
          double acc = Math.round((base + 3 * (rng.random() - 0.5)) * 1000) / 1000.0;
          double cost = Math.round((time + rng.random()) * 1e4) / 1e4;
          w.write(code + "," + slot + "," + acc + "," + cost + "\n");
        }
      }
    }
  }

  private static void export(Path store, Path csv) throws Exception {
    try (Nb201Api api = Nb201Api.open(store)) {
      FinalView v = api.finalView(StoreOracles.DATASET, StoreOracles.HP, StoreOracles.SPLIT);
      SearchSpace space = SearchSpace.official();
      try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        w.write("code,slot,accuracy,cost\n");
        for (int code = 0; code < Arch.COUNT; code++) {
          int i = space.indexOf(Arch.ofCode(code));
          for (int s = 0; s < v.seedCount(i); s++) {
            w.write(code + "," + s + "," + v.accuracy(i, s) + "," + (v.trainAllTime(i, s) + v.splitPerTime(i, s))
                + "\n");
          }
        }
      }
    }
  }

  static TableOracle load(Path csv) throws Exception {
    double[][] acc = new double[Arch.COUNT][];
    double[][] cost = new double[Arch.COUNT][];
    SearchSpace space = SearchSpace.official();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      int i = space.indexOf(Arch.ofCode(Integer.parseInt(f[0])));
      int slot = Integer.parseInt(f[1]);
      acc[i] = acc[i] == null ? new double[slot + 1] : Arrays.copyOf(acc[i], Math.max(acc[i].length, slot + 1));
      cost[i] = cost[i] == null ? new double[slot + 1] : Arrays.copyOf(cost[i], Math.max(cost[i].length, slot + 1));
      acc[i][slot] = Double.parseDouble(f[2]);
      cost[i][slot] = Double.parseDouble(f[3]);
    }
    return new TableOracle(acc, cost);
  }

  private static void run(Path csv, BenchmarkAlgorithmOptions alg, int runs, double budget, int reps, int threads)
      throws Exception {
    TableOracle oracle = load(csv);
    SearchConfig config = SearchConfig.builder(alg).optRuns(runs).optBudget(budget).optSeed(1).optThreads(threads)
        .build();
    for (int i = 0; i < 5; i++) {
      SearchRunner.runAll(config, oracle); // warm-up: JIT
    }
    double[] t = new double[reps];
    double evaluated = 0;
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      List<RunResult> res = SearchRunner.runAll(config, oracle);
      t[r] = (System.nanoTime() - t0) / 1e9;
      evaluated = res.stream().mapToInt(RunResult::evaluated).average().orElse(0);
    }
    Arrays.sort(t);
    System.out.printf(Locale.ROOT, "java %s: %d runs x %.0f s budget, %d threads: best %.4f s, median %.4f s"
        + " (%.1f evaluations per run)%n", alg.algorithm(), runs, budget, threads, t[0], t[reps / 2], evaluated);
  }
}
