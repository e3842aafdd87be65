package org.nb201.bench;

import java.util.regex.Pattern;

/**
 * The one strict check of a device measurement as a source gives it, shared by every hardware
 * reader (HELP files, the HW-NAS-Bench pickle, tidy CSV): a real number (a Python float or int,
 * never a bool or a string), finite and non-negative. Text is read as a plain decimal number only
 * (no {@code NaN}, {@code Infinity}, hex or thousands separators).
 */
public final class HardwareValues {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private HardwareValues() {}

  /** Why {@code value} cannot be a {@code metric} value, or {@code null} when it can. */
  public static String problem(Object value, String metric) {
    String expected = "; expected a " + metric + " in " + HardwareTable.unitOf(metric) + ", finite and >= 0";
    if (!(value instanceof Double || value instanceof Long || value instanceof Integer || value instanceof Float)) {
      return describe(value) + " is not a number" + expected;
    }
    double v = ((Number) value).doubleValue();
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v + " is not finite" + expected;
    }
    if (v < 0) {
      return v + " is negative" + expected;
    }
    return null;
  }

  /** {@code value} as a double; call only when {@link #problem} found none. */
  public static double of(Object value) {
    return ((Number) value).doubleValue();
  }

  /**
   * A CSV field as a {@code Double} when it is a plain decimal number, else the text itself (which
   * {@link #problem} refuses).
   */
  public static Object parse(String text) {
    return DECIMAL.matcher(text).matches() ? Double.valueOf(Double.parseDouble(text)) : text;
  }

  private static String describe(Object v) {
    if (v instanceof String s) {
      String clipped = s.length() > 40 ? s.substring(0, 40) + "..." : s;
      return "'" + clipped.replaceAll("\\p{Cntrl}", "?") + "'";
    }
    return v == null ? "None" : v instanceof Boolean b ? (b ? "True" : "False") : "a " + v.getClass().getSimpleName();
  }
}
