package org.nb201.train.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.NetworkShape;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;
import org.nb201.train.Engines;
import org.nb201.train.TestData;
import org.nb201.train.data.SearchData;
import org.nb201.train.model.CellNorm;
import org.nb201.train.supernet.SearchCell;
import org.nb201.train.supernet.Supernet;

/**
 * BN-NAS on real Fashion-MNIST (C4 N1, 320 training images, one epoch): only batch-norm parameters
 * move, the indicator is the sum of mean |gamma| read back from the trained supernet, and the seed
 * reproduces it.
 */
class BnNasTest {
  private static final Engine ENGINE = Engines.pytorch(1);
  private static final NetworkShape SHAPE = NetworkShape.of(Dataset.FASHION_MNIST).withCells(4, 1);
  private static final List<Arch> CELLS = List.of(SearchSpace.official().resolve("11472"), Arch.uniform(Op.NONE),
      Arch.uniform(Op.SKIP_CONNECT), Arch.uniform(Op.AVG_POOL_3X3), Arch.uniform(Op.NOR_CONV_3X3),
      Arch.uniform(Op.NOR_CONV_1X1), SearchSpace.official().arch(1234));
  static SearchData data;

  @BeforeAll
  static void load() throws Exception {
    data = SearchData.load(Dataset.FASHION_MNIST, TestData.fashion(), null, false).limit(320, 64);
  }

