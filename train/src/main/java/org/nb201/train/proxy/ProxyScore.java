package org.nb201.train.proxy;

/**
 * One score of one cell: the proxy, the images it read ({@code batch}: 0 for data-free proxies,
 * 1 for SynFlow's all-ones image), its value and the wall seconds it took to obtain alone
 * (building and initialising the network plus the proxy's own passes; for params and flops, the
 * cost model's count, which builds no network). A value that is not finite
 * (a NASWOT kernel of an all-{@code none} cell is singular) is kept as it is, and {@link #note()}
 * says what it is; stores hold no number for it.
 */
public record ProxyScore(Proxy proxy, int batch, double value, double seconds) {
  /** Whether the value is a finite number. */
  public boolean finite() {
    return Double.isFinite(value);
  }

  /** What is wrong with a value that is not finite, or {@code null} when it is finite. */
  public String note() {
    if (finite()) {
      return null;
    }
    String v = Double.isNaN(value) ? "NaN" : value > 0 ? "+inf" : "-inf";
    return switch (proxy) {
      case NASWOT -> v + ": the ReLU-code kernel is singular (cells whose images share all codes)";
      case JACOB_COV -> v + ": an input gradient is constant, so its correlation is undefined";
      default -> v + ": the score overflowed or is undefined for this cell";
    };
  }
}
