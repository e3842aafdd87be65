package org.nb201.bench.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read (for progress in compressed bytes) and turns runtime exceptions of the
 * stream below (commons-compress reports some corrupt bz2 headers that way) into IOExceptions.
 */
final class CountingInput extends FilterInputStream {
  private long count;

  CountingInput(InputStream in) {
    super(in);
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    } catch (RuntimeException e) {
      throw new IOException(e.toString(), e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    } catch (RuntimeException e) {
      throw new IOException(e.toString(), e);
    }
  }
}
