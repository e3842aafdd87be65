package org.nb201.search.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nb201.bench.CostRecord;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.space.Arch;
import org.nb201.space.Cost;
import org.nb201.space.CostModel;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;

/**
 * The values of some objectives for all 15,625 cells of a store, in the objectives' own units,
 * {@code NaN} where the store lacks one (partial data is normal: such a cell is left out of the
 * front and counted). Accuracy and loss objectives read one {@link FinalView} each (the small
 * {@code finals} table), device objectives the {@code hardware} table, parameters and FLOPs the
 * {@code costs} table or, for a dataset the store has no costs of, the cost model. Immutable.
 */
public final class ObjectiveTable {
  private final List<Objective> objectives;
  private final int hp;
  private final double[][] values; // [objective][index]
  private final List<String> notes;

  private ObjectiveTable(List<Objective> objectives, int hp, double[][] values, List<String> notes) {
    this.objectives = List.copyOf(objectives);
    this.hp = hp;
    this.values = values;
    this.notes = List.copyOf(notes);
  }

  /** Loads {@code objectives} from {@code api}'s store; accuracies and losses at {@code hp}, last epoch. */
  public static ObjectiveTable load(Nb201Api api, List<Objective> objectives, int hp) {
    List<String> notes = new ArrayList<>();
    double[][] values = new double[objectives.size()][];
    for (int j = 0; j < objectives.size(); j++) {
      values[j] = column(api, objectives.get(j), hp, notes);
    }
    return new ObjectiveTable(objectives, hp, values, notes);
  }

  /** A table of given values ({@code values[objective][index]}), for tests and other sources. */
  public static ObjectiveTable of(List<Objective> objectives, int hp, double[][] values) {
    if (values.length != objectives.size()) {
      throw new IllegalArgumentException(objectives.size() + " objectives but " + values.length + " columns");
    }
    double[][] copy = new double[values.length][];
    for (int j = 0; j < values.length; j++) {
      if (values[j].length != Arch.COUNT) {
        throw new IllegalArgumentException("a column needs one value per cell (" + Arch.COUNT + ")");
      }
      copy[j] = values[j].clone();
    }
    return new ObjectiveTable(objectives, hp, copy, List.of());
  }

  private static double[] column(Nb201Api api, Objective o, int hp, List<String> notes) {
    double[] v = new double[Arch.COUNT];
    Arrays.fill(v, Double.NaN);
    switch (o.kind()) {
      case ACCURACY, LOSS -> {
        if (!api.hps().contains(hp)) {
          throw new IllegalArgumentException("hp " + hp + " not in store " + api.store().path().getFileName()
              + "; it has hp " + api.hps() + " (choose one with --hp)");
        }
        if (!api.store().reader().datasets().contains(o.dataset())) {
          notes.add(o.key() + ": the store has no " + o.dataset() + " trials");
          return v;
        }
        FinalView view = api.finalView(o.dataset(), hp, o.split().key());
        for (int i = 0; i < Arch.COUNT; i++) {
          if (view.seedCount(i) > 0) {
            v[i] = o.kind() == Objective.Kind.ACCURACY ? view.meanAccuracy(i) : view.meanLoss(i);
          }
        }
      }
      case LATENCY, ENERGY -> {
        String metric = o.kind() == Objective.Kind.LATENCY ? "latency" : "energy";
        v = api.hardware(o.qualifier(), metric, o.dataset()).values();
      }
      case PARAMS, FLOPS -> {
        CostRecord[] costs = api.store().reader().costs(o.dataset());
        boolean any = false;
        for (int i = 0; i < Arch.COUNT; i++) {
          if (costs[i] != null) {
            v[i] = o.kind() == Objective.Kind.PARAMS ? costs[i].params() : costs[i].flops();
            any |= !Double.isNaN(v[i]);
          }
        }
        if (!any) {
          Dataset d = Dataset.byKey(o.dataset());
          SearchSpace space = SearchSpace.official();
          for (int i = 0; i < Arch.COUNT; i++) {
            Cost c = CostModel.cost(space.arch(i), d);
            v[i] = o.kind() == Objective.Kind.PARAMS ? c.mparams() : c.mflops();
          }
          notes.add(o.key() + ": the store has no costs for " + o.dataset() + "; values from the cost model of the"
              + " benchmark network (C16, N5)");
        }
      }
      default -> throw new IllegalStateException("unknown objective kind " + o.kind());
    }
    return v;
  }

  public List<Objective> objectives() {
    return objectives;
  }

  /** The hp of the accuracy and loss objectives. */
  public int hp() {
    return hp;
  }

  /** Where values came from, for the output (e.g. cost-model fallbacks, datasets without trials). */
  public List<String> notes() {
    return notes;
  }

  /** The value of objective {@code j} for cell {@code index}, in its own unit; {@code NaN} when unknown. */
  public double value(int j, int index) {
    return values[j][index];
  }

  /** Whether cell {@code index} has a value for every objective. */
  public boolean complete(int index) {
    for (double[] column : values) {
      if (Double.isNaN(column[index])) {
        return false;
      }
    }
    return true;
  }

  /** The cells that have every objective, ascending. */
  public int[] completeCells() {
    int[] out = new int[Arch.COUNT];
    int n = 0;
    for (int i = 0; i < Arch.COUNT; i++) {
      if (complete(i)) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Number of cells without a value for objective {@code j}. */
  public int missing(int j) {
    int n = 0;
    for (double x : values[j]) {
      if (Double.isNaN(x)) {
        n++;
      }
    }
    return n;
  }

  /** Cell {@code index}'s vector in minimisation form. */
  public double[] minVector(int index) {
    double[] p = new double[values.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = objectives.get(j).toMin(values[j][index]);
    }
    return p;
  }
}
