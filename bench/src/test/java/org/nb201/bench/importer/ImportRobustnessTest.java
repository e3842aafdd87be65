package org.nb201.bench.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged and hostile inputs of every kind (NATS directory, NATS archive, NB201 .pth zip and legacy):
 * each fails with a one-line error naming the file, within a few seconds, leaves no store and no
 * staging file at the target, and leaves an existing store untouched even when replacing was allowed.
 */
class ImportRobustnessTest {
  static final Path PTH = Nb201PthImporterTest.PTH;
  static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  /** One importer on one source. */
  interface Import {
    ImportSummary run(Path source, Path target, ImportOptions options) throws IOException;

    /** A call that may throw an IOException. */
    interface Call {
      void run() throws IOException;
    }
  }

  static final Import NATS_DIR = NatsDirectoryImporter::importDir;
  static final Import NATS_ARCHIVE = NatsArchiveImporter::importArchive;
  static final Import PTH_IMPORT = Nb201PthImporter::importPth;

  /** Runs the import, expecting a clean failure that names {@code named}; checks the target afterwards. */
  void assertRejected(Import imp, Path source, Path named, String expected) {
    Path target = dir.resolve("out.db");
    Throwable t = assertTimeoutPreemptively(LIMIT, () -> {
      try {
        imp.run(source, target, ImportOptions.defaults().withProgress(false).withThreads(2));
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    assertThat(t).as("import of %s must fail", source).isInstanceOf(IOException.class);
    assertThat(t.getMessage()).doesNotContain("\n").startsWith(named.toString()).contains(expected);
    assertNoStore(target);
  }

  void assertNoStore(Path target) {
    assertThat(target).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("." + target.getFileName()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] truncated(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    return Arrays.copyOf(b, b.length / 2);
  }

  @ParameterizedTest
  @EnumSource(HostileFiles.Kind.class)
  void hostileArchFileInADirectory(HostileFiles.Kind kind) throws Exception {
    Path src = NatsDirectoryImporterTest.copySample(dir);
    Path bad = src.resolve("000011.pickle.pbz2");
    HostileFiles.writeBz2(bad, HostileFiles.pickle(kind));
    assertRejected(NATS_DIR, src, bad, expectation(kind));
  }

  @ParameterizedTest
  @EnumSource(HostileFiles.Kind.class)
  void hostileArchive(HostileFiles.Kind kind) throws Exception {
    Path bad = dir.resolve("archive.pickle.pbz2");
    HostileFiles.writeBz2(bad, HostileFiles.pickle(kind));
    assertRejected(NATS_ARCHIVE, bad, bad, expectation(kind));
  }

  @ParameterizedTest
  @EnumSource(HostileFiles.Kind.class)
  void hostilePthInBothContainers(HostileFiles.Kind kind) throws Exception {
    Path zip = dir.resolve("zip.pth");
    HostileFiles.writeTorchZip(zip, HostileFiles.pickle(kind));
    assertRejected(PTH_IMPORT, zip, zip, expectation(kind));
    Path legacy = dir.resolve("legacy.pth");
    HostileFiles.writeTorchLegacy(legacy, PTH.resolve("nb201-v1_1-legacy.pth"), HostileFiles.pickle(kind));
    assertRejected(PTH_IMPORT, legacy, legacy, expectation(kind));
  }

  static String expectation(HostileFiles.Kind kind) {
    return switch (kind) {
      case OS_SYSTEM -> "global 'os.system' is not allowed";
      case BUILTINS_EVAL -> "global 'builtins.eval' is not allowed";
      case HUGE_LENGTH -> "length";
      case DEEP_NESTING -> "nesting deeper than";
    };
  }

  @Test
  void truncatedFilesOfEveryKind() throws Exception {
    Path src = NatsDirectoryImporterTest.copySample(dir);
    Path arch = src.resolve("000011.pickle.pbz2");
    Files.write(arch, truncated(arch));
    assertRejected(NATS_DIR, src, arch, "truncated");
    Path meta = src.resolve("meta.pickle.pbz2");
    Files.write(meta, truncated(meta));
    assertRejected(NATS_DIR, src, meta, "truncated");
    Path archive = dir.resolve("archive.pickle.pbz2");
    Files.write(archive, truncated(NatsArchiveFixture.path()));
    assertRejected(NATS_ARCHIVE, archive, archive, "truncated");
    for (String name : List.of("nb201-v1_1-zip.pth", "nb201-v1_1-legacy.pth")) {
      Path pth = dir.resolve(name);
      Files.write(pth, truncated(PTH.resolve(name)));
      assertRejected(PTH_IMPORT, pth, pth, "truncated");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void flippedBytesInCheckedContainersAreAlwaysCaught(int seed) throws Exception {
    Random rnd = new Random(seed);
    Path archive = dir.resolve("archive.pickle.pbz2");
    Files.write(archive, flip(Files.readAllBytes(NatsArchiveFixture.path()), rnd, 100));
    assertRejected(NATS_ARCHIVE, archive, archive, "");
    Path zip = dir.resolve("zip.pth");
    Files.write(zip, flip(Files.readAllBytes(PTH.resolve("nb201-v1_1-zip.pth")), rnd, 200));
    assertRejected(PTH_IMPORT, zip, zip, "");
    Path src = NatsDirectoryImporterTest.copySample(dir.resolve("d" + seed));
    Path arch = src.resolve("000000.pickle.pbz2");
    Files.write(arch, flip(Files.readAllBytes(arch), rnd, 100));
    assertRejected(NATS_DIR, src, arch, "");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void flippedBytesInTheUncheckedLegacyContainerFailCleanlyOrImport(int seed) throws Exception {
    Path legacy = dir.resolve("legacy.pth");
    byte[] b = Files.readAllBytes(PTH.resolve("nb201-v1_1-legacy.pth"));
    Files.write(legacy, flip(b, new Random(seed), 150));
    Path target = dir.resolve("out.db");
    assertTimeoutPreemptively(LIMIT, () -> {
      try {
        PTH_IMPORT.run(legacy, target, ImportOptions.defaults().withProgress(false));
        Files.delete(target);
      } catch (IOException e) {
        assertThat(e.getMessage()).doesNotContain("\n").startsWith(legacy.toString());
      }
    });
    assertNoStore(target);
  }

  @Test
  void aFailedReplacementLeavesTheExistingStoreUntouched() throws Exception {
    Path target = dir.resolve("out.db");
    Files.writeString(target, "old store");
    Path bad = dir.resolve("bad.pth");
    HostileFiles.writeTorchZip(bad, HostileFiles.pickle(HostileFiles.Kind.OS_SYSTEM));
    ImportOptions force = ImportOptions.defaults().withProgress(false).withOverwrite(true);
    assertThat(catchIo(() -> PTH_IMPORT.run(bad, target, force))).hasMessageContaining("os.system");
    assertThat(catchIo(() -> NATS_ARCHIVE.run(bad, target, force))).hasMessageStartingWith(bad.toString());
    assertThat(catchIo(() -> PTH_IMPORT.run(PTH.resolve("nb201-v1_1-zip.pth"), target,
        force.withOverwrite(false)))).hasMessageContaining("already exists");
    assertThat(Files.readString(target)).isEqualTo("old store");
  }

  static Throwable catchIo(Import.Call call) {
    try {
      call.run();
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("expected an IOException");
  }

  static byte[] flip(byte[] b, Random rnd, int from) {
    byte[] out = b.clone();
    for (int k = 0; k < 3; k++) {
      int at = from + rnd.nextInt(out.length - from - 16);
      out[at] ^= (byte) (1 + rnd.nextInt(255));
    }
    return out;
  }
}
