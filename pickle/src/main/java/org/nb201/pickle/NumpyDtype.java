package org.nb201.pickle;

import java.math.BigInteger;

/**
 * A numpy scalar type as a pickle describes it: kind ({@code f}, {@code i}, {@code u}, {@code b}),
 * item size in bytes, and byte order (set by BUILD from the dtype state, {@code '<'} by default).
 * Decodes the raw bytes of {@code numpy.core.multiarray.scalar} and the elements of a
 * {@link NumpyArray}: float kinds give Double, integers Long (BigInteger for a {@code u8} above
 * Long.MAX_VALUE), {@code b1} Boolean.
 */
public final class NumpyDtype {
  private final char kind;
  private final int itemSize;
  private boolean bigEndian;

  private NumpyDtype(char kind, int itemSize, boolean bigEndian) {
    this.kind = kind;
    this.itemSize = itemSize;
    this.bigEndian = bigEndian;
  }

  /**
   * Parses a dtype string such as {@code f8}, {@code <i4} or {@code >u2}; {@code null} when the
   * type is not one of the supported plain numeric types.
   */
  static NumpyDtype parse(String spec) {
    if (spec == null || spec.isEmpty() || spec.length() > 4) {
      return null;
    }
    boolean big = false;
    String s = spec;
    char order = s.charAt(0);
    if (order == '<' || order == '>' || order == '=' || order == '|') {
      big = order == '>';
      s = s.substring(1);
    }
    if (s.length() != 2) {
      return null;
    }
    char kind = s.charAt(0);
    int size = s.charAt(1) - '0';
    boolean ok = switch (kind) {
      case 'f' -> size == 4 || size == 8;
      case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
      case 'b' -> size == 1;
      default -> false;
    };
    return ok ? new NumpyDtype(kind, size, big) : null;
  }

  /** Applies a byte order character from the dtype state; false when it is not one. */
  boolean setByteOrder(String order) {
    switch (order) {
      case "<", "=", "|" -> bigEndian = false;
      case ">" -> bigEndian = true;
      default -> {
        return false;
      }
    }
    return true;
  }

  /** {@code f}, {@code i}, {@code u} or {@code b}. */
  public char kind() {
    return kind;
  }

  public int itemSize() {
    return itemSize;
  }

  public boolean isBigEndian() {
    return bigEndian;
  }

  /** Decodes the {@link #itemSize()} raw bytes at {@code offset}. */
  Object decode(byte[] raw, int offset) {
    long bits = 0;
    for (int i = 0; i < itemSize; i++) {
      int b = raw[offset + (bigEndian ? i : itemSize - 1 - i)] & 0xff;
      bits = (bits << 8) | b;
    }
    return switch (kind) {
      case 'f' -> itemSize == 8 ? Double.longBitsToDouble(bits) : (double) Float.intBitsToFloat((int) bits);
      case 'b' -> bits != 0;
      case 'i' -> (bits << (64 - 8 * itemSize)) >> (64 - 8 * itemSize);
      default -> bits >= 0 ? (Object) bits : new BigInteger(Long.toUnsignedString(bits));
    };
  }

  @Override
  public String toString() {
    return "dtype('" + (itemSize == 1 ? "|" : bigEndian ? ">" : "<") + kind + itemSize + "')";
  }
}
