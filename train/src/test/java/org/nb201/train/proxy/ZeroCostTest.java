package org.nb201.train.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nb201.space.Arch;
import org.nb201.space.CostModel;
import org.nb201.space.Dataset;
import org.nb201.space.NetworkShape;
import org.nb201.space.SearchSpace;
import org.nb201.train.Engines;
import org.nb201.train.data.ImageSet;

class ZeroCostTest {
  private static final Arch RESNET = SearchSpace.official().resolve("11472");

  private static List<ProxyScore> score(ProxyConfig c, ProxyBatch batch, Arch arch) {
    Engine engine = Engines.pytorch(0);
    try (NDManager root = engine.newBaseManager()) {
      return new ZeroCost(c, batch, engine, root).score(arch);
    }
  }

  private static ProxyConfig.Builder small() {
    return ProxyConfig.builder().setDataset(Dataset.CIFAR10).optShape(4, 1).optBatchSize(8);
  }

  @Test
  void theSeedFixesTheScores() {
    ProxyConfig c = small().setProxies(List.of(Proxy.SYNFLOW, Proxy.NASWOT, Proxy.L2_NORM)).optSeed(5).build();
    ProxyBatch noise = ProxyBatch.noise(Dataset.CIFAR10, 8, 5);
    List<ProxyScore> a = score(c, noise, RESNET);
    List<ProxyScore> b = score(c, noise, RESNET);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).value()).as(a.get(i).proxy().key()).isEqualTo(a.get(i).value());
      assertThat(a.get(i).value()).isFinite();
    }
    List<ProxyScore> other = score(small().setProxies(c.proxies()).optSeed(6).build(), noise, RESNET);
    assertThat(other.get(0).value()).isNotEqualTo(a.get(0).value());
    assertThat(other.get(2).value()).isNotEqualTo(a.get(2).value());
  }

  @Test
  void paramsAndFlopsComeFromTheCostModelAndKeepTheConfigOrder() {
    ProxyConfig c = small().setProxies(List.of(Proxy.FLOPS, Proxy.PARAMS)).build();
    List<ProxyScore> s = score(c, null, RESNET);
    NetworkShape shape = NetworkShape.of(Dataset.CIFAR10).withCells(4, 1);
    assertThat(s).extracting(ProxyScore::proxy).containsExactly(Proxy.FLOPS, Proxy.PARAMS);
    assertThat(s.get(0).value()).isEqualTo(CostModel.cost(RESNET, shape).mflops());
    assertThat(s.get(1).value()).isEqualTo(CostModel.cost(RESNET, shape).mparams());
    assertThat(s).extracting(ProxyScore::batch).containsExactly(0, 0);
  }

  @Test
  void batchesFollowTheAuthorsDefaultsUnlessGiven() {
    ProxyConfig d = ProxyConfig.builder().setDataset(Dataset.CIFAR10)
        .setProxies(List.of(Proxy.SYNFLOW, Proxy.NASWOT, Proxy.SNIP, Proxy.PARAMS)).build();
    assertThat(d.batchOf(Proxy.SYNFLOW)).isEqualTo(1);
    assertThat(d.batchOf(Proxy.NASWOT)).isEqualTo(128);
    assertThat(d.batchOf(Proxy.SNIP)).isEqualTo(64);
    assertThat(d.batchOf(Proxy.PARAMS)).isZero();
    assertThat(d.maxBatch()).isEqualTo(128);
    ProxyConfig b = ProxyConfig.builder().setDataset(Dataset.CIFAR10).setProxies(d.proxies()).optBatchSize(32).build();
    assertThat(b.batchOf(Proxy.NASWOT)).isEqualTo(32);
    assertThat(b.batchOf(Proxy.SYNFLOW)).isEqualTo(1);
  }

  @Test
  void rejectsWhatAProxyCannotUse() {
    assertThatThrownBy(() -> Proxy.byKey("synflo"))
        .hasMessage("unknown proxy 'synflo'; expected one of params, flops, synflow, l2_norm, naswot, snip, "
            + "grad_norm, grasp, fisher, jacob_cov, bn_nas");
    assertThatThrownBy(() -> small().setProxies(List.of(Proxy.NASWOT, Proxy.SNIP)).optSource(ProxyBatch.Source.NOISE)
        .build()).hasMessageStartingWith("proxy snip needs labelled training images and cannot use a noise batch");
    assertThatThrownBy(() -> small().setProxies(List.of()).build()).hasMessageStartingWith("no proxies given");
    assertThatThrownBy(() -> small().setProxies(List.of(Proxy.SNIP, Proxy.SNIP)).build())
        .hasMessage("a proxy is listed twice in [snip, snip]");
    ProxyConfig c = small().setProxies(List.of(Proxy.NASWOT)).build();
    Engine engine = Engines.pytorch(0);
    try (NDManager root = engine.newBaseManager()) {
      assertThatThrownBy(() -> new ZeroCost(c, ProxyBatch.noise(Dataset.CIFAR10, 4, 1), engine, root))
          .hasMessage("the proxies [naswot] need a batch of 8 images; the batch holds 4");
      assertThatThrownBy(() -> new ZeroCost(c, ProxyBatch.noise(Dataset.FASHION_MNIST, 8, 1), engine, root))
          .hasMessage("batch images are 1x28x28 but the network takes 3x32x32");
    }
  }

  @Test
  void aSmallerBatchIsAPrefixOfALargerOne() {
    byte[] pixels = new byte[50 * 3 * 4 * 4];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i / 48); // image k has all pixels k
    }
    ImageSet set = new ImageSet(pixels, new int[50], 3, 4, 4, 10);
    ProxyBatch big = ProxyBatch.of(set, Dataset.CIFAR10, 20, 9);
    ProxyBatch small = ProxyBatch.of(set, Dataset.CIFAR10, 5, 9);
    assertThat(big.images(5)).containsExactly(small.images(5));
    float[] x = big.images(20);
    Set<Float> firsts = new HashSet<>();
    for (int k = 0; k < 20; k++) {
      firsts.add(x[k * 48]);
    }
    assertThat(firsts).hasSize(20); // drawn without replacement
    assertThatThrownBy(() -> ProxyBatch.of(set, Dataset.CIFAR10, 51, 9))
        .hasMessage("batch size 51 out of range: the cifar10 training set has 50 images");
  }
}
