package org.nb201.bench.nats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nb201.bench.SharedData;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/**
 * The derived index order (docs/search-space.md#the-official-index) against the official {@code meta_archs}
 * (issue 2).
 */
class NatsMetaTest {
  @Test
  void derivedIndexOrderEqualsMetaArchsForAll15625Architectures() throws IOException {
    Path meta = SharedData.natsSample().resolve(NatsArchive.META_FILE);

    List<String> archs = NatsArchReader.readMeta(meta);

    assertThat(archs).hasSize(Arch.COUNT);
    for (int i = 0; i < Arch.COUNT; i++) {
      if (!archs.get(i).equals(SearchSpace.official().arch(i).toString())) {
        assertThat(archs.get(i)).as("meta_archs[%d]", i).isEqualTo(SearchSpace.official().arch(i).toString());
      }
    }
    assertThat(archs.get(0)).isEqualTo(
        "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|");
  }

  @Test
  void archiveVerifiesItsMetaAgainstTheOfficialOrder() throws IOException {
    NatsArchive archive = new NatsArchive(SharedData.natsSample());

    archive.verifyMeta();

    assertThat(archive.archFile(11).getFileName()).hasToString("000011.pickle.pbz2");
  }
}
