package org.nb201.space.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nb201.space.Messages;

/**
 * One input a result was made from: its role, its name (a file name, a path or a description), the
 * checksum that identifies its content and the algorithm of that checksum, and its size.
 *
 * @param role what the input was to the result: {@link #SOURCE}, {@link #DATA}, {@link #STORE}
 * @param name file name, path or description
 * @param algorithm {@link #SHA256}, {@link #MD5_LIST}, or empty when there is no checksum
 * @param checksum hex checksum, or empty
 * @param bytes size in bytes, or -1 when not a file (or unknown)
 */
public record Input(String role, String name, String algorithm, String checksum, long bytes) {
  /** A file or directory a store was imported from, or the result file a trial was collected from. */
  public static final String SOURCE = "source";
  /** The training data a trial read. */
  public static final String DATA = "data";
  /** The benchmark store a search or an analysis read. */
  public static final String STORE = "store";
  /** Hex SHA-256 of the bytes (for a NATS-Bench directory: of its meta file and its file list). */
  public static final String SHA256 = "sha256";
  /** Hex MD5 over the lines {@code name:md5} of every file read, in read order (the training data). */
  public static final String MD5_LIST = "md5-list";

  public Input {
    if (role == null || role.isBlank() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("an input needs a role and a name");
    }
    algorithm = algorithm == null ? "" : algorithm;
    checksum = checksum == null ? "" : checksum;
  }

  /** An input without a file: generated, trained or typed-in data. */
  public static Input described(String role, String description) {
    return new Input(role, description, "", "", -1);
  }

  /** {@code file}, named by its file name, with its SHA-256 and size (one pass over the file). */
  public static Input file(String role, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = sha256Digest();
      byte[] buffer = new byte[1 << 16];
      long n = 0;
      for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
        md.update(buffer, 0, r);
        n += r;
      }
      return new Input(role, file.getFileName().toString(), SHA256, HexFormat.of().formatHex(md.digest()), n);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + Messages.reason(file, e), e);
    }
  }

  /** The same input under another name (e.g. a path instead of a file name). */
  public Input withName(String newName) {
    return new Input(role, newName, algorithm, checksum, bytes);
  }

  /** The checksum when it is a SHA-256, else empty. */
  public String sha256() {
    return SHA256.equals(algorithm) ? checksum : "";
  }

  /** The input as an ordered map with stable snake_case keys. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", role);
    m.put("name", name);
    m.put("algorithm", algorithm);
    m.put("checksum", checksum);
    m.put("bytes", bytes);
    return m;
  }

  /** The input {@link #toMap} wrote. */
  public static Input fromMap(Map<?, ?> m) {
    return new Input(Maps.text(m, "role"), Maps.text(m, "name"), Maps.text(m, "algorithm"), Maps.text(m, "checksum"),
        Maps.number(m, "bytes", -1));
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
