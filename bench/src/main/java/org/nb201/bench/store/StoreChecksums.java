package org.nb201.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nb201.space.UserCache;
import org.nb201.space.provenance.Input;

/**
 * The SHA-256 of a store file, remembered per user so that a file is hashed once, not on every
 * search: one pass over the 1.3 GB full-size store takes seconds ({@code jmh/run report} prints it),
 * many times longer in the launcher's quick-start JVM, whose C1-only JIT has no SHA intrinsics. A remembered
 * value counts only while the file keeps its size, modification time and file key; otherwise the
 * file is hashed again. The writer remembers every store it commits. The value is the plain SHA-256
 * of the file, so anyone can check it with {@code sha256sum}. The memo lives in
 * {@code <user cache>/store-sha256} (system property {@value #DIR_PROPERTY} overrides it); failing to
 * read or write it never fails a store operation.
 */
final class StoreChecksums {
  /** System property naming the folder of remembered checksums. */
  static final String DIR_PROPERTY = "nb201.store.checksums";

  private StoreChecksums() {}

  /** {@code file} (absolute) as a store input: its remembered SHA-256, or a fresh one, remembered. */
  static Input of(Path file) {
    Path memo = memo(file);
    String state = state(file);
    if (state != null) {
      try {
        List<String> lines = Files.readAllLines(memo, StandardCharsets.UTF_8);
        if (lines.size() == 3 && lines.get(0).equals(file.toString()) && lines.get(1).equals(state)
            && lines.get(2).matches("[0-9a-f]{64}")) {
          return new Input(Input.STORE, file.toString(), Input.SHA256, lines.get(2), Files.size(file));
        }
      } catch (IOException e) {
        // nothing remembered: hash it
      }
    }
    return remember(file);
  }

  /** Hashes {@code file} (absolute) and remembers the result; returns it as a store input. */
  static Input remember(Path file) {
    String before = state(file);
    Input in = Input.file(Input.STORE, file).withName(file.toString());
    if (before != null && before.equals(state(file))) {
      write(memo(file), file + "\n" + before + "\n" + in.checksum() + "\n");
    }
    return in;
  }

  /** {@link #remember} for a file just written: a failure to read it back only leaves it unremembered. */
  static void seed(Path file) {
    try {
      remember(file);
    } catch (UncheckedIOException | SecurityException e) {
      // the next search hashes it
    }
  }

  /** Size, modification time and file key of {@code file}, or null when unreadable. */
  private static String state(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + a.fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private static Path dir() {
    String d = System.getProperty(DIR_PROPERTY);
    return d != null && !d.isBlank() ? Path.of(d) : UserCache.root().resolve("store-sha256");
  }

  /** Where the checksum of {@code file} (absolute) is remembered. */
  static Path memo(Path file) {
    return dir().resolve(HexFormat.of().formatHex(sha256(file.toString()), 0, 16) + ".txt");
  }

  /** Writes one memo atomically and drops those of files that are gone or changed. */
  private static void write(Path memo, String text) {
    try {
      Files.createDirectories(memo.getParent());
      Path tmp = Files.createTempFile(memo.getParent(), ".memo-", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      prune(memo.getParent());
    } catch (IOException | UnsupportedOperationException e) {
      // a cache: without it the next search hashes the file again
    }
  }

  private static void prune(Path dir) throws IOException {
    try (DirectoryStream<Path> memos = Files.newDirectoryStream(dir, "*.txt")) {
      for (Path m : memos) {
        List<String> lines = Files.readAllLines(m, StandardCharsets.UTF_8);
        if (lines.size() != 3 || !lines.get(1).equals(state(Path.of(lines.get(0))))) {
          Files.deleteIfExists(m);
        }
      }
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
