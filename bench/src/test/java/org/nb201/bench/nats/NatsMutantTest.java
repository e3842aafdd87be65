package org.nb201.bench.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.nb201.bench.SharedData;
import org.nb201.pickle.PickleException;
import org.nb201.pickle.PickleReader;

/**
 * Corrupted arch pickles that still unpickle must either convert or fail with a
 * NatsFormatException: never a ClassCastException or an IllegalArgumentException from the model.
 */
class NatsMutantTest {
  @Test
  void mutantsThatStillUnpickleConvertOrFailCleanly() throws IOException {
    Path file = SharedData.natsSample().resolve("000000.pickle.pbz2");
    byte[] pickle;
    try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(file), true)) {
      pickle = in.readAllBytes();
    }
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Random rnd = new Random(99L);
      int converted = 0;
      int rejected = 0;
      for (int i = 0; i < 400; i++) {
        int pos = rnd.nextInt(pickle.length);
        byte saved = pickle[pos];
        pickle[pos] = (byte) rnd.nextInt(256);
        try {
          Object value = PickleReader.read(pickle, NatsArchReader.PICKLE_PROFILE);
          NatsArchReader.fromArchResults(file, value, 0);
          converted++;
        } catch (PickleException | NatsFormatException e) {
          assertThat(e.getMessage()).doesNotContain("\n");
          rejected++;
        } finally {
          pickle[pos] = saved;
        }
      }
      assertThat(converted).isPositive();
      assertThat(rejected).isPositive();
    });
  }
}
