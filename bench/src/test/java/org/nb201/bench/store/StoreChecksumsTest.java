package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;

/** A store's SHA-256: the file's own, remembered from the writer on, recomputed when the file changed. */
class StoreChecksumsTest {
  @TempDir Path dir;

  private Path store() {
    Path target = dir.resolve("c.duckdb");
    try (StoreWriter w = StoreWriter.create(target)) {
      w.addProvenance(Provenance.of("unit test", Map.of()));
      w.addTrial(StoreWriterTest.trial(5, "cifar100", 12, 111, 40));
      return w.commit();
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void isTheFilesSha256RememberedByTheWriter() throws Exception {
    Path f = store();
    Path memo = StoreChecksums.memo(f);
    assertThat(memo).exists().startsWith(Path.of(System.getProperty(StoreChecksums.DIR_PROPERTY)));
    assertThat(Files.readAllLines(memo, StandardCharsets.UTF_8).get(2)).isEqualTo(sha256(f));
    try (Store s = Store.open(f)) {
      assertThat(s.fileInput()).isEqualTo(new Input(Input.STORE, f.toString(), Input.SHA256, sha256(f),
          Files.size(f)));
      assertThat(s.checksum()).isEqualTo(sha256(f));
    }
  }

  @Test
  void aRememberedValueCountsOnlyWhileTheFileIsUnchanged() throws Exception {
    Path f = store();
    Path memo = StoreChecksums.memo(f);
    List<String> lines = Files.readAllLines(memo, StandardCharsets.UTF_8);
    String planted = "0".repeat(64);
    Files.writeString(memo, lines.get(0) + "\n" + lines.get(1) + "\n" + planted + "\n", StandardCharsets.UTF_8);
    try (Store s = Store.open(f)) {
      assertThat(s.checksum()).as("read from the memo, not hashed").isEqualTo(planted);
    }
    Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5_000));
    try (Store s = Store.open(f)) {
      assertThat(s.checksum()).as("the file changed: hashed again").isEqualTo(sha256(f));
    }
    assertThat(Files.readAllLines(memo, StandardCharsets.UTF_8).get(2)).isEqualTo(sha256(f));
    Files.delete(memo);
    try (Store s = Store.open(f)) {
      assertThat(s.checksum()).as("nothing remembered: hashed").isEqualTo(sha256(f));
    }
  }
}
