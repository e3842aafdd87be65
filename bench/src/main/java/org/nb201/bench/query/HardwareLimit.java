package org.nb201.bench.query;

import java.util.Locale;
import org.nb201.bench.HardwareTable;

/**
 * An upper limit on one device value for {@code find_best}: e.g. fpga latency at most 3 ms
 * ({@code --max-latency fpga=3}); inclusive, as the official FLOP and parameter limits.
 */
public record HardwareLimit(String device, String metric, double max) {
  public HardwareLimit {
    HardwareTable.checkDevice(device);
    HardwareTable.unitOf(metric);
    if (!(max >= 0) || Double.isInfinite(max)) {
      throw new IllegalArgumentException("the " + metric + " limit of " + device + " must be a number >= 0, got "
          + max);
    }
  }

  /** {@code DEVICE=VALUE}, as {@code --max-latency} and {@code --max-energy} take it. */
  public static HardwareLimit parse(String metric, String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException("'" + text + "' is not DEVICE=" + HardwareTable.unitOf(metric).toUpperCase(
          Locale.ROOT) + " (e.g. fpga=3.5)");
    }
    double max;
    try {
      max = Double.parseDouble(text.substring(eq + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the " + metric + " limit in '" + text + "' is not a number; expected DEVICE="
          + HardwareTable.unitOf(metric).toUpperCase(Locale.ROOT) + " (e.g. fpga=3.5)");
    }
    return new HardwareLimit(text.substring(0, eq), metric, max);
  }

  /** For messages: {@code fpga latency <= 3.5 ms}. */
  public String describe() {
    return device + " " + metric + " <= " + max + " " + HardwareTable.unitOf(metric);
  }
}
