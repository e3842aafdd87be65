package org.nb201.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;

/**
 * Truncations and random corruptions of real NATS pickles and CPython fixtures: each must either
 * still parse or end in a PickleException, never another exception, an OutOfMemoryError or a hang.
 */
class PickleFuzzTest {
  private static byte[] decompressed(String name) throws IOException {
    Path file = SharedFixtures.natsSample().resolve(name);
    try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(file), true)) {
      return in.readAllBytes();
    }
  }

  /** Parses or throws PickleException; any other throwable fails the test. */
  private static boolean parses(byte[] data, PickleProfile profile) {
    try {
      PickleReader.read(data, profile);
      return true;
    } catch (PickleException e) {
      assertThat(e.getMessage()).startsWith("pickle rejected at offset ").doesNotContain("\n");
      return false;
    }
  }

  @Test
  void everyTruncationOfTheRealFilesIsRejected() throws IOException {
    byte[] meta = decompressed("meta.pickle.pbz2");
    byte[] arch = decompressed("000000.pickle.pbz2");
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (byte[] data : new byte[][] {meta, arch}) {
        for (int cut = 0; cut < data.length; cut += 997) {
          byte[] prefix = Arrays.copyOf(data, cut);
          assertThatThrownBy(() -> PickleReader.read(prefix, TestProfiles.NATS))
              .isInstanceOf(PickleException.class);
        }
        byte[] lastByteMissing = Arrays.copyOf(data, data.length - 1);
        assertThatThrownBy(() -> PickleReader.read(lastByteMissing, TestProfiles.NATS))
            .isInstanceOf(PickleException.class);
      }
    });
  }

  @Test
  void randomByteFlipsOfARealArchFileNeverEscapeAsOtherErrors() throws IOException {
    byte[] arch = decompressed("000011.pickle.pbz2");
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      Random rnd = new Random(20240611L);
      int rejected = 0;
      for (int i = 0; i < 2000; i++) {
        int pos = rnd.nextInt(arch.length);
        byte saved = arch[pos];
        arch[pos] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : saved ^ (1 << rnd.nextInt(8)));
        try {
          rejected += parses(arch, TestProfiles.NATS) ? 0 : 1;
        } finally {
          arch[pos] = saved;
        }
      }
      assertThat(rejected).isPositive();
    });
  }

  @Test
  void randomMutantsOfSmallFixturesNeverEscapeAsOtherErrors() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      Random rnd = new Random(7L);
      for (int protocol = 1; protocol <= 5; protocol++) {
        byte[] base = PickleBytes.hex(PickleReaderTest.CPYTHON[protocol]);
        for (int i = 0; i < 4000; i++) {
          byte[] m = base.clone();
          int flips = 1 + rnd.nextInt(4);
          for (int k = 0; k < flips; k++) {
            m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
          }
          parses(m, TestProfiles.NB201_PTH);
        }
      }
    });
  }

  @Test
  void randomGarbageNeverEscapesAsOtherErrors() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      Random rnd = new Random(11L);
      for (int i = 0; i < 20000; i++) {
        byte[] g = new byte[1 + rnd.nextInt(64)];
        rnd.nextBytes(g);
        parses(g, TestProfiles.NB201_PTH);
      }
    });
  }
}
