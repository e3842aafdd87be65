package org.nb201.bench.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.SharedData;
import org.nb201.pickle.PickleException;

/** Unusable files give one-line errors that name the file. */
class NatsFileErrorsTest {
  @TempDir
  Path tmp;

  private static byte[] real(String name) throws IOException {
    return Files.readAllBytes(SharedData.natsSample().resolve(name));
  }

  private static byte[] pickleOf(String name) throws IOException {
    try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(SharedData.natsSample().resolve(name)),
        true)) {
      return in.readAllBytes();
    }
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(tmp.resolve(name), bytes);
  }

  private Path compress(String name, byte[] pickle) throws IOException {
    Path file = tmp.resolve(name);
    try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(file))) {
      out.write(pickle);
    }
    return file;
  }

  private static void assertOneLineNaming(Throwable e, Path file) {
    assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
  }

  @Test
  void missingFileIsNamed() {
    Path missing = tmp.resolve("000042.pickle.pbz2");

    assertThatThrownBy(() -> NatsArchReader.readArch(missing)).isInstanceOf(NoSuchFileException.class)
        .hasMessage(missing + ": NATS file not found");
  }

  @Test
  void truncatedBz2IsACleanErrorNamingTheFile() throws IOException {
    byte[] full = real("000000.pickle.pbz2");
    for (int cut : new int[] {0, 3, 10, 1000, full.length / 2, full.length - 1}) {
      Path file = write("000000.pickle.pbz2", Arrays.copyOf(full, cut));

      assertThatThrownBy(() -> NatsArchReader.readArch(file)).isInstanceOf(NatsFormatException.class)
          .hasMessageContaining("bz2").satisfies(e -> assertOneLineNaming(e, file));
    }
  }

  @Test
  void corruptBz2IsACleanErrorNamingTheFile() throws IOException {
    byte[] bytes = real("000000.pickle.pbz2");
    for (int pos = 40; pos < bytes.length; pos += bytes.length / 7) {
      byte[] corrupt = bytes.clone();
      corrupt[pos] ^= 0x5a;
      Path file = write("000000.pickle.pbz2", corrupt);

      assertThatThrownBy(() -> NatsArchReader.readArch(file)).isInstanceOf(NatsFormatException.class)
          .satisfies(e -> assertOneLineNaming(e, file));
    }
    Path text = write("meta.pickle.pbz2", "not bz2 at all".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> NatsArchReader.readMeta(text)).isInstanceOf(NatsFormatException.class)
        .hasMessageStartingWith(text + ": corrupt or truncated bz2 stream");
  }

  @Test
  void pickleErrorsAreWrappedWithTheFileName() throws IOException {
    byte[] pickle = pickleOf("000000.pickle.pbz2");
    Path file = compress("000000.pickle.pbz2", Arrays.copyOf(pickle, pickle.length / 3));

    assertThatThrownBy(() -> NatsArchReader.readArch(file)).isInstanceOf(NatsFormatException.class)
        .hasCauseInstanceOf(PickleException.class)
        .hasMessageStartingWith(file + ": pickle rejected at offset ");
  }

  @Test
  void metaIsPlainDataSoGlobalsAreRejectedThere() throws IOException {
    Path file = compress("meta.pickle.pbz2", pickleOf("000000.pickle.pbz2"));

    assertThatThrownBy(() -> NatsArchReader.readMeta(file)).isInstanceOf(NatsFormatException.class)
        .hasMessageContaining("global 'collections.OrderedDict' is not allowed (allowed: none)");
  }

  @Test
  void fileNameIndexMustMatchTheStoredIndex() throws IOException {
    Path file = write("000001.pickle.pbz2", real("000000.pickle.pbz2"));

    assertThatThrownBy(() -> NatsArchReader.readArch(file)).isInstanceOf(NatsFormatException.class)
        .hasMessage(file + ": hp '12': arch_index 0 but the file name says 1");
    assertThat(NatsArchReader.readArch(write("renamed.pbz2", real("000000.pickle.pbz2"))).index()).isZero();
  }

  @Test
  void storedArchStringMustBeTheOfficialOneForItsIndex() throws IOException {
    // Swap one op of arch 0's string (same length), wherever it occurs in the pickle.
    String pickle = new String(pickleOf("000000.pickle.pbz2"), StandardCharsets.ISO_8859_1);
    String tampered = pickle.replace("|avg_pool_3x3~0|+|nor_conv_1x1~0|", "|nor_conv_3x3~0|+|nor_conv_1x1~0|");
    assertThat(tampered).isNotEqualTo(pickle);
    Path file = compress("000000.pickle.pbz2", tampered.getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> NatsArchReader.readArch(file)).isInstanceOf(NatsFormatException.class)
        .hasMessageContaining("arch_str '|nor_conv_3x3~0|+|nor_conv_1x1~0|")
        .hasMessageContaining("is not official architecture 0")
        .satisfies(e -> assertOneLineNaming(e, file));
  }
}
