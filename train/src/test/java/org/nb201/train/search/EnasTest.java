package org.nb201.train.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.Gson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.Op;
import org.nb201.train.TestData;

/** ENAS: the controller against torch's LSTM, its sampling, its training on a toy reward, a whole tiny search. */
class EnasTest {
  private static Enas.Options options(int steps, int aggregate, double lr) {
    return Enas.builder().setDataset(Dataset.FASHION_MNIST).setDataDir(Path.of("unused")).optControllerSteps(steps,
        aggregate).optControllerOptimizer(lr, 0, 0.999, 1e-3).build();
  }

  /** A controller with a sharpened prediction layer (so its policy is far from uniform). */
  private static EnasController sharpened(NDManager m, long seed) {
    EnasController c = new EnasController(m, 32, 2, 2.5, 5, new SearchRandom(seed));
    Map<String, NDArray> values = new LinkedHashMap<>(c.named());
    values.put("w_pred.weight", c.named().get("w_pred.weight").mul(m.create(30f)));
    values.put("w_pred.bias", c.named().get("w_pred.bias").mul(m.create(10f)));
    c.load(values);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> torch(EnasController c, List<Arch> cells) throws Exception {
    Map<String, Object> request = new LinkedHashMap<>();
    Map<String, float[]> params = new LinkedHashMap<>();
    c.named().forEach((k, v) -> params.put(k, v.toFloatArray()));
    request.put("params", params);
    List<int[]> ops = new ArrayList<>();
    for (Arch a : cells) {
      int[] o = new int[Arch.EDGES];
      for (int e = 0; e < o.length; e++) {
        o[e] = a.op(e).ordinal();
      }
      ops.add(o);
    }
    request.put("cells", ops);
    return new Gson().fromJson(PythonCheck.run("enas_controller.py", new Gson().toJson(request)), Map.class);
  }

  @Test
  void logProbabilitiesAndEntropiesAgreeWithTorchsLstm() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      for (EnasController c : List.of(new EnasController(m, 32, 2, 2.5, 5, new SearchRandom(5)), sharpened(m, 6))) {
        List<Arch> cells = new ArrayList<>();
        SearchRandom rng = new SearchRandom(9);
        for (int i = 0; i < 20; i++) {
          cells.add(Rsps.randomCell(rng));
        }
        Map<String, Object> ref = torch(c, cells);
        List<?> logProb = (List<?>) ref.get("log_prob");
        List<?> entropy = (List<?>) ref.get("entropy");
        List<?> first = (List<?>) ref.get("first");
        for (int i = 0; i < cells.size(); i++) {
          try (NDManager s = m.newSubManager()) {
            EnasController.Policy p = c.policy(s, cells.get(i));
            assertThat(p.logProb().getFloat()).isCloseTo(((Number) logProb.get(i)).floatValue(), within(2e-5f));
            assertThat(p.entropy().getFloat()).isCloseTo(((Number) entropy.get(i)).floatValue(), within(2e-5f));
            for (int k = 0; k < 5; k++) {
              assertThat(p.probs()[0][k]).isCloseTo(((Number) first.get(k)).doubleValue(), within(1e-6));
            }
          }
        }
      }
    }
  }

  @Test
  void samplesFollowThePolicyOfTorchsLstm() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      EnasController c = sharpened(m, 6);
      Map<String, Object> ref = torch(c, List.of(Arch.ofCode(0)));
      List<?> first = (List<?>) ref.get("first");
      List<?> second = (List<?>) ref.get("second");
      int n = 2000;
      long[] counts = new long[25];
      SearchRandom rng = new SearchRandom(21);
      for (int i = 0; i < n; i++) {
        Arch a = c.sample(rng);
        counts[a.op(0).ordinal() * 5 + a.op(1).ordinal()]++;
      }
      double chi2 = 0;
      double min = 1;
      double max = 0;
      for (int a = 0; a < 5; a++) {
        for (int b = 0; b < 5; b++) {
          double p = ((Number) first.get(a)).doubleValue() * ((Number) ((List<?>) second.get(a)).get(b)).doubleValue();
          min = Math.min(min, p);
          max = Math.max(max, p);
          double expected = n * p;
          chi2 += (counts[a * 5 + b] - expected) * (counts[a * 5 + b] - expected) / expected;
        }
      }
      assertThat(min).as("the policy is far from uniform (0.04 each)").isLessThan(0.02);
      assertThat(max).as("the policy is far from uniform (0.04 each)").isGreaterThan(0.1);
      assertThat(chi2).isLessThan(Double.parseDouble(PythonCheck.run("chi2_threshold.py", "24 0.999")));
    }
  }

  @Test
  void controllerTrainingRaisesAToyReward() {
    try (NDManager m = NDManager.newBaseManager()) {
      EnasController c = new EnasController(m, 32, 2, 2.5, 5, new SearchRandom(2));
      SearchRandom rng = new SearchRandom(4);
      Enas.ControllerTraining t = new Enas.ControllerTraining(c, options(4, 5, 0.05), Engine.getInstance(), m, rng);
      // the toy accuracy: the share of edges with nor_conv_3x3
      java.util.function.ToDoubleFunction<Arch> toy = a -> a.count(Op.NOR_CONV_3X3) / 6.0;
      double before = meanReward(c, toy, new SearchRandom(8));
      Map<String, Object> first = t.epoch(toy);
      // first epoch: the baseline is each sample's own accuracy; the next starts from the last sample's
      double sixths = (Double) first.get("baseline") * 6;
      assertThat(sixths).isCloseTo(Math.rint(sixths), within(1e-5));
      // the official quirks: in the first epoch the baseline is each sample's own accuracy ...
      assertThat((Double) first.get("ctl_baseline") * 100).isCloseTo((Double) first.get("ctl_top1"), within(1e-4));
      // ... then B - 0.01 * (B - reward) per sample, with B fixed for the whole epoch (so its mean is linear)
      double b1 = (Double) first.get("baseline");
      Map<String, Object> second = t.epoch(toy);
      assertThat((Double) second.get("ctl_baseline")).isCloseTo(0.99 * b1 + 0.01 * (Double) second.get("ctl_reward"),
          within(1e-5));
      for (int e = 0; e < 10; e++) {
        t.epoch(toy);
      }
      double after = meanReward(c, toy, new SearchRandom(8));
      assertThat(before).isCloseTo(0.2, within(0.06));
      assertThat(after).isGreaterThan(0.5);
      assertThat(t.optimizer().steps()).isEqualTo(12 * 4);
    }
  }

  private static double meanReward(EnasController c, java.util.function.ToDoubleFunction<Arch> r, SearchRandom rng) {
    double s = 0;
    for (int i = 0; i < 300; i++) {
      s += r.applyAsDouble(c.sample(rng));
    }
    return s / 300;
  }

  @Test
  void learningRateFollowsTheOfficialCosineWithTMax10() {
    Enas.Options o = options(50, 20, 1e-3);
    assertThat(o.lrOf(0)).isEqualTo(0.05);
    assertThat(o.lrOf(10)).isCloseTo(5e-4, within(1e-15));
    assertThat(o.lrOf(20)).isCloseTo(0.05, within(1e-15));
    assertThat(o.lrOf(5)).isCloseTo(5e-4 + (0.05 - 5e-4) / 2, within(1e-15));
    assertThat(o.settings().batchSize()).isEqualTo(128);
    assertThat(o.settings().weightDecay()).isEqualTo(2.5e-4);
    assertThat(o.settings().epochs()).isEqualTo(250);
  }

  static Enas.Options tiny(int epochs) {
    return Enas.builder().setDataset(Dataset.FASHION_MNIST).setDataDir(TestData.fashion()).optVerifyData(false)
        .optShape(4, 1).optTrainLimit(128).optValidLimit(64).optBatchSize(32).optEpochs(epochs).optSeed(11)
        .optControllerSteps(2, 3).optSamples(3, 4).build();
  }

  @Test
  void aTinySearchTrainsTheControllerAndReturnsTheBestFinalSample() throws Exception {
    Enas.Options o = tiny(2);
    SearchResult r = SupernetSearch.run(o, SearchListener.NONE);
    assertThat(r.epochs()).hasSize(2);
    for (SearchEpoch e : r.epochs()) {
      assertThat(e.lr()).isEqualTo(o.lrOf(e.epoch()));
      assertThat(e.trainLoss()).isFinite().isPositive();
      assertThat(e.archLoss()).isNaN();
      assertThat(e.validTop1()).isBetween(0.0, 100.0);
      assertThat(e.info()).containsKeys("ctl_loss", "ctl_top1", "ctl_baseline", "ctl_reward", "ctl_entropy",
          "baseline");
      assertThat((Double) e.info().get("ctl_entropy")).isCloseTo(6 * Math.log(5), within(0.05));
      List<Map<String, Object>> c = SamplingSearchTest.candidates(e.info().get("candidates"));
      assertThat(c).hasSize(3);
      assertThat(e.genotype()).isEqualTo(SamplingSearchTest.best(c));
    }
    List<Map<String, Object>> fin = SamplingSearchTest.candidates(r.epochs().get(1).info().get("final_candidates"));
    assertThat(fin).hasSize(4);
    assertThat(r.arch()).isEqualTo(SamplingSearchTest.best(fin));
    assertThat(r.config()).containsEntry("t_max", 10).containsEntry("ctl_train_steps", 2);
  }

  @Test
  void theControllerIsCheckpointedWithTheSearch() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      EnasController a = new EnasController(m, 32, 2, 2.5, 5, new SearchRandom(1));
      EnasController b = new EnasController(m, 32, 2, 2.5, 5, new SearchRandom(2));
      b.load(a.named());
      for (String k : a.named().keySet()) {
        assertThat(b.named().get(k).toFloatArray()).containsExactly(a.named().get(k).toFloatArray());
      }
      assertThat(a.named().get("input_vars").getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(a.named()).hasSize(12);
    }
  }
}
