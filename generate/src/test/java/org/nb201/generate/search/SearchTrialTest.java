package org.nb201.generate.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.generate.Shard;
import org.nb201.train.search.SearchMethods;

/** Search trials are content-addressed: same settings, same id; any changed setting, a new id. */
class SearchTrialTest {
  @TempDir Path tmp;

  private static final Map<String, String> TINY = Map.of("epochs", "2", "C", "4", "N", "1", "train_limit", "200",
      "batch_size", "32");

  @Test
  void sameSettingsGiveTheSameIdHoweverTheyAreWritten() {
    SearchTrial a = SearchTrial.of("darts-v1", "fashion-mnist", 0, TINY);
    Map<String, String> reordered = new LinkedHashMap<>();
    reordered.put("batch_size", "32");
    reordered.put("train_limit", "200");
    reordered.put("N", "1");
    reordered.put("C", "4");
    reordered.put("epochs", "2");
    reordered.put("lr", "2.5e-2"); // the official default, written differently
    reordered.put("bn_track", "false");
    SearchTrial b = SearchTrial.of("darts-v1", "fashion-mnist", 0, reordered);
    assertThat(b).isEqualTo(a);
    assertThat(b.id()).isEqualTo(a.id()).matches("[0-9a-f]{16}");
    // every setting is resolved into the trial: the official defaults are part of its content
    assertThat(a.settings()).containsEntry("lr", "0.025").containsEntry("lr_min", "0.001")
        .containsEntry("arch_lr", "3.0E-4").containsEntry("weight_decay", "5.0E-4").containsEntry("epochs", "2")
        .doesNotContainKeys("data_dir", "threads", "device", "seed", "method", "dataset");
    assertThat(a.changedFromDefaults()).containsExactly("C=4", "N=1", "batch_size=32", "epochs=2", "train_limit=200");
    // the id hashes exactly the canonical content (an independent computation of it)
    assertThat(a.id()).isEqualTo(org.nb201.generate.Json.sha256("nb201-search-trial-v1|{\"method\":\"darts-v1\","
        + "\"dataset\":\"fashion-mnist\",\"seed\":0,\"settings\":" + a.settingsJson() + "}").substring(0, 16));
  }

  @Test
  void anyChangedSettingGivesANewId() {
    SearchTrial base = SearchTrial.of("gdas", "fashion-mnist", 0, TINY);
    List<SearchTrial> changed = List.of(
        SearchTrial.of("darts-v1", "fashion-mnist", 0, TINY),
        SearchTrial.of("gdas", "cifar10-valid", 0, TINY),
        SearchTrial.of("gdas", "fashion-mnist", 1, TINY),
        SearchTrial.of("gdas", "fashion-mnist", 0, with("epochs", "3")),
        SearchTrial.of("gdas", "fashion-mnist", 0, with("C", "8")),
        SearchTrial.of("gdas", "fashion-mnist", 0, with("train_limit", "0")),
        SearchTrial.of("gdas", "fashion-mnist", 0, with("batch_size", "64")),
        SearchTrial.of("gdas", "fashion-mnist", 0, with("bn_track", "1")),
        SearchTrial.of("gdas", "fashion-mnist", 0, with("lr", "0.05")),
        SearchTrial.of("gdas", "fashion-mnist", 0, with("tau_min", "0.2")));
    assertThat(changed).extracting(SearchTrial::id).doesNotContain(base.id()).doesNotHaveDuplicates();
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(TINY);
    m.put(key, value);
    return m;
  }

  @Test
  void badSettingsAreOneLineErrors() {
    assertThatThrownBy(() -> SearchTrial.of("dart", "fashion-mnist", 0, TINY))
        .hasMessage("unknown search method 'dart'; expected one of " + String.join(", ", SearchMethods.names()));
    assertThatThrownBy(() -> SearchTrial.of("gdas", "fashion-mnist", 0, with("epoch", "2")))
        .hasMessage("unknown search setting 'epoch'");
    assertThatThrownBy(() -> SearchTrial.of("gdas", "fashion-mnist", 0, with("epochs", "0")))
        .hasMessage("epochs must be >= 1, got 0");
    assertThatThrownBy(() -> SearchTrial.of("gdas", "fashion-mnist", 0, with("lr", "fast")))
        .hasMessage("lr: expected a number, got 'fast'");
    assertThatThrownBy(() -> new SearchTrial("gdas", "fashion-mnist", 0, with("threads", "4")))
        .hasMessageContaining("'threads' is not part of a search trial (it is a machine setting");
    assertThatThrownBy(() -> SearchTrial.of("gdas", "mnist", 0, TINY)).hasMessageStartingWith("unknown dataset");
  }

  @Test
  void planRoundTripsShardsAndRefusesAlteredLines() throws Exception {
    SearchPlan plan = SearchPlan.of(List.of("darts-v1", "gdas"), List.of("fashion-mnist"), List.of(0, 1, 2), TINY);
    assertThat(plan.trials()).hasSize(6);
    assertThat(plan.trials()).extracting(t -> t.method() + "/" + t.seed())
        .containsExactly("darts-v1/0", "darts-v1/1", "darts-v1/2", "gdas/0", "gdas/1", "gdas/2");
    Path file = tmp.resolve("plan.jsonl");
    plan.write(file);
    assertThat(SearchPlan.isSearchPlan(file)).isTrue();
    SearchPlan back = SearchPlan.read(file);
    assertThat(back.trials()).isEqualTo(plan.trials());
    assertThat(back.overrides()).isEqualTo(TINY);
    // the same plan made again is the same file, byte for byte
    Path again = tmp.resolve("again.jsonl");
    SearchPlan.of(List.of("darts-v1", "gdas"), List.of("fashion-mnist"), List.of(0, 1, 2), TINY).write(again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    // shards are complete and disjoint
    List<SearchTrial> s0 = plan.select(new Shard(0, 4));
    List<SearchTrial> s1 = plan.select(new Shard(1, 4));
    assertThat(s0).containsExactly(plan.trials().get(0), plan.trials().get(4));
    assertThat(s1).containsExactly(plan.trials().get(1), plan.trials().get(5));
    assertThatThrownBy(() -> SearchPlan.of(List.of("gdas", "gdas"), List.of("fashion-mnist"), List.of(0), TINY))
        .hasMessage("--search lists gdas more than once; give each value once");
    // an edited trial line no longer matches the header checksum
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, text.replace("\"epochs\":\"2\"", "\"epochs\":\"3\""), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SearchPlan.read(file)).hasMessage("plan " + file + " is corrupt: checksum of the search"
        + " lines does not match the header");
    // a training plan is not a search plan
    Files.writeString(file, "{\"format\":\"nb201-plan\",\"version\":1}\n");
    assertThat(SearchPlan.isSearchPlan(file)).isFalse();
  }
}
