package org.nb201.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read failures in words a user can act on, and long user text clipped. */
class MessagesTest {
  @Test
  void namesTheProblemOfARealFailedRead(@TempDir Path dir) throws IOException {
    Path binary = dir.resolve("store.duckdb");
    Files.write(binary, new byte[] {'D', 'U', (byte) 0xC3, (byte) 0x28, 0, 1});
    IOException malformed = readFailure(binary);
    assertThat(malformed).isInstanceOf(MalformedInputException.class).hasMessage("Input length = 1");
    assertThat(Messages.cannotRead("plan", binary, malformed, "a plan written by 'nb201 plan'"))
        .isEqualTo("cannot read plan " + binary + ": not UTF-8 text; expected a plan written by 'nb201 plan'");
    assertThat(Messages.reason(dir, readFailure(dir))).isEqualTo("a directory");
    assertThat(Messages.reason(dir.resolve("nope"), readFailure(dir.resolve("nope")))).isEqualTo("no such file");
    Path under = binary.resolve("x");
    assertThat(Messages.reason(under, readFailure(under))).isEqualTo("a folder on its path is not a directory");
  }

  @Test
  void saysPermissionDeniedWhereTheJdkGivesOnlyThePath() {
    // the JDK's exception for EACCES: its message is the bare path ("cannot read r.csv: r.csv")
    AccessDeniedException e = new AccessDeniedException("r.csv");
    assertThat(e.getMessage()).isEqualTo("r.csv");
    assertThat(Messages.reason(Path.of("r.csv"), e)).isEqualTo("permission denied");
    assertThat(Messages.reason(Path.of("x"), new NoSuchFileException("x"))).isEqualTo("no such file");
    assertThat(Messages.reason(Path.of("x"), new IOException("No space left on device")))
        .isEqualTo("no space left on device");
  }

  @Test
  void clipsLongTextToEightyCharactersWithItsLength() {
    assertThat(Messages.clip("short")).isEqualTo("short");
    assertThat(Messages.clip("a".repeat(80))).isEqualTo("a".repeat(80));
    assertThat(Messages.clip("b".repeat(1_000_000))).isEqualTo("b".repeat(80) + "... (1000000 characters)");
    String emoji = "c".repeat(79) + "\uD83D\uDE00" + "d";
    assertThat(Messages.clip(emoji)).isEqualTo("c".repeat(79) + "... (82 characters)");
  }

  private static IOException readFailure(Path file) {
    try {
      Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("reading " + file + " did not fail");
  }
}
