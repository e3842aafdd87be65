package org.nb201.bench.hardware;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nb201.bench.HardwareTable;
import org.nb201.pickle.NumpyArray;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/**
 * The HW-NAS-Bench pickle ({@code HW-NAS-Bench-v1_0.pickle}, Li et al., ICLR 2021; repository
 * {@code RICE-EIC/HW-NAS-Bench}, read by {@code hw_nas_bench_api.py::HWNASBenchAPI.query_by_index}):
 * {@code {"nasbench201": {dataset: {metric: [15,625 values], "config": [15,625 dicts]}}, "fbnet": ...}}.
 * Datasets are {@code cifar10}, {@code cifar100} and {@code ImageNet16-120} (also accepted as
 * {@code ImageNet}); metrics are {@code <device>_latency} (ms) and {@code <device>_energy} (mJ) for
 * the devices {@link #DEVICES}; {@code eyeriss_arithmetic_intensity} and
 * {@code fpga_arithmetic_intensity} are recognised and left out (neither latency nor energy), and
 * each {@code config} entry's {@code arch_str} is checked against the official string of its index.
 * The whole {@code nasbench201} part is checked, also what the selection leaves out; the
 * {@code fbnet} search space is left out.
 */
final class HwNasBenchFile {
  /** The top-level key of the NAS-Bench-201 space. */
  static final String SPACE = "nasbench201";
  /** HW-NAS-Bench's devices for NAS-Bench-201. */
  static final List<String> DEVICES = List.of("edgegpu", "raspi4", "edgetpu", "pixel3", "eyeriss", "fpga");
  /** Per-cell values that are neither latency nor energy. */
  static final List<String> OTHER_METRICS = List.of("eyeriss_arithmetic_intensity", "fpga_arithmetic_intensity");
  /** The file's dataset keys and the store's. */
  static final Map<String, String> DATASETS = Map.of("cifar10", "cifar10", "cifar100", "cifar100",
      "ImageNet16-120", "ImageNet16-120", "ImageNet", "ImageNet16-120");

  private HwNasBenchFile() {}

  static HardwareFile.Contents read(Path file, Map<?, ?> root, HardwareSelection s) throws HardwareFormatException {
    List<String> notes = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Object k : root.keySet()) {
      if (!SPACE.equals(k)) {
        others.add(String.valueOf(k));
      }
    }
    if (!others.isEmpty()) {
      notes.add("left out " + String.join(", ", others) + " (not the NAS-Bench-201 space)");
    }
    if (!(root.get(SPACE) instanceof Map<?, ?> space)) {
      throw new HardwareFormatException(file, SPACE + " is " + CellValues.typeName(root.get(SPACE))
          + "; expected a dict of datasets");
    }
    List<HardwareTable> tables = new ArrayList<>();
    TreeSet<String> leftOut = new TreeSet<>();
    Map<String, String> seenDatasets = new LinkedHashMap<>();
    for (Map.Entry<?, ?> d : space.entrySet()) {
      String where = SPACE + "/" + d.getKey();
      String dataset = d.getKey() instanceof String key ? DATASETS.get(key) : null;
      if (dataset == null) {
        throw new HardwareFormatException(file, SPACE + " has dataset " + describe(d.getKey())
            + "; expected cifar10, cifar100 and ImageNet16-120 (or ImageNet)");
      }
      String earlier = seenDatasets.put(dataset, (String) d.getKey());
      if (earlier != null) {
        throw new HardwareFormatException(file, SPACE + " has both '" + earlier + "' and '" + d.getKey()
            + "', which are the same dataset " + dataset);
      }
      if (!(d.getValue() instanceof Map<?, ?> metrics)) {
        throw new HardwareFormatException(file, where + " is " + CellValues.typeName(d.getValue())
            + "; expected a dict of metrics");
      }
      for (Map.Entry<?, ?> m : metrics.entrySet()) {
        String name = m.getKey() instanceof String key ? key : null;
        String at = where + "/" + m.getKey();
        if ("config".equals(name)) {
          checkConfig(file, at, m.getValue());
          continue;
        }
        if (OTHER_METRICS.contains(name)) {
          checkNumbers(file, at, m.getValue());
          leftOut.add(name);
          continue;
        }
        String[] dm = deviceMetric(name);
        if (dm == null) {
          throw new HardwareFormatException(file, where + " has unknown metric " + describe(m.getKey())
              + "; expected <device>_latency or <device>_energy with a device of " + String.join(", ", DEVICES)
              + " (or " + String.join(", ", OTHER_METRICS) + ", config)");
        }
        double[] values = CellValues.of(file, at, m.getValue(), dm[1]);
        if (s.accepts(dm[0], dataset, dm[1])) {
          tables.add(new HardwareTable(dm[0], dataset, dm[1], values));
        }
      }
    }
    if (!leftOut.isEmpty()) {
      notes.add("left out " + String.join(", ", leftOut) + " (neither latency nor energy)");
    }
    return new HardwareFile.Contents(HardwareFile.Format.HW_NAS_BENCH, tables, notes);
  }

  /** {device, metric} of a name such as {@code edgegpu_latency}, or {@code null} when it is not one. */
  static String[] deviceMetric(String name) {
    if (name == null) {
      return null;
    }
    int cut = name.lastIndexOf('_');
    if (cut <= 0) {
      return null;
    }
    String device = name.substring(0, cut);
    String metric = name.substring(cut + 1);
    return DEVICES.contains(device) && HardwareTable.METRICS.contains(metric) ? new String[] {device, metric} : null;
  }

  /** A per-cell table we do not import must still be one number per cell. */
  private static void checkNumbers(Path file, String at, Object values) throws HardwareFormatException {
    int n = values instanceof List<?> l ? l.size() : values instanceof NumpyArray a ? a.size()
        : values instanceof Map<?, ?> m ? m.size() : -1;
    if (n != Arch.COUNT) {
      throw new HardwareFormatException(file, at + " is " + CellValues.typeName(values) + (n >= 0 ? " of " + n
          + " values" : "") + "; expected one value per cell (" + Arch.COUNT + ")");
    }
  }

  /** Each {@code config} entry names its cell: its {@code arch_str} must be the official string of its position. */
  private static void checkConfig(Path file, String at, Object config) throws HardwareFormatException {
    if (!(config instanceof List<?> list) || list.size() != Arch.COUNT) {
      throw new HardwareFormatException(file, at + " is " + CellValues.typeName(config)
          + (config instanceof List<?> l ? " of " + l.size() + " entries" : "") + "; expected one network config per"
          + " cell (" + Arch.COUNT + ")");
    }
    SearchSpace space = SearchSpace.official();
    for (int i = 0; i < list.size(); i++) {
      Object arch = list.get(i) instanceof Map<?, ?> c ? c.get("arch_str") : null;
      if (!(arch instanceof String a)) {
        throw new HardwareFormatException(file, at + "[" + i + "] has no arch_str; expected a network config dict");
      }
      if (!a.equals(space.arch(i).toString())) {
        throw new HardwareFormatException(file, at + "[" + i + "].arch_str is " + describe(a) + " but the official"
            + " architecture " + i + " is '" + space.arch(i) + "': the file is not in the official index order");
      }
    }
  }

  private static String describe(Object v) {
    if (v instanceof String str) {
      return "'" + (str.length() > 100 ? str.substring(0, 100) + "..." : str).replaceAll("\\p{Cntrl}", "?") + "'";
    }
    return String.valueOf(v);
  }
}
