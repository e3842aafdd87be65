package org.nb201.analysis.stats;

/** Mean and standard deviation of a vector; {@code NaN} when undefined. */
public final class Moments {
  private Moments() {}

  /** The arithmetic mean; {@code NaN} for an empty vector. */
  public static double mean(double[] x) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /**
   * The standard deviation with {@code ddof} delta degrees of freedom: 0 is {@code numpy.std}'s
   * default (population), 1 the sample standard deviation. {@code NaN} when {@code n <= ddof}.
   */
  public static double std(double[] x, int ddof) {
    int n = x.length;
    if (n <= ddof) {
      return Double.NaN;
    }
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (n - ddof));
  }
}
