package org.nb201.train.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * One data file read completely into memory, with the MD5 of its bytes on disk. Reading checks
 * that the file exists and, when a known MD5 is given and verification is on, that it matches.
 */
record DataFile(Path path, byte[] bytes, String md5) {
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
    if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
      return bytes;
    }
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes), 1 << 16)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new DataException(path, "truncated or corrupt gzip data (" + e.getMessage() + ")", e);
    }
  }

  static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
