package org.nb201.search.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
  /** The definition, O(n^2): a point is in the front when no point dominates it. */
  static List<Integer> bruteForce(double[][] points) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      boolean dominated = false;
      for (int j = 0; j < points.length && !dominated; j++) {
        boolean noWorse = true;
        boolean better = false;
        for (int m = 0; m < points[i].length; m++) {
          noWorse &= points[j][m] <= points[i][m];
          better |= points[j][m] < points[i][m];
        }
        dominated = noWorse && better;
      }
      if (!dominated) {
        out.add(i);
      }
    }
    return out;
  }

  static double[][] random(SplittableRandom rnd, int n, int k, int levels) {
    double[][] p = new double[n][k];
    for (int i = 0; i < n; i++) {
      if (i > 0 && rnd.nextInt(8) == 0) {
        p[i] = p[rnd.nextInt(i)].clone(); // an exact duplicate of an earlier point
        continue;
      }
      for (int m = 0; m < k; m++) {
        p[i][m] = levels > 0 ? rnd.nextInt(levels) : rnd.nextDouble();
      }
    }
    return p;
  }

  @Test
  void equalsTheBruteForceDefinitionOnRandomDataWithTiesAndDuplicates() {
    SplittableRandom rnd = new SplittableRandom(20_210_503);
    int checked = 0;
    for (int k = 1; k <= 5; k++) {
      for (int trial = 0; trial < 120; trial++) {
        int n = 1 + rnd.nextInt(trial < 100 ? 60 : 400);
        int levels = trial % 3 == 0 ? 0 : 2 + rnd.nextInt(6); // few levels: many ties
        double[][] p = random(rnd, n, k, levels);
        int[] front = ParetoFront.nonDominated(p);
        List<Integer> sorted = new ArrayList<>();
        for (int f : front) {
          sorted.add(f);
        }
        sorted.sort(null);
        assertThat(sorted).as("k=%d n=%d %s", k, n, Arrays.deepToString(p)).isEqualTo(bruteForce(p));
        for (int i = 1; i < front.length; i++) { // lexicographic order, equal vectors by position
          int c = Arrays.compare(p[front[i - 1]], p[front[i]]);
          assertThat(c < 0 || c == 0 && front[i - 1] < front[i]).isTrue();
        }
        assertThat(ParetoFront.distinct(p, front)).isEqualTo((int) sorted.stream().map(i -> Arrays.toString(p[i]))
            .distinct().count());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(600);
  }

  @Test
  void everyCopyOfANonDominatedVectorIsInTheFront() {
    double[][] p = {{1, 5}, {2, 2}, {1, 5}, {2, 2}, {3, 1}, {2, 3}, {0.0, 7}, {-0.0, 7}};
    assertThat(ParetoFront.nonDominated(p)).containsExactly(6, 7, 0, 2, 1, 3, 4);
    assertThat(ParetoFront.distinct(p, ParetoFront.nonDominated(p))).isEqualTo(4);
    assertThat(ParetoFront.dominates(new double[] {1, 1}, new double[] {1, 1})).isFalse();
    assertThat(ParetoFront.dominates(new double[] {1, 1}, new double[] {1, 2})).isTrue();
    assertThat(ParetoFront.nonDominated(new double[0][])).isEmpty();
    assertThatThrownBy(() -> ParetoFront.nonDominated(new double[][] {{1, Double.NaN}}))
        .hasMessageStartingWith("a point has a NaN objective");
  }
}
