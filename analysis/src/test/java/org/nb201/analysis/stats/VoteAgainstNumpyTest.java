package org.nb201.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy analysis's statistics on score vectors with missing cells: Spearman and Kendall tau-b
 * of the complete pairs against scipy, and the vote of two rankers against a brute-force numpy
 * count (Debian python3-scipy).
 */
class VoteAgainstNumpyTest {
  @TempDir
  Path dir;

  private static double[] vector(SplittableRandom r, int n, int levels, double nanRate) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble() < nanRate ? Double.NaN : r.nextInt(levels) + (levels > 1000 ? r.nextDouble() : 0);
    }
    return v;
  }

  @Test
  void matchesScipyOnTieHeavyAndTieFreeVectors() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "/usr/bin/python3 missing: skipping the scipy reference");
    SplittableRandom r = new SplittableRandom(201);
    StringBuilder csv = new StringBuilder();
    double[][] cases = new double[8][];
    int[] levels = {5, 5, 50, 50, 100_000, 100_000, 3, 3};
    for (int c = 0; c < cases.length; c++) {
      cases[c] = vector(r, 1500, levels[c], c % 2 == 0 ? 0.05 : 0);
      // the second of each pair follows the first with noise, so the correlations are far from 0
      if (c % 2 == 1) {
        for (int i = 0; i < cases[c].length; i++) {
          cases[c][i] = Double.isNaN(cases[c - 1][i]) ? i : Math.round(cases[c - 1][i] + r.nextInt(3));
        }
      }
      for (double v : cases[c]) {
        csv.append(Double.isNaN(v) ? "nan" : Double.toString(v)).append(' ');
      }
      csv.append('\n');
    }
    Path in = dir.resolve("v.txt");
    Files.writeString(in, csv);
    String script = String.join("\n",
        "import sys, numpy as np, scipy.stats as st",
        "rows = [np.array([float(t) for t in l.split()]) for l in open(sys.argv[1])]",
        "for a, b in zip(rows[0::2], rows[1::2]):",
        "    m = ~np.isnan(a) & ~np.isnan(b)",
        "    print(repr(st.spearmanr(a[m], b[m])[0]), repr(st.kendalltau(a[m], b[m])[0]))",
        "a, b, y = rows[0], rows[2], rows[3]",
        "m = ~np.isnan(a) & ~np.isnan(b) & ~np.isnan(y)",
        "a, b, y = a[m], b[m], y[m]",
        "v = np.sign(np.sign(a[:, None] - a[None, :]) + np.sign(b[:, None] - b[None, :]))",
        "t = np.sign(y[:, None] - y[None, :])",
        "iu = np.triu_indices(len(y), 1)",
        "v, t = v[iu], t[iu]",
        "c = np.sum(v * t > 0); d = np.sum(v * t < 0); p = len(v)",
        "print(repr((c - d) / np.sqrt((p - np.sum(v == 0)) * (p - np.sum(t == 0)))))");
    Path py = dir.resolve("ref.py");
    Files.writeString(py, script);
    Process p = new ProcessBuilder(python.toString(), py.toString(), in.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor() == 0 || !out.contains("No module named"), "python3-scipy missing: " + out);
    assertThat(p.exitValue()).as(out).isZero();
    String[] lines = out.strip().split("\n");
    for (int c = 0; c < 4; c++) {
      String[] ref = lines[c].split(" ");
      Pairs pairs = Pairs.complete(cases[2 * c], cases[2 * c + 1], null);
      double s = Correlation.spearman(pairs.x(), pairs.y());
      double k = Correlation.kendallTauB(pairs.x(), pairs.y());
      assertThat(s).as("spearman case %d", c).isCloseTo(Double.parseDouble(ref[0]),
          offset(1e-12));
      assertThat(k).as("kendall case %d", c).isCloseTo(Double.parseDouble(ref[1]),
          offset(1e-12));
      assertThat(Math.abs(s)).isGreaterThan(0.1);
    }
    double vote = Vote.kendallTauB(List.of(cases[0], cases[2]), cases[3]);
    assertThat(vote).isCloseTo(Double.parseDouble(lines[4]), offset(1e-12));
    assertThat(Math.abs(vote)).isGreaterThan(0.1);
    // one ranker votes alone: its vote is its own tau-b
    Pairs one = Pairs.complete(cases[2], cases[3], null);
    assertThat(Vote.kendallTauB(List.of(cases[2]), cases[3])).isCloseTo(Correlation.kendallTauB(one.x(), one.y()),
        offset(1e-12));
    assertThat(String.format(Locale.ROOT, "%.3f", Correlation.spearman(new double[] {1, 2, 3},
        new double[] {3, 2, 1}))).isEqualTo("-1.000");
  }
}
