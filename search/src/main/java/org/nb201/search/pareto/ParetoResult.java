package org.nb201.search.pareto;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact Pareto front of the stored cells on some objectives and its hypervolume, in the
 * objectives' own units: what {@code nb201 pareto} prints and a report plots (all cells with every
 * objective as the cloud, {@link #front} as the front). Every copy of a non-dominated vector is in
 * the front ({@link ParetoFront}); {@link #distinctVectors} counts the distinct ones.
 *
 * @param cells how many cells have a value for every objective (the cells compared)
 * @param missing per objective, how many of the 15,625 cells lack it
 * @param reference the reference point of the hypervolume
 * @param referenceRule how the reference point was chosen
 * @param ideal the best value of each objective over the compared cells
 * @param hypervolume the volume dominated by the front up to the reference, in the product of the units
 * @param normalisedHypervolume {@link #hypervolume} divided by the box from {@link #ideal} to {@link #reference}
 * @param outsideReference front cells that are not strictly better than the reference everywhere (they add nothing)
 * @param front the non-dominated cells, best first in the first objective
 */
public record ParetoResult(List<Objective> objectives, int hp, int cells, List<Integer> missing,
    List<Double> reference, String referenceRule, List<Double> ideal, double hypervolume,
    double normalisedHypervolume, int outsideReference, int distinctVectors, List<Point> front, List<String> notes) {

  /** One cell of the front with its values, in the objectives' order and units. */
  public record Point(int index, List<Double> values) {
    public Point {
      values = List.copyOf(values);
    }
  }

  public ParetoResult {
    objectives = List.copyOf(objectives);
    missing = List.copyOf(missing);
    reference = List.copyOf(reference);
    ideal = List.copyOf(ideal);
    front = List.copyOf(front);
    notes = List.copyOf(notes);
  }

  /** Margin of the default reference point beyond the worst value, as a fraction of the range. */
  public static final double MARGIN = 0.01;

  /**
   * The front of {@code table}'s complete cells and its hypervolume against {@code reference} (own
   * units), or, when {@code null}, against the default: per objective the worst value over the
   * compared cells moved 1% of its range further (1% of its magnitude, or 1, when all are equal).
   */
  public static ParetoResult of(ObjectiveTable table, double[] reference) {
    List<Objective> objs = table.objectives();
    int k = objs.size();
    if (reference != null && reference.length != k) {
      throw new IllegalArgumentException("--ref has " + reference.length + " values for " + k + " objectives");
    }
    int[] cells = table.completeCells();
    List<Integer> missing = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      missing.add(table.missing(j));
    }
    if (cells.length == 0) {
      throw new IllegalArgumentException("no cell has a value for every objective " + objs + "; cells without each: "
          + missing);
    }
    double[][] points = new double[cells.length][];
    for (int c = 0; c < cells.length; c++) {
      points[c] = table.minVector(cells[c]);
    }
    double[] bestMin = new double[k];
    double[] worstMin = new double[k];
    for (int j = 0; j < k; j++) {
      bestMin[j] = Double.POSITIVE_INFINITY;
      worstMin[j] = Double.NEGATIVE_INFINITY;
      for (double[] p : points) {
        bestMin[j] = Math.min(bestMin[j], p[j]);
        worstMin[j] = Math.max(worstMin[j], p[j]);
      }
    }
    double[] refMin = new double[k];
    String rule;
    if (reference == null) {
      for (int j = 0; j < k; j++) {
        double range = worstMin[j] - bestMin[j];
        double margin = range > 0 ? MARGIN * range : worstMin[j] != 0 ? MARGIN * Math.abs(worstMin[j]) : 1;
        refMin[j] = worstMin[j] + margin;
      }
      rule = "default: the worst value of each objective over the " + cells.length
          + " cells, 1% of its range beyond it";
    } else {
      for (int j = 0; j < k; j++) {
        if (!Double.isFinite(reference[j])) {
          throw new IllegalArgumentException("--ref values must be finite numbers, got " + reference[j]);
        }
        refMin[j] = objs.get(j).toMin(reference[j]);
      }
      rule = "given with --ref";
    }
    int[] front = ParetoFront.nonDominated(points);
    double hv = Hypervolume.of(points, refMin);
    double box = 1;
    for (int j = 0; j < k; j++) {
      box *= Math.max(0, refMin[j] - bestMin[j]);
    }
    int outside = 0;
    List<Point> out = new ArrayList<>();
    for (int f : front) {
      boolean inside = true;
      List<Double> values = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        inside &= points[f][j] < refMin[j];
        values.add(table.value(j, cells[f]));
      }
      if (!inside) {
        outside++;
      }
      out.add(new Point(cells[f], values));
    }
    List<Double> refOut = new ArrayList<>();
    List<Double> idealOut = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      refOut.add(objs.get(j).fromMin(refMin[j]) + 0.0);
      idealOut.add(objs.get(j).fromMin(bestMin[j]) + 0.0);
    }
    return new ParetoResult(objs, table.hp(), cells.length, missing, refOut, rule, idealOut, hv,
        box > 0 ? hv / box : Double.NaN, outside, ParetoFront.distinct(points, front), out, table.notes());
  }
}
