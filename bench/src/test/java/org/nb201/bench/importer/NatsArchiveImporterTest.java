package org.nb201.bench.importer;

import org.nb201.bench.SpecValues;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.SharedData;
import org.nb201.bench.nats.NatsArchReader;

/**
 * The single-file NATS archive, streamed: the fixture is archs 0 and 11 of the sample in the official layout (built by
 * {@link NatsArchiveFixture}).
 */
class NatsArchiveImporterTest {
  @TempDir
  Path dir;

  @Test
  void importsTheArchiveWithTheOfficialValues() throws Exception {
    Path store = dir.resolve("nats.db");
    ImportSummary s = NatsArchiveImporter.importArchive(NatsArchiveFixture.path(), store,
        ImportOptions.defaults().withProgress(false));
    assertThat(s.archs()).isEqualTo(2);
    assertThat(s.trials()).isEqualTo(2 * (5 + 12));
    assertThat(s.rows()).isGreaterThan(10_000);
    SpecValues.assertAll(store);
  }

  @Test
  void everyTrialMatchesTheDirectorySample() throws Exception {
    Path sample = SharedData.natsSample();
    Path store = dir.resolve("nats.db");
    NatsArchiveImporter.importArchive(NatsArchiveFixture.path(), store, ImportOptions.defaults().withProgress(false));
    SpecValues.assertMatchesRecords(store, List.of(NatsArchReader.readArch(sample.resolve("000000.pickle.pbz2")),
        NatsArchReader.readArch(sample.resolve("000011.pickle.pbz2"))));
  }
}
