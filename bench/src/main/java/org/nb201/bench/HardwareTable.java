package org.nb201.bench;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.nb201.space.Arch;

/**
 * One device's measurements of one metric for the benchmark network of one dataset, by official
 * cell index: latency in milliseconds or energy in millijoules per inference, as HW-NAS-Bench
 * (Li et al., ICLR 2021) and HELP (Lee et al., NeurIPS 2021) give them. {@code NaN} marks a cell
 * the source did not measure; every other value is finite and non-negative. Immutable.
 *
 * @param device the device name as the source spells it, e.g. {@code fpga}, {@code raspi4}, {@code 1080ti_1}
 * @param dataset the dataset key whose network was measured (e.g. {@code cifar10})
 * @param metric {@code latency} or {@code energy}
 */
public record HardwareTable(String device, String dataset, String metric, double[] values) {
  /** The metrics a hardware table holds, with their fixed units in {@link #UNITS}. */
  public static final List<String> METRICS = List.of("latency", "energy");
  /** The unit of each of {@link #METRICS}: milliseconds and millijoules per inference. */
  public static final List<String> UNITS = List.of("ms", "mJ");

  private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}");

  public HardwareTable {
    checkDevice(device);
    if (dataset == null || dataset.isEmpty()) {
      throw new IllegalArgumentException("dataset must be given");
    }
    unitOf(metric);
    if (values.length != Arch.COUNT) {
      throw new IllegalArgumentException("a hardware table has one value per cell (" + Arch.COUNT + "), got "
          + values.length);
    }
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (!Double.isNaN(v) && (Double.isInfinite(v) || v < 0)) {
        throw new IllegalArgumentException(device + " " + metric + " of index " + i + " is " + v
            + "; expected a finite value >= 0 (or NaN for not measured)");
      }
    }
  }

  /** A device name is 1-64 letters, digits and {@code _ . + -}, starting with a letter or digit; fails otherwise. */
  public static String checkDevice(String device) {
    if (device == null || !DEVICE.matcher(device).matches()) {
      throw new IllegalArgumentException("device name '" + device + "' is not valid; expected 1-64 letters, digits"
          + " or _ . + - starting with a letter or digit (e.g. fpga, raspi4, 1080ti_1)");
    }
    return device;
  }

  /** The unit of {@code metric}; fails naming the known metrics otherwise. */
  public static String unitOf(String metric) {
    int i = METRICS.indexOf(metric);
    if (i < 0) {
      throw new IllegalArgumentException("unknown hardware metric '" + metric + "'; expected one of "
          + String.join(", ", METRICS));
    }
    return UNITS.get(i);
  }

  /** The unit of this table's values. */
  public String unit() {
    return unitOf(metric);
  }

  /** The value of cell {@code index}, {@code NaN} when not measured. */
  public double value(int index) {
    return values[index];
  }

  /** The values by official index (a copy). */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** Number of measured cells. */
  public int cells() {
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    return n;
  }

  /** What this table is, for messages: {@code fpga latency (ms) on cifar10}. */
  public String describe() {
    return device + " " + metric + " (" + unit() + ") on " + dataset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HardwareTable t && device.equals(t.device) && dataset.equals(t.dataset)
        && metric.equals(t.metric) && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return (device.hashCode() * 31 + dataset.hashCode()) * 31 + metric.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "HardwareTable[" + describe() + ", " + cells() + " cells]";
  }
}
