package org.nb201.bench.importer;

import org.nb201.bench.SpecValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.SharedData;
import org.nb201.bench.nats.NatsArchReader;

/**
 * The NATS "simple" directory: the official values of {@link SpecValues}, resuming from checkpoints, index checks,
 * overwriting.
 */
class NatsDirectoryImporterTest {
  @TempDir
  Path dir;

  static ImportOptions quiet() {
    return ImportOptions.defaults().withProgress(false).withThreads(2);
  }

  /** A copy of the sample directory that a test may modify. */
  static Path copySample(Path into) throws Exception {
    Path sample = SharedData.natsSample();
    Path copy = Files.createDirectories(into.resolve("nats-simple"));
    for (String f : List.of("meta.pickle.pbz2", "000000.pickle.pbz2", "000011.pickle.pbz2")) {
      Files.copy(sample.resolve(f), copy.resolve(f));
    }
    return copy;
  }

  @Test
  void importsThePartialSampleWithTheOfficialValuesOnEveryDatasetHpAndSeed() throws Exception {
    Path sample = SharedData.natsSample();
    Path store = dir.resolve("nats.db");
    ImportSummary s = NatsDirectoryImporter.importDir(sample, store, quiet());
    assertThat(s.archs()).isEqualTo(2);
    assertThat(s.trials()).isEqualTo(34);
    assertThat(s.resumed()).isZero();
    assertThat(s.storeBytes()).isEqualTo(Files.size(store));
    SpecValues.assertAll(store);
    SpecValues.assertMatchesRecords(store, List.of(NatsArchReader.readArch(sample.resolve("000000.pickle.pbz2")),
        NatsArchReader.readArch(sample.resolve("000011.pickle.pbz2"))));
    assertThat(NatsDirectoryImporter.workDir(store)).doesNotExist();
  }

  @Test
  void resumesAfterAFailureFromTheCheckpointsOfTheSameSource() throws Exception {
    Path src = copySample(dir);
    Path good = src.resolve("000011.pickle.pbz2");
    byte[] original = Files.readAllBytes(good);
    byte[] broken = original.clone();
    for (int i = 2000; i < 2100; i++) {
      broken[i] ^= 0x5a;
    }
    Files.write(good, broken);
    Path store = dir.resolve("nats.db");
    assertThatThrownBy(() -> NatsDirectoryImporter.importDir(src, store, quiet().withThreads(1)))
        .hasMessageStartingWith(good.toString()).hasMessageContaining("bz2");
    assertThat(store).doesNotExist();
    Path work = NatsDirectoryImporter.workDir(store);
    assertThat(work.resolve("000000.chunk")).isRegularFile();
    Files.write(good, original);
    ImportSummary s = NatsDirectoryImporter.importDir(src, store, quiet());
    assertThat(s.resumed()).isEqualTo(1);
    assertThat(s.archs()).isEqualTo(2);
    SpecValues.assertAll(store);
    assertThat(work).doesNotExist();
  }

  @Test
  void damagedOrForeignCheckpointsAreDecodedAgain() throws Exception {
    Path src = copySample(dir);
    Path store = dir.resolve("nats.db");
    Path work = Files.createDirectories(NatsDirectoryImporter.workDir(store));
    Files.write(work.resolve("000000.chunk"), new byte[] {1, 2, 3});
    Files.writeString(work.resolve("SOURCE"), "another source\n");
    ImportSummary s = NatsDirectoryImporter.importDir(src, store, quiet());
    assertThat(s.resumed()).isZero();
    SpecValues.assertAll(store);
  }

  @Test
  void rejectsAFileWhoseIndexDisagreesWithItsName() throws Exception {
    Path src = copySample(dir);
    Files.move(src.resolve("000011.pickle.pbz2"), src.resolve("000012.pickle.pbz2"));
    Path store = dir.resolve("nats.db");
    assertThatThrownBy(() -> NatsDirectoryImporter.importDir(src, store, quiet()))
        .hasMessageStartingWith(src.resolve("000012.pickle.pbz2").toString())
        .hasMessageContaining("arch_index 11 but the file name says 12");
    assertThat(store).doesNotExist();
  }

  @Test
  void refusesAnExistingStoreUnlessOverwriting() throws Exception {
    Path store = dir.resolve("nats.db");
    Files.writeString(store, "keep me");
    Path sample = SharedData.natsSample();
    assertThatThrownBy(() -> NatsDirectoryImporter.importDir(sample, store, quiet()))
        .isInstanceOf(ImportException.class).hasMessageContaining("already exists");
    assertThat(Files.readString(store)).isEqualTo("keep me");
    NatsDirectoryImporter.importDir(sample, store, quiet().withOverwrite(true));
    SpecValues.assertAll(store);
  }

  @Test
  void rejectsADirectoryWithoutMeta() throws Exception {
    assertThatThrownBy(() -> NatsDirectoryImporter.importDir(dir, dir.resolve("x.db"), quiet()))
        .hasMessage(dir + ": not a NATS-Bench directory (no meta.pickle.pbz2)");
  }
}
