package org.nb201.search.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
  private static String json(double[][] points, double[] ref, String method) {
    StringBuilder sb = new StringBuilder("{\"method\": \"" + method + "\", \"ref\": " + Arrays.toString(ref)
        + ", \"points\": [");
    for (int i = 0; i < points.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(Arrays.toString(points[i]));
    }
    return sb.append("]}").toString();
  }

  @Test
  void smallCasesByHand() {
    double[][] staircase = {{1, 3}, {2, 2}, {3, 1}};
    assertThat(Hypervolume.of(staircase, new double[] {4, 4})).isEqualTo(6.0);
    assertThat(Hypervolume.of(new double[][] {{1, 2, 3}}, new double[] {2, 4, 7})).isEqualTo(8.0);
    assertThat(Hypervolume.of(new double[][] {{5}}, new double[] {7})).isEqualTo(2.0);
    // on or beyond the reference in any objective: nothing
    assertThat(Hypervolume.of(new double[][] {{4, 0}, {0, 4}}, new double[] {4, 4})).isZero();
    assertThat(Hypervolume.of(new double[0][], new double[] {1, 1})).isZero();
  }

  @Test
  void equalsExactInclusionExclusionIn2dAnd3dOnRandomReals() throws Exception {
    SplittableRandom rnd = new SplittableRandom(77);
    for (int k = 2; k <= 3; k++) {
      for (int trial = 0; trial < 6; trial++) {
        int n = 3 + rnd.nextInt(9);
        double[][] p = ParetoFrontTest.random(rnd, n, k, trial % 2 == 0 ? 0 : 4);
        double[] ref = new double[k];
        Arrays.fill(ref, trial % 3 == 0 ? 0.9 : 4.5); // 0.9 leaves some points outside
        double expected = Double.parseDouble(PythonCheck.run("hypervolume.py", json(p, ref, "ie")));
        assertThat(Hypervolume.of(p, ref)).as("%s", Arrays.deepToString(p)).isCloseTo(expected,
            within(1e-12 * Math.max(1, expected)));
      }
    }
  }

  @Test
  void equalsCountedGridCellsIn2dAnd3dOnIntegerPoints() throws Exception {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int k = 2; k <= 3; k++) {
      for (int trial = 0; trial < 4; trial++) {
        double[][] p = ParetoFrontTest.random(rnd, 30 + rnd.nextInt(50), k, 18);
        double[] ref = new double[k];
        Arrays.fill(ref, 17);
        double expected = Double.parseDouble(PythonCheck.run("hypervolume.py", json(p, ref, "grid")));
        assertThat(Hypervolume.of(p, ref)).isEqualTo(expected);
      }
    }
  }

  @Test
  void orderDominatedPointsAndDuplicatesChangeNothing() {
    SplittableRandom rnd = new SplittableRandom(9);
    for (int k = 2; k <= 4; k++) {
      double[][] p = ParetoFrontTest.random(rnd, 200, k, 0);
      double[] ref = new double[k];
      Arrays.fill(ref, 1.0);
      double hv = Hypervolume.of(p, ref);
      List<double[]> shuffled = new ArrayList<>(Arrays.asList(p));
      Collections.shuffle(shuffled, new java.util.Random(3));
      shuffled.add(p[0].clone());
      assertThat(Hypervolume.of(shuffled.toArray(new double[0][]), ref)).isEqualTo(hv);
      int[] front = ParetoFront.nonDominated(p);
      double[][] onlyFront = new double[front.length][];
      for (int i = 0; i < front.length; i++) {
        onlyFront[i] = p[front[i]];
      }
      assertThat(Hypervolume.of(onlyFront, ref)).isEqualTo(hv);
      assertThat(hv).isBetween(0.0, 1.0);
    }
  }
}
