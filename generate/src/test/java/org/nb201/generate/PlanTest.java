package org.nb201.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.Isomorphism;
import org.nb201.space.SearchSpace;

class PlanTest {
  @TempDir Path tmp;

  private static PlanConfig sample() {
    return PlanConfig.builder().optArchs("all").optSample(30, 4).optInclude(List.of(11472, 1462))
        .optDatasets(List.of("cifar10-valid", "cifar100")).optHps(List.of(12, 200)).optSeeds(List.of(777, 888))
        .build();
  }

  @Test
  void sameConfigGivesTheSamePlanIdsAndChecksum() {
    Plan a = Plan.of(sample());
    Plan b = Plan.of(sample());
    assertThat(a).isEqualTo(b);
    assertThat(a.trials()).hasSize(30 * 2 * 2 * 2);
    assertThat(a.trials()).extracting(TrialSpec::index).contains(11472, 1462);
    Plan other = Plan.of(PlanConfig.builder().optArchs("all").optSample(30, 5).build());
    assertThat(other.checksum()).isNotEqualTo(a.checksum());
  }

  @Test
  void trialIdsAreStableContentHashes() {
    TrialSpec t = new TrialSpec(11472, "cifar10-valid", 12, 777, 16, 5, 0, 0);
    assertThat(t.id()).hasSize(16).isEqualTo(new TrialSpec(11472, "cifar10-valid", 12, 777, 16, 5, 0, 0).id());
    assertThat(t.id()).isNotEqualTo(new TrialSpec(11472, "cifar10-valid", 12, 888, 16, 5, 0, 0).id());
    Set<String> ids = new HashSet<>();
    Plan.of(sample()).trials().forEach(x -> ids.add(x.id()));
    assertThat(ids).hasSize(240);
  }

  @Test
  void writesAndReadsBack() throws Exception {
    Plan p = Plan.of(sample());
    Path f = tmp.resolve("plan.jsonl");
    p.write(f);
    assertThat(Plan.read(f)).isEqualTo(p);
    assertThat(Files.readAllLines(f).get(0)).contains("\"format\":\"nb201-plan\"", "\"checksum\":\"" + p.checksum());
  }

  @Test
  void refusesRepeatedValuesThatWouldRepeatTrialIds() {
    assertThatThrownBy(() -> PlanConfig.builder().optHps(List.of(1, 1)).build())
        .hasMessage("--hp lists 1 more than once; give each value once");
    assertThatThrownBy(() -> PlanConfig.builder().optSeeds(List.of(777, 888, 777)).build())
        .hasMessage("--seeds lists 777 more than once; give each value once");
    assertThatThrownBy(() -> PlanConfig.builder().optDatasets(List.of("cifar100", "cifar100")).build())
        .hasMessage("--datasets lists cifar100 more than once; give each value once");
  }

  @Test
  void rejectsDamagedPlans() throws Exception {
    Path f = tmp.resolve("plan.jsonl");
    Plan.of(sample()).write(f);
    List<String> lines = Files.readAllLines(f);
    Path truncated = tmp.resolve("t.jsonl");
    Files.write(truncated, lines.subList(0, 10));
    assertThatThrownBy(() -> Plan.read(truncated)).hasMessageContaining("truncated or corrupt");
    Path edited = tmp.resolve("e.jsonl");
    lines.set(3, lines.get(3).replace("\"seed\":777", "\"seed\":778"));
    Files.write(edited, lines);
    assertThatThrownBy(() -> Plan.read(edited)).hasMessageContaining("checksum");
    assertThatThrownBy(() -> Plan.read(tmp.resolve("nope.jsonl"))).hasMessageContaining("does not exist");
  }

  @Test
  void selectsUniqueCellsAndLists() {
    Plan unique = Plan.of(PlanConfig.builder().optArchs("unique").build());
    assertThat(unique.trials()).hasSize(6466);
    assertThat(unique.trials()).allSatisfy(t ->
        assertThat(SearchSpace.official().uniqueClass(t.index(), Isomorphism.OFFICIAL)).isEqualTo(t.index()));
    assertThat(Plan.of(PlanConfig.builder().optArchs("0,11,100-102").build()).trials())
        .extracting(TrialSpec::index).containsExactly(0, 11, 100, 101, 102);
    assertThatThrownBy(() -> Plan.of(PlanConfig.builder().optArchs("0,x").build()))
        .hasMessageContaining("bad --archs item 'x'");
    assertThatThrownBy(() -> Plan.of(PlanConfig.builder().optArchs("15625").build()))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> PlanConfig.builder().optDatasets(List.of("cifar")).build())
        .hasMessageContaining("unknown dataset 'cifar'");
  }

  @Test
  void everyTrialIsInExactlyOneShard() {
    Plan p = Plan.of(sample());
    for (int n : new int[] {1, 3, 7, 240, 500}) {
      Set<String> seen = new HashSet<>();
      int max = 0;
      int min = Integer.MAX_VALUE;
      for (int k = 0; k < n; k++) {
        List<TrialSpec> s = new Shard(k, n).select(p);
        max = Math.max(max, s.size());
        min = Math.min(min, s.size());
        for (TrialSpec t : s) {
          assertThat(seen.add(t.id())).as("trial in two shards").isTrue();
        }
      }
      assertThat(seen).hasSize(p.trials().size());
      assertThat(max - min).isLessThanOrEqualTo(1);
    }
    assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
    assertThatThrownBy(() -> Shard.parse("4/4")).hasMessageContaining("bad shard 4/4");
    assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("expected k/N");
  }
}
