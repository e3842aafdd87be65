package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {
  @TempDir
  static Path dir;
  static String store;

  @BeforeAll
  static void importSample() throws Exception {
    store = ImportCommandTest.sampleStore(dir).toString();
  }

  @Test
  void meanOverSeedsWithTheOfficialKeys() {
    CliRun r = CliRun.of("query", store, "0", "--dataset", "cifar10", "--hp", "200", "--mean");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.lines()).containsExactly(
        "index 0  |avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|",
        "cifar10  hp 200  epoch 199  mean over seeds 777 888 999",
        "  train-loss         0.25",
        "  train-accuracy     90.86333333333334",
        "  train-per-time     14.442199999999968",
        "  train-all-time     2888.4399999999937",
        "  test-loss          0.5",
        "  test-accuracy      85.86333333333334",
        "  test-per-time      1.0195999999999976",
        "  test-all-time      203.9199999999995");
    // the same doubles as Python: (85.62 + 86.18 + 85.79) / 3 and sum([14.4422] * 200)
  }

  @Test
  void jsonIsTheOfficialDict() {
    CliRun r = CliRun.of("query", store, "11", "--dataset", "cifar10", "--hp", "200", "--seed", "888", "--json");
    assertThat(r.exitCode()).isZero();
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(o.keySet()).containsExactly("train-loss", "train-accuracy", "train-per-time", "train-all-time",
        "test-loss", "test-accuracy", "test-per-time", "test-all-time");
    assertThat(o.get("test-accuracy").getAsDouble()).isEqualTo(91.6);
  }

  @Test
  void defaultsAreHp12LastEpochRandomSeedOverTheArchsDatasets() {
    CliRun r = CliRun.of("query", store, "0");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.lines()[1]).matches("cifar10-valid  hp 12  epoch 11  seed (111|777) \\(random choice\\)");
    String seed = r.lines()[1].replaceAll(".*seed (\\d+).*", "$1");
    assertThat(r.out()).contains("  valid-accuracy     " + (seed.equals("111") ? "64.016" : "62.712"));
    assertThat(CliRun.of("query", store, "0").out()).isEqualTo(r.out());
    CliRun json = CliRun.of("query", store, "0", "--json", "--mean");
    assertThat(JsonParser.parseString(json.out()).getAsJsonObject().keySet()).containsExactly("cifar10-valid");
  }

  @Test
  void archStringsWorkLikeIndices() {
    String arch = "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";
    CliRun r = CliRun.of("query", store, arch, "--hp", "200");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: no trials for (index 11472, hp 200) in sample.duckdb; this arch has"
        + " no trials at all\n");
  }

  @Test
  void missingDataAndBadNamesAreOneLineErrors() {
    CliRun early = CliRun.of("query", store, "0", "--dataset", "cifar10", "--hp", "200", "--epoch", "5", "--mean");
    assertThat(early.exitCode()).isEqualTo(2);
    assertThat(early.err()).isEqualTo(
        "nb201: error: no train accuracy for (index 0, cifar10, hp 200, seed 777, train, epoch 5)\n");
    CliRun dataset = CliRun.of("query", store, "0", "--dataset", "c10");
    assertThat(dataset.exitCode()).isEqualTo(2);
    assertThat(dataset.err()).startsWith("nb201: error: unknown dataset 'c10'; expected one of cifar10-valid,");
    CliRun hp = CliRun.of("query", store, "0", "--hp", "90");
    assertThat(hp.err()).isEqualTo("nb201: error: hp 90 not in this store; expected one of [12, 200]\n");
    CliRun seed = CliRun.of("query", store, "0", "--dataset", "cifar10", "--hp", "200", "--seed", "1");
    assertThat(seed.err()).isEqualTo("nb201: error: no trial with seed 1 for (index 0, cifar10, hp 200); its seeds"
        + " are [777, 888, 999]\n");
    CliRun both = CliRun.of("query", store, "0", "--mean", "--random");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void notesForSetsMissingAtThatEpoch() {
    CliRun r = CliRun.of("query", store, "0", "--dataset", "cifar10-valid", "--hp", "12", "--epoch", "3", "--seed",
        "111", "--json");
    assertThat(r.exitCode()).isZero();
    assertThat(JsonParser.parseString(r.out()).getAsJsonObject().get("valid-accuracy").getAsDouble()).isEqualTo(53.0);
  }
}
