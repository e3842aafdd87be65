package org.nb201.analysis.render;

import java.util.Locale;

/** Number formats shared by the renderers: fixed decimals, {@code -} for an unknown value. */
final class Format {
  static final String MISSING = "-";

  private Format() {}

  static String fixed(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : MISSING;
  }

  /** Accuracy in percent, two decimals. */
  static String acc(double v) {
    return fixed(v, 2);
  }

  /** A correlation, three decimals. */
  static String corr(double v) {
    return fixed(v, 3);
  }

  /** {@code mean +- std}. */
  static String meanStd(double mean, double std, int decimals) {
    return Double.isFinite(mean) ? fixed(mean, decimals) + " +- " + fixed(std, decimals) : MISSING;
  }

  static String index(int i) {
    return i < 0 ? MISSING : Integer.toString(i);
  }

  static String count(long n) {
    return Long.toString(n);
  }

  /** Whether a cell reads as a number (right-aligned). */
  static boolean numeric(String cell) {
    if (cell.equals(MISSING)) {
      return true;
    }
    String s = cell.replace(" +- ", "").replace("(", "").replace(")", "").replace(" ", "").replace("%", "");
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return Character.isDigit(s.charAt(s.length() - 1));
  }
}
