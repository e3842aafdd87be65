package org.nb201.generate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.generate.CorruptResultException;
import org.nb201.generate.ResultFile;
import org.nb201.space.provenance.Provenance;

class ChunkFileTest {
  private static final ProxyJob JOB = new ProxyJob(List.of("synflow", "naswot"), "cifar10", 16, 5, 0, 0, "noise",
      false, true);

  @TempDir
  Path dir;

  @Test
  void roundTripsScoresAndKeepsNonFiniteOnesAsNullWithTheirNote() throws Exception {
    ProxyChunk c = new ProxyChunk(JOB, List.of(0, 1651));
    List<ChunkFile.Score> scores = List.of(new ChunkFile.Score(0, "synflow", 1, 1.5e49, 0.03, null),
        new ChunkFile.Score(0, "naswot", 128, 812.5, 1.2, null),
        new ChunkFile.Score(1651, "synflow", 1, 0.0, 0.03, null),
        new ChunkFile.Score(1651, "naswot", 128, Double.NEGATIVE_INFINITY, 1.1, "-inf: singular"));
    ChunkFile.write(dir, c, scores, Provenance.of("nb201 proxies", Map.of("threads", 1)));
    Path f = ResultFile.path(dir, c.id());
    assertThat(Files.readString(f)).contains("[1651,\"naswot\",128,null,1.1,\"-inf: singular\"]");
    ChunkFile.Content back = ChunkFile.read(f, c);
    assertThat(back.scores().get(0).value()).isEqualTo(1.5e49);
    assertThat(back.scores().get(3).value()).isNaN();
    assertThat(back.scores().get(3).note()).isEqualTo("-inf: singular");
    assertThat(back.provenance().config()).containsEntry("threads", 1.0);
    // another chunk's file, an altered file and a file missing a score are all refused
    assertThatThrownBy(() -> ChunkFile.read(f, new ProxyChunk(JOB, List.of(0)))).isInstanceOf(
        CorruptResultException.class).hasMessageContaining("holds chunk " + c.id());
    Files.writeString(f, Files.readString(f).replace("812.5", "813.5"));
    assertThatThrownBy(() -> ChunkFile.read(f, c)).hasMessageContaining("checksum mismatch");
    ChunkFile.write(dir, c, scores.subList(0, 3), Provenance.of("nb201 proxies", Map.of()));
    assertThatThrownBy(() -> ChunkFile.read(f, c)).hasMessageContaining("no naswot score for index 1651");
  }

  @Test
  void plansCutBlocksOfIndicesAndDetectAlteration() throws Exception {
    ProxyPlan p = ProxyPlan.of(JOB, List.of(3, 0, 30, 26, 3), 25);
    assertThat(p.chunks()).extracting(ProxyChunk::indices).containsExactly(List.of(0, 3), List.of(26, 30));
    Path f = ProxyPlan.file(dir, JOB);
    p.write(f);
    assertThat(ProxyPlan.read(f)).isEqualTo(p);
    Files.writeString(f, Files.readString(f).replace("[26,30]", "[26,31]"));
    assertThatThrownBy(() -> ProxyPlan.read(f)).hasMessageContaining("is corrupt");
    assertThat(new ProxyChunk(JOB, List.of(0, 3)).id()).matches("[0-9a-f]{16}")
        .isNotEqualTo(new ProxyChunk(JOB, List.of(0, 4)).id());
    assertThatThrownBy(() -> new ProxyJob(List.of("snip"), "cifar10", 16, 5, 0, 0, "noise", false, true))
        .hasMessageStartingWith("proxy snip needs labelled training images");
  }
}
