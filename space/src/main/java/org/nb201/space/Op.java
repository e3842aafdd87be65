package org.nb201.space;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The five candidate operations of an edge, in the official order (AutoDL-Projects
 * {@code xautodl/models/cell_operations.py}, list {@code NAS_BENCH_201}; see docs/search-space.md#operations).
 * The ordinal is the
 * official op index used by the index enumeration and by {@code str2matrix}.
 */
public enum Op {
  /** Zero: the edge contributes nothing. */
  NONE("none"),
  /** Identity. */
  SKIP_CONNECT("skip_connect"),
  /** ReLU, 1x1 convolution, batch norm. */
  NOR_CONV_1X1("nor_conv_1x1"),
  /** ReLU, 3x3 convolution (pad 1), batch norm. */
  NOR_CONV_3X3("nor_conv_3x3"),
  /** 3x3 average pooling, stride 1, pad 1, padding excluded from the average. */
  AVG_POOL_3X3("avg_pool_3x3");

  private static final Op[] VALUES = values();
  private final String officialName;

  Op(String officialName) {
    this.officialName = officialName;
  }

  /** The name used in architecture strings, e.g. {@code nor_conv_3x3}. */
  public String officialName() {
    return officialName;
  }

  /** The op with this official index (0..4). */
  public static Op ofIndex(int index) {
    if (index < 0 || index >= VALUES.length) {
      throw new IllegalArgumentException("op index " + index + " out of range, expected 0..4");
    }
    return VALUES[index];
  }

  /** The op with this official name, or {@code null} when there is none. */
  public static Op byName(String name) {
    for (Op op : VALUES) {
      if (op.officialName.equals(name)) {
        return op;
      }
    }
    return null;
  }

  /** The official names in op-index order, for error messages. */
  public static List<String> officialNames() {
    return Arrays.stream(VALUES).map(Op::officialName).collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return officialName;
  }
}
