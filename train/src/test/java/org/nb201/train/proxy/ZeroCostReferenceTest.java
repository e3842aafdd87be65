package org.nb201.train.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;
import org.nb201.train.Engines;
import org.nb201.train.TestData;
import org.nb201.train.data.TrainingData;
import org.nb201.train.model.TinyNetwork;

/**
 * Every proxy of a tiny network (C4 N1 on real Fashion-MNIST images) against an independent plain
 * PyTorch computation ({@code src/test/python/zero_cost_reference.py}, Debian python3-torch) from
 * the same initial weights and batch, to 1e-4 relative.
 */
class ZeroCostReferenceTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/zero_cost_reference.py");
  private static final int BATCH = 16;
  private static final int SEED = 3;
  private static TrainingData data;

  @TempDir
  Path dir;

  @BeforeAll
  static void load() throws Exception {
    data = TrainingData.load(Dataset.FASHION_MNIST, TestData.fashion(), null, true);
  }

  private static void assumeTorch() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 missing: skipping the PyTorch reference");
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, numpy").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assumeTrue(p.waitFor() == 0, "Debian python3-torch not installed (apt-get install python3-torch): skipping");
  }

  /** The scores of a network at initialisation (BN-NAS trains a supernet first: BnNasTest). */
  private static final List<Proxy> AT_INIT = Arrays.stream(Proxy.values()).filter(p -> p != Proxy.BN_NAS).toList();

  private static ProxyConfig config(boolean channelsLast) {
    return ProxyConfig.builder().setProxies(AT_INIT).setDataset(Dataset.FASHION_MNIST)
        .optShape(4, 1).optSeed(SEED).optBatchSize(BATCH).optChannelsLast(channelsLast).build();
  }

  @Test
  void everyProxyMatchesPlainPyTorch() throws Exception {
    assumeTorch();
    // the ResNet cell, all conv3x3, a mix of pooling, skip and 1x1 and 3x3 convs, and a cell whose node 1 is zero
    for (String index : new String[] {"11472", "1462", "5370", "13856"}) {
      compare(SearchSpace.official().resolve(index), true);
    }
    compare(SearchSpace.official().resolve("11472"), false);
  }

  @Test
  void allNoneCellHasNoFiniteNaswotOrJacobCov() throws Exception {
    assumeTorch();
    Map<Proxy, Double> ours = ours(Arch.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"), true);
    assertThat(ours.get(Proxy.NASWOT)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(ours.get(Proxy.JACOB_COV)).isNaN();
    JsonObject ref = reference(Arch.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
    assertThat(ref.get("naswot").getAsString()).isEqualTo("-inf");
    assertThat(ref.get("jacob_cov").getAsString()).isEqualTo("nan");
  }

  private void compare(Arch arch, boolean channelsLast) throws Exception {
    Map<Proxy, Double> ours = ours(arch, channelsLast);
    JsonObject ref = reference(arch);
    double exact = ours.get(Proxy.SYNFLOW); // float64, as the authors
    assertThat(Math.abs(exact - ref.get("synflow").getAsDouble())).as("float64 synflow of %s", arch)
        .isLessThanOrEqualTo(1e-9 * Math.abs(exact));
    double rescaled = ours(arch, channelsLast, true).get(Proxy.SYNFLOW);
    assertThat(Math.abs(rescaled - exact)).as("rescaled float32 synflow of %s", arch)
        .isLessThanOrEqualTo(1e-5 * Math.abs(exact));
    for (Proxy p : AT_INIT) {
      double r = ref.get(p.key()).getAsDouble();
      double v = ours.get(p);
      assertThat(Double.isFinite(r)).as("%s of %s (reference)", p, arch).isTrue();
      // GraSP's sum cancels (its terms add up to ~1000x the result), so float32 rounding alone moves it by
      // ~1e-4 relative between libtorch versions: its tolerance adds 1e-6 of the sum of |terms|
      double slack = p == Proxy.GRASP ? 1e-6 * ref.get("grasp_abs").getAsDouble() : 1e-12;
      assertThat(Math.abs(v - r)).as("%s of %s: nb201 %s, PyTorch %s", p, arch, v, r)
          .isLessThanOrEqualTo(1e-4 * Math.abs(r) + slack);
    }
  }

  private static Map<Proxy, Double> ours(Arch arch, boolean channelsLast) {
    return ours(arch, channelsLast, false);
  }

  private static Map<Proxy, Double> ours(Arch arch, boolean channelsLast, boolean synflowFloat32) {
    Engine engine = Engines.pytorch(0);
    ProxyConfig c = synflowFloat32
        ? ProxyConfig.builder().setProxies(List.of(Proxy.SYNFLOW)).setDataset(Dataset.FASHION_MNIST).optShape(4, 1)
            .optSeed(SEED).optSynflowDouble(false).optChannelsLast(channelsLast).build()
        : config(channelsLast);
    ProxyBatch batch = synflowFloat32 ? null : ProxyBatch.of(data.train(), Dataset.FASHION_MNIST, BATCH, SEED);
    Map<Proxy, Double> out = new LinkedHashMap<>();
    try (NDManager root = engine.newBaseManager()) {
      for (ProxyScore s : new ZeroCost(c, batch, engine, root).score(arch)) {
        out.put(s.proxy(), s.value());
      }
    }
    return out;
  }

  /** The reference values from the same initial weights (same seed) and batch. */
  private JsonObject reference(Arch arch) throws Exception {
    Engine engine = Engines.pytorch(0);
    ProxyConfig c = config(false);
    ProxyBatch batch = ProxyBatch.of(data.train(), Dataset.FASHION_MNIST, BATCH, SEED);
    Path bin = dir.resolve("export.bin");
    StringBuilder proxies = new StringBuilder();
    for (Proxy p : AT_INIT) {
      proxies.append(proxies.length() == 0 ? "" : ",").append('"').append(p.key()).append("\":").append(c.batchOf(p));
    }
    String header = "{\"arch\":\"" + arch + "\",\"C\":4,\"N\":1,\"in_channels\":1,\"height\":28,\"width\":28,"
        + "\"classes\":10,\"proxies\":{" + proxies + "}}";
    try (NDManager m = engine.newBaseManager()) {
      engine.setRandomSeed(SEED);
      TinyNetwork net = new TinyNetwork(arch, c.shape(), true);
      net.initialize(m);
      ProxyExport.write(bin, header, net, batch.images(BATCH), new long[] {BATCH, 1, 28, 28}, batch.labels(BATCH));
    }
    Path out = dir.resolve("reference.json");
    Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), bin.toString(), out.toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    return JsonParser.parseString(Files.readString(out)).getAsJsonObject();
  }
}
