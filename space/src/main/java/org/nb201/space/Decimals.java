package org.nb201.space;

import java.util.regex.Pattern;

/**
 * Strict parsing of the numbers users give nb201 (CSV cells, command-line options): a plain decimal
 * such as {@code 93.12}, {@code -5}, {@code .5} or {@code 1.5e-3}, ASCII digits only. Java's own
 * {@link Double#parseDouble} also takes {@code NaN}, {@code Infinity}, hexadecimal floats
 * ({@code 0x1p5} is 32), type suffixes ({@code 5d}) and surrounding blanks, and turns {@code 1e309}
 * into infinity; none of these is a value a user means, so each is refused here with the reason.
 */
public final class Decimals {
  private static final Pattern PLAIN = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private Decimals() {}

  /** Whether {@code text} is written as a plain decimal number (it may still overflow). */
  public static boolean isPlain(String text) {
    return text != null && PLAIN.matcher(text).matches();
  }

  /**
   * The finite value of a plain decimal number.
   *
   * @throws NumberFormatException saying why {@code text} is not one: not plain decimal notation,
   *     or too large for a double
   */
  public static double parse(String text) {
    if (!isPlain(text)) {
      throw new NumberFormatException("'" + text + "' is not a plain decimal number");
    }
    double v = Double.parseDouble(text);
    if (Double.isInfinite(v)) {
      throw new NumberFormatException("'" + text + "' is too large for a double (at most about 1.8e308)");
    }
    return v;
  }
}
