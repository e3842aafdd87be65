package org.nb201.bench.hardware;

import org.nb201.bench.HardwareTable;
import org.nb201.bench.store.StoreFormat;

/**
 * Which device values an import takes, from {@code --device}, {@code --dataset}, {@code --metric}
 * and {@code --unit} ({@code null} = any). For a file that holds one device (HELP) they name what
 * the values are; for the HW-NAS-Bench pickle and the CSV they select. A unit names the metric it
 * belongs to (ms is latency, mJ is energy), so a unit that contradicts the metric is refused.
 */
public record HardwareSelection(String device, String dataset, String metric) {
  public HardwareSelection {
    if (device != null) {
      HardwareTable.checkDevice(device);
    }
    if (dataset != null) {
      StoreFormat.checkDataset(dataset);
    }
    if (metric != null) {
      HardwareTable.unitOf(metric);
    }
  }

  /** Everything in the file. */
  public static HardwareSelection all() {
    return new HardwareSelection(null, null, null);
  }

  /** The selection of the options; {@code unit} must be the metric's unit and selects it when no metric is given. */
  public static HardwareSelection of(String device, String dataset, String metric, String unit) {
    String m = metric;
    if (unit != null) {
      int i = HardwareTable.UNITS.indexOf(unit);
      if (i < 0) {
        throw new IllegalArgumentException("unknown unit '" + unit + "'; expected " + HardwareTable.UNITS.get(0)
            + " (latency) or " + HardwareTable.UNITS.get(1) + " (energy); convert other units first");
      }
      String ofUnit = HardwareTable.METRICS.get(i);
      if (m != null && !m.equals(ofUnit)) {
        throw new IllegalArgumentException("unit " + unit + " is the unit of " + ofUnit + ", not of " + m
            + "; " + m + " is stored in " + HardwareTable.unitOf(m));
      }
      m = ofUnit;
    }
    return new HardwareSelection(device, dataset, m);
  }

  /** Whether a table of (device, dataset, metric) is selected. */
  public boolean accepts(String d, String ds, String m) {
    return (device == null || device.equals(d)) && (dataset == null || dataset.equals(ds))
        && (metric == null || metric.equals(m));
  }

  /** The selection as options, for messages: {@code --device fpga --metric latency}, or {@code everything}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (device != null) {
      sb.append(" --device ").append(device);
    }
    if (dataset != null) {
      sb.append(" --dataset ").append(dataset);
    }
    if (metric != null) {
      sb.append(" --metric ").append(metric);
    }
    return sb.length() == 0 ? "everything" : sb.substring(1);
  }
}
