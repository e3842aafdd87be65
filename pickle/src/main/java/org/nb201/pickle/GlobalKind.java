package org.nb201.pickle;

/**
 * What an allow-listed Python global stands for. The reader never calls anything: each kind only
 * says which plain Java value a REDUCE, NEWOBJ or BUILD on that global produces.
 */
public enum GlobalKind {
  /** {@code collections.OrderedDict}: REDUCE with {@code ()} or a list of pairs gives a LinkedHashMap. */
  ORDERED_DICT,
  /** {@code numpy.dtype}: REDUCE gives a {@link NumpyDtype}; BUILD sets its byte order. */
  NUMPY_DTYPE,
  /** {@code numpy.core.multiarray.scalar}: REDUCE on (dtype, raw bytes) gives a Double, Long or Boolean. */
  NUMPY_SCALAR,
  /**
   * {@code numpy.core.multiarray._reconstruct}: REDUCE on {@code (numpy.ndarray, shape, typecode)}
   * gives an empty {@link NumpyArray}; BUILD with {@code (version, shape, dtype, is_fortran, data)}
   * fills it.
   */
  NUMPY_ARRAY,
  /** {@code numpy.ndarray}: only the first argument of {@code _reconstruct}; it cannot be called. */
  NUMPY_NDARRAY,
  /** {@code _codecs.encode}: REDUCE on (str, 'latin1') gives the bytes (how protocol 2 stores bytes). */
  CODECS_ENCODE,
  /**
   * A class or function that only carries data (torch rebuild helpers, storages, the
   * {@code nas_201_api} result classes): REDUCE/NEWOBJ give an inert {@link PyObject} recording the
   * arguments, BUILD records its state.
   */
  DATA_OBJECT
}
