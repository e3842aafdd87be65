package org.nb201.train.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * One data file read completely into memory, with the MD5 of its bytes on disk. Reading checks
 * that the file exists and, when a known MD5 is given and verification is on, that it matches.
 */
record DataFile(Path path, byte[] bytes, String md5) {
  private static final long MAX_EXACT = Integer.MAX_VALUE - 16;

  /** Reads {@code path}; {@code expectedMd5} may be null (unknown). */
  static DataFile read(Path path, String expectedMd5, boolean verify) throws DataException {
    if (!Files.exists(path)) {
      throw new DataException(path, "missing file");
    }
    if (!Files.isRegularFile(path)) {
      throw new DataException(path, "not a regular file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new DataException(path, "cannot read: " + e.getMessage(), e);
    }
    String md5 = md5(bytes);
    if (verify && expectedMd5 != null && !expectedMd5.equals(md5)) {
      throw new DataException(path, "wrong MD5 " + md5 + ", expected " + expectedMd5
          + " (corrupt or not the official file; pass --no-verify to use it anyway)");
    }
    return new DataFile(path, bytes, md5);
  }

  /** The file's content, gunzipped when it starts with the gzip magic. */
  byte[] content() throws DataException {
    return content(new byte[0]);
  }

  /**
   * The file's content, gunzipped when it starts with the gzip magic: the first
   * {@code header.length} bytes go to {@code header}, the rest is returned (a large body is read
   * once, into an array of its exact size). A content shorter than the header is an error.
   */
  byte[] content(byte[] header) throws DataException {
    if (!gzipped()) {
      checkHeader(bytes.length, header.length);
      System.arraycopy(bytes, 0, header, 0, header.length);
      return header.length == 0 ? bytes : Arrays.copyOfRange(bytes, header.length, bytes.length);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
      int h = in.readNBytes(header, 0, header.length);
      checkHeader(h, header.length);
      // the gzip trailer holds the uncompressed size mod 2^32: read the body straight into an array
      // of that size (no growing buffer and final copy, which tripled the peak heap of a 47 MB file)
      long isize = ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
      long body = isize - h;
      ByteArrayOutputStream out;
      // a damaged trailer can claim any size: trust it only up to 16x the compressed bytes
      if (body >= 0 && body <= Math.min(MAX_EXACT, 16L * bytes.length)) {
        byte[] b = new byte[(int) body];
        int got = in.readNBytes(b, 0, b.length);
        int next = got == b.length ? in.read() : -1;
        if (next < 0) {
          return got == b.length ? b : Arrays.copyOf(b, got); // short: the caller's length check names it
        }
        // more than the trailer says (over 4 GiB or several gzip members): keep reading
        out = new ByteArrayOutputStream(b.length * 2);
        out.write(b);
        out.write(next);
      } else {
        out = new ByteArrayOutputStream(Math.max(bytes.length * 4, 1 << 16));
      }
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new DataException(path, "truncated or corrupt gzip data (" + e.getMessage() + ")", e);
    }
  }

  private void checkHeader(int have, int want) throws DataException {
    if (have < want) {
      throw new DataException(path, "truncated: " + have + " bytes, shorter than the " + want + "-byte header");
    }
  }

  private boolean gzipped() {
    return bytes.length >= 18 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
