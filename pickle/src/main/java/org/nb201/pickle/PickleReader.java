package org.nb201.pickle;

/**
 * Reads Python pickles into plain Java values under a {@link PickleProfile}. Mapping: dict and
 * OrderedDict become {@code LinkedHashMap<Object, Object>} (insertion order kept), list
 * {@code ArrayList}, tuple {@link PyTuple}, set {@code LinkedHashSet}, frozenset an unmodifiable
 * insertion-ordered {@code Set}, str {@code String}, int {@code Long} (or {@code BigInteger} beyond
 * 64 bits), float {@code Double}, bool {@code Boolean}, bytes and bytearray {@code byte[]}, and
 * None {@code null}. Allow-listed globals yield the data described by {@link GlobalKind}.
 *
 * <p>Anything else (a global not on the list, malformed or truncated input, a length or depth over
 * the limits, a cyclic value) is a {@link PickleException}; memory use is bounded by a small
 * multiple of the input size. Stricter than CPython on purpose: STOP must leave exactly one value
 * and no open MARK, keys must be hashable per Python's rules, and {@code 1}, {@code 1.0} and
 * {@code True} are distinct keys (Java equality). Thread-safe: no shared state.
 */
public final class PickleReader {
  private PickleReader() {
  }

  /** A value and the offset just past its STOP opcode. */
  public record Parsed(Object value, int end) {
  }

  /** Reads the single pickle that makes up all of {@code data}. */
  public static Object read(byte[] data, PickleProfile profile) throws PickleException {
    Parsed p = readAt(data, 0, profile);
    if (p.end() != data.length) {
      throw new PickleException(p.end(), data[p.end()] & 0xff,
          (data.length - p.end()) + " trailing bytes after STOP");
    }
    return p.value();
  }

  /**
   * Reads one pickle starting at {@code offset}; bytes after its STOP are left alone (torch's
   * legacy format concatenates several pickles).
   */
  public static Parsed readAt(byte[] data, int offset, PickleProfile profile) throws PickleException {
    if (offset < 0 || offset > data.length) {
      throw new IllegalArgumentException("offset " + offset + " outside 0.." + data.length);
    }
    return new Unpickler(data, offset, profile).run();
  }
}
