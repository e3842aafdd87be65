package org.nb201.analysis;

import java.util.List;

/**
 * The reference cells analyses mark (AutoDL-Projects {@code exps/NAS-Bench-201/visualize.py}; see
 * docs/network-and-protocol.md#reference-cells and docs/search-space.md#reference-indices-and-checksums): the ResNet
 * cell and the cells with one op on every edge, plus index 0. Indices in the official order.
 */
public final class ReferenceCells {
  /**
   * The ResNet cell, two 3x3 convs and a skip:
   * {@code |nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|}.
   */
  public static final int RESNET = 11472;
  /** Every edge {@code nor_conv_3x3}: the largest cell. */
  public static final int ALL_CONV3X3 = 1462;
  /** Every edge {@code skip_connect}. */
  public static final int ALL_SKIP = 1835;
  /** Every edge {@code avg_pool_3x3}. */
  public static final int ALL_POOL = 7581;
  /** Every edge {@code none}: no path from input to output. */
  public static final int ALL_NONE = 1651;
  /** All of them and index 0, in this order. */
  public static final List<Integer> ALL = List.of(RESNET, ALL_CONV3X3, ALL_SKIP, ALL_POOL, ALL_NONE, 0);

  private ReferenceCells() {}

  /** Whether {@code index} is one of {@link #ALL}. */
  public static boolean contains(int index) {
    return ALL.contains(index);
  }
}
