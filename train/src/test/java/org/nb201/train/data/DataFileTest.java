package org.nb201.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFileTest {
  @TempDir Path tmp;

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** Incompressible bytes: the gzip reader trusts the trailer's size for these. */
  private static byte[] data(int n) {
    byte[] b = new byte[n];
    new SplittableRandom(n).nextBytes(b);
    return b;
  }

  private DataFile file(String name, byte[] bytes) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return DataFile.read(p, null, false);
  }

  @Test
  void splitsHeaderAndBodyForPlainAndGzipFiles() throws Exception {
    byte[] d = data(100_000);
    byte[] zeros = new byte[100_000]; // compresses 1000:1, more than the trailer is trusted for
    System.arraycopy(d, 0, zeros, 0, 16);
    for (DataFile f : new DataFile[] {file("plain", d), file("one.gz", gzip(d))}) {
      byte[] header = new byte[16];
      byte[] body = f.content(header);
      assertThat(header).isEqualTo(Arrays.copyOf(d, 16));
      assertThat(body).isEqualTo(Arrays.copyOfRange(d, 16, d.length));
      assertThat(f.content()).isEqualTo(d);
    }
    byte[] header = new byte[16];
    assertThat(file("zeros.gz", gzip(zeros)).content(header)).isEqualTo(new byte[100_000 - 16]);
    assertThat(header).isEqualTo(Arrays.copyOf(d, 16));
  }

  @Test
  void readsConcatenatedGzipMembersPastTheLastTrailersSize() throws Exception {
    // the trailer of the last member gives only that member's size: the reader must keep going
    byte[] a = data(70_000);
    byte[] b = data(30_000);
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    byte[] ga = gzip(a);
    byte[] gb = gzip(b);
    byte[] members = Arrays.copyOf(ga, ga.length + gb.length);
    System.arraycopy(gb, 0, members, ga.length, gb.length);
    DataFile f = file("two.gz", members);
    assertThat(f.content()).isEqualTo(both);
    byte[] header = new byte[8];
    assertThat(f.content(header)).isEqualTo(Arrays.copyOfRange(both, 8, both.length));
  }

  @Test
  void shortHeaderAndTruncatedGzipAreNamedErrors() throws Exception {
    DataFile tiny = file("tiny", data(5));
    assertThatThrownBy(() -> tiny.content(new byte[16]))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("tiny: truncated: 5 bytes, shorter than the 16-byte header");
    byte[] gz = gzip(data(50_000));
    DataFile cut = file("cut.gz", Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> cut.content(new byte[16]))
        .isInstanceOf(DataException.class).hasMessageContaining("cut.gz: truncated or corrupt gzip data");
  }
}
