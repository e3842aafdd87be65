package org.nb201.search.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The exact hypervolume of a set of minimisation vectors against a reference point: the volume of
 * the region that some point dominates and that dominates the reference. Points that are not
 * strictly better than the reference in every objective add nothing; dominated and repeated points
 * add nothing either. One objective: the distance from the best point to the reference. Two: a
 * sweep over the front sorted by the first objective (O(n log n)). Three or more: slicing along the
 * last objective (HSO, While et al., IEEE TEC 2006): between consecutive values of the last
 * objective, the slab's volume is its thickness times the (k-1)-dimensional hypervolume of the
 * points at or below it (O(n^2 log n) for three objectives). Deterministic: the same points give
 * the same double in any order.
 */
public final class Hypervolume {
  private Hypervolume() {}

  /** The hypervolume of {@code points} (rows of minimisation vectors) against {@code reference}. */
  public static double of(double[][] points, double[] reference) {
    int k = reference.length;
    for (double r : reference) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("the reference point must be finite: " + Arrays.toString(reference));
      }
    }
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      if (p.length != k) {
        throw new IllegalArgumentException("points need " + k + " objectives like the reference, got " + p.length);
      }
      boolean better = true;
      for (int j = 0; j < k; j++) {
        better &= p[j] < reference[j]; // also false for NaN
      }
      if (better) {
        inside.add(p);
      }
    }
    double[][] candidates = inside.toArray(new double[0][]);
    int[] front = ParetoFront.nonDominated(candidates);
    List<double[]> distinct = new ArrayList<>();
    for (int i = 0; i < front.length; i++) {
      double[] p = candidates[front[i]];
      if (distinct.isEmpty() || !Arrays.equals(distinct.get(distinct.size() - 1), p)) {
        distinct.add(p);
      }
    }
    return volume(distinct, reference, k);
  }

  /** The hypervolume of a non-dominated set in the first {@code k} objectives. */
  private static double volume(List<double[]> front, double[] ref, int k) {
    if (front.isEmpty()) {
      return 0;
    }
    if (k == 1) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] p : front) {
        best = Math.min(best, p[0]);
      }
      return ref[0] - best;
    }
    if (k == 2) {
      return sweep2d(front, ref);
    }
    List<double[]> byLast = new ArrayList<>(front);
    byLast.sort(Comparator.comparingDouble((double[] p) -> p[k - 1]));
    double total = 0;
    List<double[]> below = new ArrayList<>();
    for (int i = 0; i < byLast.size(); i++) {
      below.add(byLast.get(i));
      double top = i + 1 < byLast.size() ? byLast.get(i + 1)[k - 1] : ref[k - 1];
      double thickness = top - byLast.get(i)[k - 1];
      if (thickness > 0) {
        total += thickness * volume(nonDominated(below, k - 1), ref, k - 1);
      }
    }
    return total;
  }

  /** Two objectives: sorted by the first, each point adds the strip up to the next point's first objective. */
  private static double sweep2d(List<double[]> points, double[] ref) {
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
    double total = 0;
    double ceiling = ref[1]; // the smallest second objective so far bounds the strip from above
    for (int i = 0; i < sorted.size(); i++) {
      double[] p = sorted.get(i);
      if (p[1] < ceiling) {
        ceiling = p[1];
      }
      double next = i + 1 < sorted.size() ? sorted.get(i + 1)[0] : ref[0];
      total += (next - p[0]) * (ref[1] - ceiling);
    }
    return total;
  }

  /** The non-dominated vectors of {@code points} projected onto the first {@code k} objectives. */
  private static List<double[]> nonDominated(List<double[]> points, int k) {
    double[][] projected = new double[points.size()][];
    for (int i = 0; i < projected.length; i++) {
      projected[i] = Arrays.copyOf(points.get(i), k);
    }
    List<double[]> out = new ArrayList<>();
    for (int i : ParetoFront.nonDominated(projected)) {
      if (out.isEmpty() || !Arrays.equals(out.get(out.size() - 1), projected[i])) {
        out.add(projected[i]);
      }
    }
    return out;
  }
}
