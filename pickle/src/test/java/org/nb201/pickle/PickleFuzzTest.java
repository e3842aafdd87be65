package org.nb201.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;

/**
 * Truncations and random corruptions of real NATS pickles, real CIFAR batches (numpy arrays) and
 * CPython and numpy fixtures: each must either still parse or end in a PickleException, never
 * another exception, an OutOfMemoryError or a hang.
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

  /**
   * Corrupts one byte of {@code data} at a time ({@code flips} times, each undone after its parse),
   * half of them in the first {@code head} bytes when {@code head > 0}; returns how many were rejected.
   */
  private static int rejectedFlips(byte[] data, PickleProfile profile, Random rnd, int flips, int head) {
    int rejected = 0;
    for (int i = 0; i < flips; i++) {
      int pos = head > 0 && rnd.nextBoolean() ? rnd.nextInt(head) : rnd.nextInt(data.length);
      byte saved = data[pos];
      data[pos] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : saved ^ (1 << rnd.nextInt(8)));
      try {
        rejected += parses(data, profile) ? 0 : 1;
      } finally {
        data[pos] = saved;
      }
    }
    return rejected;
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
      int rejected = rejectedFlips(arch, TestProfiles.NATS, rnd, 2000, 0);
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

  @Test
  void everyTruncationOfARealCifarBatchIsRejectedAsTruncated() throws IOException, PickleException {
    byte[] batch = SharedFixtures.cifarFile("cifar100-python-sample.zip", "cifar-100-python/test");
    assertThat(PickleReader.read(batch, NumpyArrayTest.ARRAYS)).isInstanceOf(Map.class);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int cut = 0; cut < batch.length; cut += 7) {
        byte[] prefix = Arrays.copyOf(batch, cut);
        assertThatThrownBy(() -> PickleReader.read(prefix, NumpyArrayTest.ARRAYS))
            .isInstanceOfSatisfying(PickleException.class, e -> assertThat(e.isTruncated()).isTrue());
      }
    });
  }

  @Test
  void randomByteFlipsOfRealCifarBatchesNeverEscapeAsOtherErrors() throws IOException {
    byte[][] batches = {SharedFixtures.cifarFile("cifar100-python-sample.zip", "cifar-100-python/test"),
        SharedFixtures.cifarFile("cifar10-python-sample.zip", "cifar-10-batches-py/test_batch")};
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      Random rnd = new Random(20250101L);
      int rejected = 0;
      for (byte[] batch : batches) {
        // flips inside the pixel bytes only change pixels: aim half of them at the pickle's header
        rejected += rejectedFlips(batch, NumpyArrayTest.ARRAYS, rnd, 2000, 400);
      }
      assertThat(rejected).isPositive();
    });
  }

  @Test
  void randomMutantsOfTheNumpyFixturesNeverEscapeAsOtherErrors() throws IOException {
    try (Stream<Path> files = Files.list(NumpyArrayTest.DIR)) {
      List<byte[]> fixtures = new ArrayList<>();
      for (Path f : files.filter(f -> f.toString().endsWith(".pkl")).sorted().toList()) {
        fixtures.add(Files.readAllBytes(f));
      }
      assertThat(fixtures.size()).isEqualTo(15);
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        Random rnd = new Random(13L);
        for (byte[] base : fixtures) {
          for (int i = 0; i < 1000; i++) {
            byte[] m = base.clone();
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
              m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
            }
            parses(m, NumpyArrayTest.ARRAYS);
          }
        }
      });
    }
  }

  @Test
  void forbiddenGlobalsSplicedIntoARealCifarBatchAreRejectedByName() throws IOException {
    byte[] batch = SharedFixtures.cifarFile("cifar100-python-sample.zip", "cifar-100-python/test");
    String text = new String(batch, StandardCharsets.ISO_8859_1);
    String[][] swaps = {{"cnumpy.core.multiarray\n_reconstruct\n", "cos\nsystem\n", "os.system"},
        {"cnumpy\nndarray\n", "cbuiltins\neval\n", "builtins.eval"},
        {"cnumpy\ndtype\n", "csubprocess\nPopen\n", "subprocess.Popen"},
        {"cnumpy\ndtype\n", "cnumpy\nload\n", "numpy.load"}};
    for (String[] s : swaps) {
      assertThat(text).contains(s[0]);
      byte[] hostile = text.replace(s[0], s[1]).getBytes(StandardCharsets.ISO_8859_1);
      assertThatThrownBy(() -> PickleReader.read(hostile, NumpyArrayTest.ARRAYS))
          .isInstanceOfSatisfying(PickleException.class, e -> assertThat(e.forbiddenGlobal()).isEqualTo(s[2]))
          .hasMessageContaining("(GLOBAL 0x63): global '" + s[2] + "' is not allowed");
    }
  }
}
