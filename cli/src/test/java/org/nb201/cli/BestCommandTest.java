package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestCommandTest {
  @TempDir
  static Path dir;
  static String store;

  @BeforeAll
  static void importSample() throws Exception {
    store = ImportCommandTest.sampleStore(dir).toString();
  }

  @Test
  void findsTheBestUnderTheOfficialNameRemapping() {
    CliRun r = CliRun.of("best", store, "--dataset", "cifar10", "--metric", "test", "--hp", "200");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.lines()).containsExactly(
        "best        11  |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|none~0|nor_conv_3x3~1|avg_pool_3x3~2|",
        "accuracy    91.58333333333333  (cifar10 ori-test, hp 200, last epoch, mean over seeds)",
        "considered  2 architectures; 0 over the limits, 0 without costs, 0 without the final value");
  }

  @Test
  void limitsAndJson() {
    CliRun r = CliRun.of("best", store, "--dataset", "cifar10", "--metric", "test", "--hp", "200", "--max-flops", "100",
        "--json");
    assertThat(r.exitCode()).isZero();
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(o.get("index").getAsInt()).isZero();
    assertThat(o.get("accuracy").getAsDouble()).isEqualTo(85.86333333333334);
    assertThat(o.get("over_limit").getAsInt()).isEqualTo(1);
    CliRun none = CliRun.of("best", store, "--dataset", "cifar10", "--metric", "test", "--hp", "200", "--max-params",
        "0.1");
    assertThat(none.lines()[0]).isEqualTo("best        none: no architecture qualifies");
  }

  @Test
  void validOnCifar10MeansCifar10ValidAndDefaultHpIs12() {
    CliRun r = CliRun.of("best", store, "--dataset", "cifar10", "--metric", "valid");
    assertThat(r.exitCode()).isZero();
    assertThat(r.lines()[1])
        .isEqualTo("accuracy    63.364000000000004  (cifar10-valid x-valid, hp 12, last epoch, mean over seeds)");
  }

  @Test
  void unknownMetricIsAUserError() {
    CliRun r = CliRun.of("best", store, "--dataset", "cifar10", "--metric", "accuracy");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("nb201: error: unknown set 'accuracy' for dataset cifar10; expected one of train,"
        + " valid, test, x-valid, x-test, ori-test\n");
  }
}
