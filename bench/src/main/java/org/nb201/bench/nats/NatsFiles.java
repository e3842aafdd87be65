package org.nb201.bench.nats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.nb201.pickle.PickleException;
import org.nb201.pickle.PickleProfile;
import org.nb201.pickle.PickleReader;

/** Opening a {@code .pickle.pbz2} file: bz2 decompression with a size cap, then the safe reader. */
final class NatsFiles {
  /** Far above the real sizes (meta 1.4 MB, arch files ~326 KB); stops decompression bombs. */
  static final int MAX_DECOMPRESSED = 64 << 20;

  private NatsFiles() {
  }

  static Object unpickle(Path file, PickleProfile profile) throws IOException {
    byte[] data = decompress(file);
    try {
      return PickleReader.read(data, profile);
    } catch (PickleException e) {
      throw new NatsFormatException(file, e.getMessage(), e);
    }
  }

  static byte[] decompress(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "NATS file not found");
    }
    long compressed = Files.size(file);
    try (InputStream raw = Files.newInputStream(file)) {
      try (InputStream bz = new BZip2CompressorInputStream(new BufferedInputStream(raw, 1 << 16), true)) {
        byte[] buf = new byte[(int) Math.min(MAX_DECOMPRESSED, Math.max(1 << 16, compressed * 6))];
        int n = 0;
        while (true) {
          if (n == buf.length) {
            if (n == MAX_DECOMPRESSED) {
              throw new NatsFormatException(file, "decompresses to more than " + MAX_DECOMPRESSED + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) Math.min(MAX_DECOMPRESSED, 2L * n));
          }
          int r = bz.read(buf, n, buf.length - n);
          if (r < 0) {
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
          }
          n += r;
        }
      } catch (NatsFormatException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // commons-compress reports truncation and CRC errors as IOException and some corrupt
        // headers as runtime exceptions; both mean the same thing to a user.
        throw new NatsFormatException(file, "corrupt or truncated bz2 stream (" + oneLine(e) + ")", e);
      }
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").strip();
  }
}