  /** Every parameter array by name, copied to the heap as doubles. */
  private static Map<String, double[]> snapshot(Supernet net) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : net.getParameters()) {
      m.put(p.getKey(), p.getValue().getArray().toType(DataType.FLOAT64, true).toDoubleArray());
    }
    return m;
  }

  @Test
  void onlyBatchNormsTrainAndTheIndicatorIsTheSumOfMeanAbsGamma() {
    try (NDManager root = ENGINE.newBaseManager()) {
      // the untrained supernet of the same seed: the initial weights BN-NAS starts from
      ENGINE.setRandomSeed(7);
      Supernet init = new Supernet(SHAPE, true, new CellNorm(true, false));
      init.initialize(root);
      Map<String, double[]> before = snapshot(init);
      try (BnNas b = BnNas.train(data, SHAPE, true, BnNas.Settings.of(1, 0, 7), ENGINE, root)) {
        assertThat(b.images()).isEqualTo(320);
        assertThat(b.lastLoss()).isFinite();
        Map<String, double[]> after = snapshot(b.supernet());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        int bnChanged = 0;
        int frozen = 0;
        for (Pair<String, Parameter> p : b.supernet().getParameters()) {
          String name = p.getKey();
          boolean same = Arrays.equals(before.get(name), after.get(name));
          if (BnNas.isBatchNorm(p.getValue())) {
            bnChanged += same ? 0 : 1;
          } else if (p.getValue().getType() != Parameter.Type.RUNNING_MEAN
              && p.getValue().getType() != Parameter.Type.RUNNING_VAR) {
            assertThat(same).as("%s is frozen (bit-identical to its initialisation)", name).isTrue();
            frozen++;
          }
        }
        assertThat(frozen).as("conv and linear weights").isGreaterThan(20);
        assertThat(bnChanged).as("batch-norm parameters that trained").isGreaterThan(20);
        // the cells' conv ops have affine batch norms: one gamma per conv op, 2 ops x 6 edges x 3N cells
        List<SearchCell> cells = b.supernet().cells();
        assertThat(cells).hasSize(3);
        for (Arch arch : CELLS) {
          double direct = 0;
          for (SearchCell cell : cells) {
            for (int e = 0; e < Arch.EDGES; e++) {
              Op op = arch.op(e);
              if (op == Op.NOR_CONV_1X1 || op == Op.NOR_CONV_3X3) {
                float[] g = BnNas.gamma(cell.conv(e, op)).toFloatArray();
                assertThat(g).hasSize(cell == cells.get(0) ? 4 : cell == cells.get(1) ? 8 : 16);
                double s = 0;
                for (float x : g) {
                  s += Math.abs(x);
                }
                direct += s / g.length;
              }
            }
          }
          assertThat(b.indicator(arch)).as("%s", arch).isCloseTo(direct, within(1e-12 * Math.max(1, direct)));
        }
        assertThat(b.indicator(Arch.uniform(Op.NONE))).isZero();
        assertThat(b.indicator(Arch.uniform(Op.SKIP_CONNECT))).isZero();
        assertThat(b.indicator(Arch.uniform(Op.AVG_POOL_3X3))).isZero();
        // gammas start at 1, so an untrained supernet would give 6 per cell per conv edge: training moved them
        assertThat(b.indicator(Arch.uniform(Op.NOR_CONV_3X3))).isPositive().isNotCloseTo(18.0, within(1e-6));
      }
    }
  }

  @Test
  void theSeedReproducesTheIndicatorAndAnotherSeedChangesIt() {
    double[] a = indicators(3);
    double[] b = indicators(3);
    double[] c = indicators(4);
    assertThat(b).containsExactly(a);
    assertThat(c).isNotEqualTo(a);
  }

  private static double[] indicators(int seed) {
    try (NDManager root = ENGINE.newBaseManager();
        BnNas b = BnNas.train(data, SHAPE, true, BnNas.Settings.of(1, 160, seed), ENGINE, root)) {
      assertThat(b.images()).isEqualTo(160);
      return CELLS.stream().mapToDouble(b::indicator).toArray();
    }
  }

  @Test
  void zeroCostScoresBnNasFromOneSupernetAndRejectsWhatItCannotUse() {
    ProxyConfig c = ProxyConfig.builder().setProxies(List.of(Proxy.BN_NAS, Proxy.PARAMS))
        .setDataset(Dataset.FASHION_MNIST).optShape(4, 1).optSeed(3).optBnNas(1, 160).build();
    assertThat(c.needsTrainingData()).isTrue();
    assertThat(c.needsImages()).isFalse();
    assertThat(c.describe()).containsEntry("bn_nas_epochs", 1).containsEntry("bn_nas_images", 160);
    double[] ref = indicators(3);
    try (NDManager root = ENGINE.newBaseManager()) {
      ZeroCost z = new ZeroCost(c, null, data, ENGINE, root);
      for (int k = 0; k < CELLS.size(); k++) {
        List<ProxyScore> s = z.score(CELLS.get(k));
        assertThat(s.get(0).proxy()).isEqualTo(Proxy.BN_NAS);
        assertThat(s.get(0).batch()).isEqualTo(64);
        assertThat(s.get(0).value()).isEqualTo(ref[k]);
      }
      BnNas trained = z.bnNas();
      z.score(CELLS.get(0));
      assertThat(z.bnNas()).as("trained once").isSameAs(trained);
      assertThat(z.describe()).containsEntry("bn_nas_images_seen", 160L).containsKey("bn_nas_train_seconds");
    }
    assertThatThrownBy(() -> ProxyConfig.builder().setProxies(List.of(Proxy.BN_NAS)).setDataset(Dataset.CIFAR10)
        .build()).hasMessageContaining("use cifar10-valid");
    assertThatThrownBy(() -> ProxyConfig.builder().setProxies(List.of(Proxy.BN_NAS)).setDataset(Dataset.FASHION_MNIST)
        .optSource(ProxyBatch.Source.NOISE).build()).hasMessageContaining("cannot use a noise batch");
    assertThatThrownBy(() -> ProxyConfig.builder().setProxies(List.of(Proxy.BN_NAS)).setDataset(Dataset.FASHION_MNIST)
        .optBnNas(0, 0).build()).hasMessageContaining("--bn-nas-epochs must be >= 1");
    try (NDManager root = ENGINE.newBaseManager()) {
      assertThatThrownBy(() -> new ZeroCost(c, null, null, ENGINE, root)).hasMessageContaining("none were given");
    }
  }
}
