package org.nb201.bench.pickle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes being unpickled with a read position, bounds-checked primitive reads and the error
 * factory that stamps the current opcode and its offset on every rejection.
 */
final class PickleInput {
  /** Text-protocol lines (GLOBAL names, INT/FLOAT literals) longer than this are rejected. */
  static final int MAX_LINE = 4096;

  private final byte[] data;
  private final int end;
  private final long maxLength;
  private int pos;
  private int opStart;
  private int op = -1;

  PickleInput(byte[] data, int offset, long maxLength) {
    this.data = data;
    this.end = data.length;
    this.pos = offset;
    this.opStart = offset;
    this.maxLength = maxLength;
  }

  int position() {
    return pos;
  }

  int length() {
    return end;
  }

  /** Reads the next opcode and remembers it for error messages. */
  int nextOpcode() throws PickleException {
    opStart = pos;
    if (pos >= end) {
      op = -1;
      throw error("truncated: input ended before the STOP opcode");
    }
    op = data[pos++] & 0xff;
    return op;
  }

  PickleException error(String reason) {
    return new PickleException(opStart, op, reason);
  }

  private void need(int n, String what) throws PickleException {
    if (n > end - pos) {
      throw error("truncated: " + what + " needs " + n + " bytes, " + (end - pos) + " remain");
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
    if (declared > end - pos) {
      throw error("declared " + what + " length " + declared + " exceeds the " + (end - pos)
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
    if (declared < 0 || declared > end - pos) {
      throw error("declared frame length " + Long.toUnsignedString(declared) + " exceeds the "
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
    int limit = Math.min(end, pos + MAX_LINE);
    for (int i = pos; i < limit; i++) {
      if (data[i] == '\n') {
        int n = i - pos;
        String s = utf8(n);
        pos++;
        return s;
      }
    }
    throw error(limit == end ? "truncated: " + what + " has no terminating newline"
        : what + " is longer than " + MAX_LINE + " bytes");
  }
}
