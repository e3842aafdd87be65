package org.nb201.bench.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;

/**
 * Identifies a NATS directory's content cheaply: SHA-256 over the meta file's bytes and the sorted
 * list of architecture file names with their sizes. Checkpoints carry it, so a rerun only reuses
 * checkpoints of the same source.
 */
final class SourceFingerprint {
  private SourceFingerprint() {
  }

  static String of(Path metaFile, SortedMap<Integer, Path> archFiles) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(metaFile), md)) {
      in.transferTo(OutputStreamSink.INSTANCE);
    }
    for (Path p : archFiles.values()) {
      md.update((p.getFileName() + ":" + Files.size(p) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static long totalBytes(Path metaFile, SortedMap<Integer, Path> archFiles) throws IOException {
    long n = Files.size(metaFile);
    for (Path p : archFiles.values()) {
      n += Files.size(p);
    }
    return n;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Discards bytes (the digest is what matters). */
  private static final class OutputStreamSink extends OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {
    }

    @Override
    public void write(byte[] b, int off, int len) {
    }
  }
}
