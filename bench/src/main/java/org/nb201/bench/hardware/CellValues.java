package org.nb201.bench.hardware;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nb201.bench.HardwareValues;
import org.nb201.pickle.NumpyArray;
import org.nb201.space.Arch;

/**
 * One value per cell in the official index order, as a pickle holds it: a list (floats, ints or
 * numpy scalars), a one-dimensional numpy array, or a dict with the integer keys 0..15624. Every
 * value passes {@link HardwareValues}; the first bad one is reported with its position.
 */
final class CellValues {
  private CellValues() {}

  /** The values of {@code container} at {@code where} (e.g. {@code nasbench201/cifar10/fpga_latency}), by index. */
  static double[] of(Path file, String where, Object container, String metric) throws HardwareFormatException {
    double[] out = new double[Arch.COUNT];
    if (container instanceof List<?> list) {
      checkLength(file, where, list.size(), "list");
      for (int i = 0; i < out.length; i++) {
        out[i] = value(file, where, i, list.get(i), metric);
      }
    } else if (container instanceof NumpyArray a) {
      if (a.ndim() != 1) {
        throw new HardwareFormatException(file, where + " is a " + a.ndim() + "-dimensional array; expected one value"
            + " per cell (" + Arch.COUNT + ") in the official index order");
      }
      checkLength(file, where, a.size(), "array");
      for (int i = 0; i < out.length; i++) {
        out[i] = value(file, where, i, a.get(i), metric);
      }
    } else if (container instanceof Map<?, ?> map) {
      checkLength(file, where, map.size(), "dict");
      boolean[] seen = new boolean[Arch.COUNT];
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof Long k) || k < 0 || k >= Arch.COUNT || seen[(int) (long) k]) {
          throw new HardwareFormatException(file, where + " has key " + e.getKey() + "; expected the cell indices 0.."
              + (Arch.COUNT - 1) + ", each once");
        }
        seen[(int) (long) k] = true;
        out[(int) (long) k] = value(file, where, (int) (long) k, e.getValue(), metric);
      }
    } else {
      throw new HardwareFormatException(file, where + " is " + typeName(container) + "; expected a list of "
          + Arch.COUNT + " values in the official index order");
    }
    return out;
  }

  private static void checkLength(Path file, String where, int n, String kind) throws HardwareFormatException {
    if (n != Arch.COUNT) {
      throw new HardwareFormatException(file, where + " is a " + kind + " of " + n + " values; expected one per cell ("
          + Arch.COUNT + ") in the official index order");
    }
  }

  private static double value(Path file, String where, int i, Object v, String metric)
      throws HardwareFormatException {
    String problem = HardwareValues.problem(v, metric);
    if (problem != null) {
      throw new HardwareFormatException(file, where + "[" + i + "]: " + problem);
    }
    return HardwareValues.of(v);
  }

  static String typeName(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Map) {
      return "a dict";
    }
    if (v instanceof List) {
      return "a list";
    }
    if (v instanceof String) {
      return "a str";
    }
    return "a " + v.getClass().getSimpleName();
  }
}
