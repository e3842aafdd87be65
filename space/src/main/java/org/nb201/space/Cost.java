package org.nb201.space;

import java.math.BigDecimal;

/**
 * FLOPs (multiply-accumulates of convolutions and linear layers) and trainable parameters of a
 * network, as exact counts. The benchmark reports both in millions ({@link #mflops()}, {@link #mparams()}).
 */
public record Cost(long flops, long params) {
  /** FLOPs in millions, e.g. 15.64737. */
  public double mflops() {
    return flops / 1e6;
  }

  /** Parameters in millions, e.g. 0.129306. */
  public double mparams() {
    return params / 1e6;
  }

  /** FLOPs in millions printed exactly, without trailing zeros. */
  public String mflopsText() {
    return millions(flops);
  }

  /** Parameters in millions printed exactly, without trailing zeros. */
  public String mparamsText() {
    return millions(params);
  }

  static String millions(long count) {
    BigDecimal v = BigDecimal.valueOf(count, 6).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }
}
