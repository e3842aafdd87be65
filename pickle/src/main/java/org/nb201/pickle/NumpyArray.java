package org.nb201.pickle;

import java.util.Arrays;

/**
 * A numpy array as {@code ndarray.__reduce__} pickles it for protocols 0-4: a REDUCE of
 * {@code numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b')} gives an empty array, and a
 * BUILD with the state {@code (version, shape, dtype, is_fortran, data)} fills it. Only C-order
 * arrays of the plain numeric {@link NumpyDtype}s are accepted, and the raw data must hold exactly
 * the elements the shape needs; the reader rejects an array that never received its state.
 *
 * <p>The data are the raw element bytes in C order and in the dtype's byte order, as numpy stores
 * them; {@link #data()} returns them without a copy (a CIFAR batch holds 30 MB).
 *
 * <p>Not read: protocol 5 arrays (numpy pickles them through {@code numpy.core.numeric._frombuffer})
 * and empty arrays pickled by Python 3 under protocol 2 (their empty data is a call of
 * {@code builtins.bytes}); both are rejected as globals off the allow-list.
 */
public final class NumpyArray {
  /** More dimensions than numpy allows (32 in numpy 1, 64 in numpy 2) are rejected. */
  static final int MAX_DIMS = 64;

  private int[] shape;
  private NumpyDtype dtype;
  private byte[] data;

  NumpyArray() {
  }

  /** Whether BUILD has given the array its state. */
  boolean isBuilt() {
    return data != null;
  }

  void build(int[] shape, NumpyDtype dtype, byte[] data) {
    this.shape = shape;
    this.dtype = dtype;
    this.data = data;
  }

  /** The dimensions, outermost first (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** Number of dimensions. */
  public int ndim() {
    return shape.length;
  }

  /** The element type and byte order. */
  public NumpyDtype dtype() {
    return dtype;
  }

  /** Number of elements: the product of the shape. */
  public int size() {
    return data.length / dtype.itemSize();
  }

  /** The raw element bytes, C order, in the dtype's byte order; not copied. */
  public byte[] data() {
    return data;
  }

  /**
   * Element {@code index} in C order, decoded as for a numpy scalar: Double for floats, Long for
   * integers (BigInteger for a {@code u8} above Long.MAX_VALUE), Boolean for {@code b1}.
   */
  public Object get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size() - 1));
    }
    return dtype.decode(data, index * dtype.itemSize());
  }

  @Override
  public String toString() {
    return "array(shape=" + Arrays.toString(shape) + ", " + dtype + ")";
  }
}
