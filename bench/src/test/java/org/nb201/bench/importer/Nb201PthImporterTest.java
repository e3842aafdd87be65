package org.nb201.bench.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nb201.bench.SpecValues;
import org.nb201.bench.query.MoreInfo;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.query.SeedChoice;

/**
 * NAS-Bench-201 {@code .pth} files in both torch containers (fixtures made by
 * {@code src/test/python/make_pth_fixtures.py} from the genuine NATS sample numbers).
 */
class Nb201PthImporterTest {
  static final Path PTH = Path.of("src/test/resources/pth");

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"nb201-v1_1-zip.pth", "nb201-v1_1-legacy.pth"})
  void importsV11WithLessAsHp12AndFullAsHp200(String name) throws Exception {
    Path store = dir.resolve("nb201.db");
    ImportSummary s = Nb201PthImporter.importPth(PTH.resolve(name), store,
        ImportOptions.defaults().withProgress(false));
    assertThat(s.archs()).isEqualTo(2);
    assertThat(s.trials()).isEqualTo(3 + 3 + 3 + 1);
    try (Nb201Api api = Nb201Api.open(store)) {
      assertThat(api.hps()).containsExactly(12, 200);
      SpecValues.assertCifar100(api);
      SpecValues.assertArch11(api);
      SpecValues.assertHp12(api);
      MoreInfo c100 = SpecValues.mean(api, 0, "cifar100", 200);
      assertThat(c100.get("train-per-time")).isEqualTo(14.442185997962952);
      assertThat(c100.get("valtest-per-time")).isCloseTo(1.0196, within(1e-4));
      assertThat(api.getLatency(0, "cifar100", 200)).isCloseTo(0.013183, within(1e-6));
    }
  }

  @Test
  void zipAndLegacyGiveTheSameStoreContent() throws Exception {
    Path a = dir.resolve("zip.db");
    Path b = dir.resolve("legacy.db");
    Nb201PthImporter.importPth(PTH.resolve("nb201-v1_1-zip.pth"), a, ImportOptions.defaults().withProgress(false));
    Nb201PthImporter.importPth(PTH.resolve("nb201-v1_1-legacy.pth"), b, ImportOptions.defaults().withProgress(false));
    try (Nb201Api x = Nb201Api.open(a); Nb201Api y = Nb201Api.open(b)) {
      for (int epoch : new int[] {0, 57, 199}) {
        assertThat(x.getMoreInfo(11, "cifar10", epoch, 200, SeedChoice.fixed(888)).values())
            .isEqualTo(y.getMoreInfo(11, "cifar10", epoch, 200, SeedChoice.fixed(888)).values());
      }
    }
  }

  @Test
  void v10FullRecordsHaveNoTimes() throws Exception {
    Path store = dir.resolve("v10.db");
    ImportSummary s = Nb201PthImporter.importPth(PTH.resolve("nb201-v1_0-legacy.pth"), store,
        ImportOptions.defaults().withProgress(false));
    assertThat(s.archs()).isEqualTo(1);
    try (Nb201Api api = Nb201Api.open(store)) {
      MoreInfo full = SpecValues.mean(api, 0, "cifar100", 200);
      assertThat(full.get("test-accuracy")).isCloseTo(52.9133, within(5e-5));
      assertThat(full.get("train-all-time")).isNaN();
      assertThat(full.get("test-per-time")).isNaN();
      assertThat(SpecValues.seed(api, 0, "cifar10-valid", 12, 777).get("train-per-time")).isCloseTo(7.2211, 
          within(5e-5));
    }
  }
}
