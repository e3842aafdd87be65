package org.nb201.bench.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.nb201.space.Messages;
import org.nb201.space.ToolVersion;

/**
 * Where a batch of trials came from: the source file and its SHA-256, the nb201 version that
 * imported or produced it, when, with which configuration, on which machine. Every trial in a
 * store points to one provenance row, so any number can be traced back and re-derived.
 *
 * @param source file name or description of the source (e.g. {@code 000000.pickle.pbz2})
 * @param sha256 hex SHA-256 of the source file, or empty when the source is not a file
 * @param bytes size of the source file, or -1
 * @param toolVersion the nb201 version that wrote the trials
 * @param importedAt when the trials were written
 * @param config free-form configuration (JSON by convention), may be empty
 * @param machine OS, architecture, cores and JVM of the writing machine
 */
public record Provenance(String source, String sha256, long bytes, String toolVersion,
    Instant importedAt, String config, String machine) {
  public Provenance {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("provenance needs a source");
    }
    sha256 = sha256 == null ? "" : sha256;
    toolVersion = toolVersion == null ? currentToolVersion() : toolVersion;
    importedAt = importedAt == null ? Instant.now() : importedAt;
    config = config == null ? "" : config;
    machine = machine == null ? thisMachine() : machine;
  }

  /** Provenance of {@code file}: name, SHA-256 and size, this tool and machine, now. */
  public static Provenance ofFile(Path file, String config) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256Digest())) {
      byte[] buffer = new byte[1 << 16];
      long n = 0;
      for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
        n += r;
      }
      String hex = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
      return new Provenance(file.getFileName().toString(), hex, n, null, null, config, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + Messages.reason(file, e), e);
    }
  }

  /** Provenance of data that has no source file (generated, trained, typed in). */
  public static Provenance of(String source, String config) {
    return new Provenance(source, "", -1, null, null, config, null);
  }

  /** The nb201 version ({@link ToolVersion}). */
  public static String currentToolVersion() {
    return ToolVersion.get();
  }

  /** A one-line description of this machine (no host name: stores are shared). */
  public static String thisMachine() {
    return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
