package org.nb201.bench.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.store.StoreReader;

/**
 * Device values of the {@code hardware} table for a dataset. A device value belongs to a network,
 * and {@code cifar10-valid} trains the same network as {@code cifar10} (same input size and
 * classes), so a (device, metric) that the store has for {@code cifar10} but not for
 * {@code cifar10-valid} answers for both; HW-NAS-Bench and HELP measure the {@code cifar10} network.
 * Values are keyed as HW-NAS-Bench's {@code query_by_index} keys them: {@code <device>_<metric>}.
 */
final class HardwareQuery {
  private HardwareQuery() {}

  /** The dataset whose rows answer for {@code dataset}: itself, or cifar10 for cifar10-valid when only it has them. */
  static String networkDataset(List<StoreReader.HardwareSet> sets, String device, String metric, String dataset) {
    if (has(sets, device, metric, dataset)) {
      return dataset;
    }
    if (dataset.equals("cifar10-valid") && has(sets, device, metric, "cifar10")) {
      return "cifar10";
    }
    return null;
  }

  private static boolean has(List<StoreReader.HardwareSet> sets, String device, String metric, String dataset) {
    for (StoreReader.HardwareSet s : sets) {
      if (s.device().equals(device) && s.metric().equals(metric) && s.dataset().equals(dataset)) {
        return true;
      }
    }
    return false;
  }

  /** {@code <device>_<metric>} to the value for one architecture on {@code dataset}; devices in store order. */
  static Map<String, Double> of(StoreReader reader, List<StoreReader.HardwareSet> sets, int index, String dataset) {
    List<StoreReader.HardwareValue> values = reader.hardwareOf(index);
    Map<String, Double> out = new LinkedHashMap<>();
    for (StoreReader.HardwareSet s : sets) {
      String key = s.device() + "_" + s.metric();
      if (out.containsKey(key)) {
        continue;
      }
      String from = networkDataset(sets, s.device(), s.metric(), dataset);
      if (from == null) {
        continue;
      }
      double v = Double.NaN;
      for (StoreReader.HardwareValue h : values) {
        if (h.device().equals(s.device()) && h.metric().equals(s.metric()) && h.dataset().equals(from)) {
          v = h.value();
        }
      }
      out.put(key, v);
    }
    return out;
  }

  /** The values of (device, metric) for {@code dataset}'s network; fails listing what the store has. */
  static HardwareTable table(StoreReader reader, List<StoreReader.HardwareSet> sets, String device, String metric,
      String dataset) {
    HardwareTable.unitOf(metric);
    String from = networkDataset(sets, device, metric, dataset);
    if (from == null) {
      List<String> have = new ArrayList<>();
      for (StoreReader.HardwareSet s : sets) {
        have.add(s.device() + " " + s.metric() + " on " + s.dataset());
      }
      throw new IllegalArgumentException("the store has no " + device + " " + metric + " values for " + dataset
          + (have.isEmpty() ? "; it has no device values at all (nb201 import hw)"
              : "; it has " + String.join(", ", have)));
    }
    return reader.hardware(device, from, metric);
  }
}
