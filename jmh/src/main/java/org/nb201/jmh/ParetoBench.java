package org.nb201.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nb201.search.TableOracle;
import org.nb201.search.multi.MoRandomSearch;
import org.nb201.search.multi.MoRegularizedEvolution;
import org.nb201.search.multi.MultiObjectiveProblem;
import org.nb201.search.multi.MultiObjectiveSpec;
import org.nb201.search.multi.MultiRunResult;
import org.nb201.search.multi.MultiSearchConfig;
import org.nb201.search.multi.MultiSearchRunner;
import org.nb201.search.pareto.Hypervolume;
import org.nb201.search.pareto.Objective;
import org.nb201.search.pareto.ObjectiveTable;
import org.nb201.search.pareto.ParetoFront;
import org.nb201.space.Arch;
import org.nb201.space.Cost;
import org.nb201.space.CostModel;
import org.nb201.space.Dataset;
import org.nb201.space.Op;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The multi-objective computations over the whole space, on a realistic synthetic landscape (all
 * 15,625 cells; accuracy shaped as in {@link SearchBench}, a latency that grows with FLOPs plus
 * noise, and the exact parameter counts): the exact front of 2 and 3 objectives, its hypervolume,
 * and 500 multi-objective runs of 12,000 simulated seconds (the protocol), mo-rs and mo-rea.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParetoBench {
  @Param({"2", "3"})
  public int objectives;

  private double[][] points;
  private double[][] front;
  private double[] reference;
  private MultiObjectiveProblem problem;
  private MultiSearchConfig config;

  @Setup
  public void setUp() {
    SearchSpace space = SearchSpace.official();
    PyRandom rng = new PyRandom(2021);
    double[][] columns = new double[3][Arch.COUNT];
    double[][] acc = new double[Arch.COUNT][];
    double[][] cost = new double[Arch.COUNT][];
    for (int i = 0; i < Arch.COUNT; i++) {
      Arch a = space.arch(i);
      Cost c = CostModel.cost(a, Dataset.byKey("cifar10"));
      double base = a.isValid() ? 60 + 4 * a.count(Op.NOR_CONV_3X3) + 2 * a.count(Op.NOR_CONV_1X1)
          + a.count(Op.SKIP_CONNECT) : 10;
      columns[0][i] = Math.round((base + 3 * (rng.random() - 0.5)) * 1000) / 1000.0;
      columns[1][i] = Math.round((1 + 0.05 * c.mflops() + rng.random()) * 1e4) / 1e4;
      columns[2][i] = c.mparams();
      double time = 60 + 5 * a.count(Op.NOR_CONV_3X3) + 2 * a.count(Op.NOR_CONV_1X1);
      acc[i] = new double[] {columns[0][i] - 5 + rng.random(), columns[0][i] - 5 + rng.random()};
      cost[i] = new double[] {time, time + rng.random()};
    }
    List<Objective> objs = Objective.parseList(objectives == 2 ? "test-accuracy@cifar10,latency@dev"
        : "test-accuracy@cifar10,latency@dev,params");
    double[][] used = new double[objectives][];
    System.arraycopy(columns, 0, used, 0, objectives);
    ObjectiveTable table = ObjectiveTable.of(objs, 200, used);
    points = new double[Arch.COUNT][];
    for (int i = 0; i < Arch.COUNT; i++) {
      points[i] = table.minVector(i);
    }
    int[] f = ParetoFront.nonDominated(points);
    front = new double[f.length][];
    for (int i = 0; i < f.length; i++) {
      front[i] = points[f[i]];
    }
    reference = new double[objectives];
    for (int j = 0; j < objectives; j++) {
      reference[j] = Double.NEGATIVE_INFINITY;
      for (double[] p : points) {
        reference[j] = Math.max(reference[j], p[j] + 1);
      }
    }
    problem = MultiObjectiveProblem.of(new TableOracle(acc, cost), table, null);
    config = MultiSearchConfig.builder().optRuns(500).optSeed(1).build();
  }

  @Benchmark
  public int[] frontOfAllCells() {
    return ParetoFront.nonDominated(points);
  }

  @Benchmark
  public double hypervolumeOfAllCells() {
    return Hypervolume.of(points, reference);
  }

  @Benchmark
  public double hypervolumeOfTheFront() {
    return Hypervolume.of(front, reference);
  }

  @Benchmark
  public List<MultiRunResult> moRs500Runs() {
    return run(new MoRandomSearch.Options());
  }

  @Benchmark
  public List<MultiRunResult> moRea500Runs() {
    return run(MoRegularizedEvolution.Options.builder().build());
  }

  private List<MultiRunResult> run(MultiObjectiveSpec spec) {
    return MultiSearchRunner.runAll(config, spec, problem);
  }
}
