package org.nb201.train.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;
import org.nb201.train.TestData;

/** RSPS and SETN: their sampling, SETN's ranking, and whole tiny searches on real Fashion-MNIST (C4 N1). */
class SamplingSearchTest {
  static SearchSettings.Builder<?> tiny(String method, int epochs) {
    return SearchMethods.builder(method).setDataset(Dataset.FASHION_MNIST).setDataDir(TestData.fashion())
        .optVerifyData(false).optShape(4, 1).optTrainLimit(128).optValidLimit(64).optBatchSize(32).optEpochs(epochs)
        .optSeed(11).set("select_num", "5").set("select_batch", "32");
  }

  @Test
  void rspsCellsAreUniformOverAll15625Cells() throws Exception {
    int perCell = 40;
    int draws = Arch.COUNT * perCell;
    long[] counts = new long[Arch.COUNT];
    long[][] perEdge = new long[Arch.EDGES][Op.values().length];
    SearchRandom rng = new SearchRandom(3);
    for (int i = 0; i < draws; i++) {
      Arch a = Rsps.randomCell(rng);
      counts[a.code()]++;
      for (int e = 0; e < Arch.EDGES; e++) {
        perEdge[e][a.op(e).ordinal()]++;
      }
    }
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - perCell) * (double) (c - perCell) / perCell;
    }
    double upper = Double.parseDouble(PythonCheck.run("chi2_threshold.py", (Arch.COUNT - 1) + " 0.999"));
    double lower = Double.parseDouble(PythonCheck.run("chi2_threshold.py", (Arch.COUNT - 1) + " 0.001"));
    assertThat(chi2).isBetween(lower, upper); // too even would be as suspicious as too uneven
    double edgeUpper = Double.parseDouble(PythonCheck.run("chi2_threshold.py", "4 0.999"));
    for (long[] row : perEdge) {
      double expected = draws / 5.0;
      double x = Arrays.stream(row).mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
      assertThat(x).isLessThan(edgeUpper);
    }
  }

  @Test
  void setnRanksAllCellsExactlyAsTheOfficialReturnTopK() throws Exception {
    // ties on purpose: equal entries within rows and whole equal rows
    float[] alpha = {1, 2, 3, 4, 5, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0, 0, 1, 1, 0, 2, -1, 2, -1, 0, 0.25f, 0.25f, -3,
        0.25f, 0, 1, 1, 1, 1, 2};
    StringBuilder in = new StringBuilder();
    for (float v : alpha) {
      in.append(v).append(' ');
    }
    int[] expected = Arrays.stream(PythonCheck.run("setn_topk.py", in.toString()).split(" "))
        .mapToInt(Integer::parseInt).toArray();
    assertThat(expected).hasSize(Arch.COUNT);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(alpha, new Shape(6, 5));
      List<Arch> all = Setn.ranked(a, -1);
      assertThat(all.stream().mapToInt(Arch::code).toArray()).containsExactly(expected);
      List<Arch> top = Setn.ranked(a, 100);
      assertThat(top.stream().mapToInt(Arch::code).toArray()).containsExactly(Arrays.copyOf(expected, 100));
    }
  }

  @Test
  void rspsAndSetnReturnTheBestScoredCandidateAndRecordEveryCandidate() throws Exception {
    for (String method : List.of(Rsps.NAME, Setn.NAME)) {
      MethodOptions o = tiny(method, 2).build();
      SearchResult r = SupernetSearch.run(o, SearchListener.NONE);
      assertThat(r.epochs()).hasSize(2);
      assertThat(r.archIndex()).isBetween(0, Arch.COUNT - 1);
      for (SearchEpoch e : r.epochs()) {
        assertThat(e.trainLoss()).isFinite().isPositive();
        assertThat(e.images()).isEqualTo(128);
        assertThat(e.validTop1()).isBetween(0.0, 100.0);
        List<Map<String, Object>> c = candidates(e.info().get("candidates"));
        assertThat(c).hasSize(5);
        assertThat(e.genotype()).isEqualTo(best(c));
        assertThat((Double) e.info().get("selected_top1")).isEqualTo(c.stream()
            .mapToDouble(x -> (Double) x.get("top1")).max().orElseThrow());
        for (Map<String, Object> x : c) {
          Arch a = Arch.parse((String) x.get("arch"));
          assertThat(x.get("arch_index")).isEqualTo(SearchSpace.official().indexOf(a));
          assertThat((Double) x.get("top1")).isBetween(0.0, 100.0);
        }
        if (method.equals(Setn.NAME)) {
          assertThat(e.archLoss()).isFinite().isPositive();
        } else {
          assertThat(e.archLoss()).isNaN(); // training batches only
        }
      }
      assertThat(r.epochs().get(0).info()).doesNotContainKey("final_candidates");
      Map<String, Object> last = r.epochs().get(1).info();
      List<Map<String, Object>> fin = candidates(last.get("final_candidates"));
      assertThat(fin).hasSize(5);
      assertThat(r.arch()).isEqualTo(best(fin)).hasToString((String) last.get("final_arch"));
      if (method.equals(Setn.NAME)) {
        // both selections of the last epoch score the same top 5 of alpha, on different batches
        assertThat(names(fin)).isEqualTo(names(candidates(last.get("candidates"))));
      }
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> candidates(Object o) {
    return (List<Map<String, Object>>) o;
  }

  private static List<Object> names(List<Map<String, Object>> c) {
    List<Object> n = new ArrayList<>();
    c.forEach(x -> n.add(x.get("arch")));
    return n;
  }

  /** The first candidate with the highest score. */
  static Arch best(List<Map<String, Object>> c) {
    Map<String, Object> b = c.get(0);
    for (Map<String, Object> x : c) {
      if ((Double) x.get("top1") > (Double) b.get("top1")) {
        b = x;
      }
    }
    return Arch.parse((String) b.get("arch"));
  }
}
