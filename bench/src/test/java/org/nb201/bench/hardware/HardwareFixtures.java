package org.nb201.bench.hardware;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/**
 * Hardware files for tests: the HW-NAS-Bench structure with few distinct values (written by
 * {@link PickleWriter}, or by Python's own pickler with numpy values), and a runner for the
 * standard-library Python scripts in {@code src/test/python}.
 */
final class HardwareFixtures {
  /** HW-NAS-Bench's NAS-Bench-201 metrics, in the order of {@code hw_nas_bench_api.py::query_by_index}. */
  static final List<String> METRICS = List.of("edgegpu_latency", "edgegpu_energy", "raspi4_latency",
      "edgetpu_latency", "pixel3_latency", "eyeriss_latency", "eyeriss_energy", "eyeriss_arithmetic_intensity",
      "fpga_latency", "fpga_energy");
  static final List<String> DATASETS = List.of("cifar10", "cifar100", "ImageNet16-120");

  private HardwareFixtures() {}

  /** The fixture's value of cell {@code i}, metric {@code m}, dataset {@code d}: an exact binary fraction. */
  static double value(int d, int m, int i) {
    return ((i * 7 + m * 13 + d * 31) % 97) / 8.0;
  }

  static List<Object> column(int d, int m) {
    List<Object> xs = new ArrayList<>(Arch.COUNT);
    for (int i = 0; i < Arch.COUNT; i++) {
      xs.add(value(d, m, i));
    }
    return xs;
  }

  /** The HW-NAS-Bench structure; {@code imagenetKey} ({@code ImageNet16-120} or {@code ImageNet}) names ImageNet. */
  static Map<String, Object> hwNasBench(String imagenetKey) {
    Map<String, Object> space = new LinkedHashMap<>();
    for (int d = 0; d < DATASETS.size(); d++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      for (int m = 0; m < METRICS.size(); m++) {
        entry.put(METRICS.get(m), column(d, m));
      }
      List<Object> config = new ArrayList<>();
      for (int i = 0; i < Arch.COUNT; i++) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "infer.tiny");
        c.put("C", 16);
        c.put("N", 5);
        c.put("arch_str", SearchSpace.official().arch(i).toString());
        c.put("num_classes", 10);
        config.add(c);
      }
      entry.put("config", config);
      space.put(d == 2 ? imagenetKey : DATASETS.get(d), entry);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("nasbench201", space);
    root.put("fbnet", Map.of("edgegpu_latency", Map.of("ConvNorm_H32_W32_Cin3_Cout16_kernel3_stride1_group1", 0.5)));
    return root;
  }

  /** The fixture as Python 3 and numpy pickle it (protocol 4, numpy scalars and arrays); skips without them. */
  static Path pythonHwNasBench(Path dir) throws Exception {
    Path archs = dir.resolve("archs.txt");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Arch.COUNT; i++) {
      sb.append(SearchSpace.official().arch(i)).append('\n');
    }
    Files.writeString(archs, sb);
    Path out = dir.resolve("HW-NAS-Bench-py.pickle");
    python("make_hwnasbench.py", archs.toString(), out.toString());
    return out;
  }

  /** Runs {@code src/test/python/<script>} with /usr/bin/python3 and returns its stdout; skips when it cannot run. */
  static String python(String script, String... args) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "/usr/bin/python3 missing: skipping the independent Python check");
    List<String> cmd = new ArrayList<>(List.of(python.toString(), "src/test/python/" + script));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    assumeTrue(!done || p.exitValue() == 0 || !out.contains("No module named"), "Python lacks a module: " + out);
    if (!done || p.exitValue() != 0) {
      throw new AssertionError(script + " failed (exit " + (done ? p.exitValue() : "timeout") + "): " + out);
    }
    return out;
  }
}
