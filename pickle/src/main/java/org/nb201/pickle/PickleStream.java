package org.nb201.pickle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Reads pickles one after another from an {@link InputStream} with a bounded buffer, for files
 * too large to hold decompressed (the NATS single-file archive, NAS-Bench-201 {@code .pth}
 * files). {@link #next(PickleProfile, List, EntrySink)} streams the entries of one dict inside
 * the pickle (e.g. {@code arch2infos}) to a sink as they complete, so memory holds one batch of
 * entries, not the file. Same safety rules, limits and value mapping as {@link PickleReader};
 * offsets in errors count from the start of the stream. Not thread-safe; does not close the stream.
 */
public final class PickleStream {
  /** Receives the streamed entries of the target dict, in file order. */
  @FunctionalInterface
  public interface EntrySink {
    void accept(Object key, Object value) throws IOException;
  }

  private final PickleInput in;

  public PickleStream(InputStream source) {
    this.in = new PickleInput(source);
  }

  /** Reads the next whole pickle. */
  public Object next(PickleProfile profile) throws PickleException, IOException {
    return run(profile, null);
  }

  /**
   * Reads the next pickle, handing every entry of the dict at {@code path} (keys from the root, e.g.
   * {@code List.of("arch2infos")}) to {@code sink} instead of keeping it; in the returned value that
   * dict is empty. Entries of a dict the pickle builds in one step (protocol 0/1 DICT) are handed
   * over after the pickle ends.
   */
  public Object next(PickleProfile profile, List<?> path, EntrySink sink) throws PickleException, IOException {
    return run(profile, new StreamTarget(path, sink));
  }

  private Object run(PickleProfile profile, StreamTarget target) throws PickleException, IOException {
    try {
      Object root = new Unpickler(in, profile, target).run().value();
      if (target != null) {
        drainLeftovers(root, target);
      }
      return root;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void drainLeftovers(Object root, StreamTarget target) {
    Object at = root;
    for (Object key : target.path()) {
      if (!(at instanceof Map<?, ?> m)) {
        return;
      }
      at = m.get(key);
    }
    if (at instanceof Map<?, ?> m && !m.isEmpty()) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        target.accept(e.getKey(), e.getValue());
      }
      m.clear();
    }
  }

  /** Whether the stream has no bytes left. */
  public boolean atEnd() throws IOException {
    try {
      return in.atEnd();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Exactly {@code n} raw bytes (data stored between pickles); {@link EOFException} when fewer remain. */
  public byte[] readRaw(long n) throws IOException {
    if (n < 0 || n > Integer.MAX_VALUE - 16) {
      throw new IOException("raw block of " + n + " bytes at offset " + in.position() + " is out of range");
    }
    try {
      byte[] b = in.rawBytes(n);
      if (b.length != n) {
        throw new EOFException("truncated: raw block at offset " + (in.position() - b.length) + " needs " + n
            + " bytes, " + b.length + " remain");
      }
      return b;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Bytes consumed so far. */
  public long position() {
    return in.position();
  }
}
