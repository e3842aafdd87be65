package org.nb201.pickle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes being unpickled with a read position, bounds-checked primitive reads and the error
 * factory that stamps the current opcode and its offset on every rejection. Either a whole byte
 * array, or a window over an {@link InputStream} (stream mode) that is refilled on demand and only
 * grows while the stream really delivers bytes, so a hostile declared length cannot make it
 * allocate more than about twice what the stream holds. Offsets are always absolute.
 */
final class PickleInput {
  /** Text-protocol lines (GLOBAL names, INT/FLOAT literals) longer than this are rejected. */
  static final int MAX_LINE = 4096;
  private static final int STREAM_CHUNK = 1 << 16;

  private final InputStream src;
  private byte[] data;
  private int end;
  private long maxLength;
  private long base;
  private int pos;
  private long opStart;
  private int op = -1;

  PickleInput(byte[] data, int offset, long maxLength) {
    this.src = null;
    this.data = data;
    this.end = data.length;
    this.pos = offset;
    this.opStart = offset;
    this.maxLength = maxLength;
  }

  /** Stream mode: reads {@code src} on demand; the caller owns and closes the stream. */
  PickleInput(InputStream src) {
    this.src = src;
    this.data = new byte[STREAM_CHUNK];
    this.maxLength = PickleProfile.DEFAULT_MAX_LENGTH;
  }

  boolean isStream() {
    return src != null;
  }

  void setMaxLength(long maxLength) {
    this.maxLength = maxLength;
  }

  /** Starts a new pickle: no opcode yet. */
  void resetOpcode() {
    op = -1;
    opStart = position();
  }

  long position() {
    return base + pos;
  }

  /** Total input length in array mode; in stream mode, how many bytes were seen so far. */
  long length() {
    return base + end;
  }

  /**
   * Stream mode: makes at least {@code n} unread bytes available, or as many as the stream has
   * left; returns whether {@code n} are available. Array mode: only answers.
   */
  private boolean fill(int n) {
    if (end - pos >= n || src == null) {
      return end - pos >= n;
    }
    if (pos > 0) {
      System.arraycopy(data, pos, data, 0, end - pos);
      base += pos;
      end -= pos;
      pos = 0;
    }
    try {
      while (end < n) {
        if (end == data.length) {
          data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(2L * data.length, STREAM_CHUNK)));
        }
        int r = src.read(data, end, data.length - end);
        if (r < 0) {
          return false;
        }
        end += r;
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stream mode: whether the input has no more bytes (reads ahead to know). */
  boolean atEnd() {
    return !fill(1);
  }

  /**
   * Stream mode: the next {@code n} raw bytes outside any pickle (torch's legacy storages), or
   * fewer when the stream ends first. Allocation grows only with the bytes actually delivered.
   */
  byte[] rawBytes(long n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(n, STREAM_CHUNK));
    long left = n;
    while (left > 0 && fill(1)) {
      int k = (int) Math.min(left, end - pos);
      out.write(data, pos, k);
      pos += k;
      left -= k;
    }
    return out.toByteArray();
  }

  /** Reads the next opcode and remembers it for error messages. */
  int nextOpcode() throws PickleException {
    opStart = position();
    if (!fill(1)) {
      op = -1;
      throw truncated("truncated: input ended before the STOP opcode");
    }
    op = data[pos++] & 0xff;
    return op;
  }

  PickleException error(String reason) {
    return new PickleException(opStart, op, reason);
  }

  /** A rejection because the pickle runs past the end of the input. */
  PickleException truncated(String reason) {
    return new PickleException(opStart, op, reason, null, true);
  }

  /** A rejection of the global {@code qualifiedName} (as clipped for the message). */
  PickleException forbidden(String qualifiedName, String reason) {
    return new PickleException(opStart, op, reason, qualifiedName, false);
  }

  private void need(int n, String what) throws PickleException {
    if (!fill(n)) {
      throw truncated("truncated: " + what + " needs " + n + " bytes, " + (end - pos) + " remain");
    }
  }

  int u8() throws PickleException {
    need(1, "argument");
    return data[pos++] & 0xff;
  }

  int u16() throws PickleException {
    need(2, "argument");
    int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  int i32() throws PickleException {
    need(4, "argument");
    int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16
        | (data[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  long u32() throws PickleException {
    return i32() & 0xffffffffL;
  }

  /** 8-byte little-endian length; values above 2^63 come back negative and are rejected later. */
  long i64() throws PickleException {
    need(8, "argument");
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (data[pos + i] & 0xff);
    }
    pos += 8;
    return v;
  }

  double f64BigEndian() throws PickleException {
    need(8, "argument");
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (data[pos + i] & 0xff);
    }
    pos += 8;
    return Double.longBitsToDouble(v);
  }

  /**
   * Checks a declared length against what remains and the profile cap before anything is
   * allocated for it.
   */
  int length(long declared, String what) throws PickleException {
    if (declared < 0) {
      throw error("negative or absurd " + what + " length " + Long.toUnsignedString(declared));
    }
    if (src != null && declared <= maxLength) {
      need((int) declared, what);
      return (int) declared;
    }
    if (declared > end - pos) {
      throw truncated("declared " + what + " length " + declared + " exceeds the " + (end - pos)
          + " bytes remaining");
    }
    if (declared > maxLength) {
      throw error("declared " + what + " length " + declared + " exceeds the cap of " + maxLength);
    }
    return (int) declared;
  }

  /**
   * FRAME (protocol 4) only announces how many bytes follow; nothing is allocated for it, so only
   * the bytes remaining bound it, not the length cap.
   */
  void checkFrame(long declared) throws PickleException {
    if (declared < 0 || src == null && declared > end - pos) {
      throw truncated("declared frame length " + Long.toUnsignedString(declared) + " exceeds the "
          + (end - pos) + " bytes remaining");
    }
  }

  byte[] bytes(int n) {
    byte[] b = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return b;
  }

  /** Strict UTF-8 (invalid sequences are rejected, as CPython does). */
  String utf8(int n) throws PickleException {
    int from = pos;
    pos += n;
    for (int i = from; i < pos; i++) {
      if (data[i] < 0) {
        try {
          return StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data, from, n)).toString();
        } catch (CharacterCodingException e) {
          throw error("string is not valid UTF-8");
        }
      }
    }
    return new String(data, from, n, StandardCharsets.ISO_8859_1);
  }

  String latin1(int n) {
    String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
    pos += n;
    return s;
  }

  /** A text-protocol argument: the bytes up to the next newline, decoded as UTF-8. */
  String line(String what) throws PickleException {
    fill(MAX_LINE + 1);
    int limit = Math.min(end, pos + MAX_LINE);
    for (int i = pos; i < limit; i++) {
      if (data[i] == '\n') {
        int n = i - pos;
        String s = utf8(n);
        pos++;
        return s;
      }
    }
    if (limit == end) {
      throw truncated("truncated: " + what + " has no terminating newline");
    }
    throw error(what + " is longer than " + MAX_LINE + " bytes");
  }
}
