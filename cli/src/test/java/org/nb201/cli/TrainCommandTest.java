package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path tmp;

  private static String fashion() {
    return Fixtures.fashion().toString();
  }

  /** {@code nb201 train --json} of cell 11472 on a slice of Fashion-MNIST with {@code options}; must succeed. */
  private static JsonObject trainJson(String... options) {
    List<String> args = new ArrayList<>(List.of("train", "--arch", "11472",
        "--dataset", "fashion-mnist", "--data-dir", fashion(), "--hp", "1", "--N", "1", "--threads", "2", "--json"));
    args.addAll(List.of(options));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  @Test
  void trainsATinyCellAndPrintsOfficialKeys() {
    JsonObject o = trainJson("--C", "4", "--train-limit", "128", "--eval-limit", "64", "--batch-size", "64");
    assertThat(o.get("arch_index").getAsInt()).isEqualTo(11472);
    assertThat(o.get("hp").getAsString()).isEqualTo("1");
    JsonObject e = o.getAsJsonArray("epochs").get(0).getAsJsonObject();
    assertThat(e.keySet()).contains("train-loss", "train-accuracy", "train-per-time", "train-all-time",
        "valid-loss", "valid-accuracy", "valid-all-time", "test-accuracy");
    assertThat(o.getAsJsonObject("provenance").getAsJsonObject("engine").get("threads").getAsInt()).isEqualTo(2);
    assertThat(o.getAsJsonObject("config").get("memory_format").getAsString()).isEqualTo("channels_last");
  }

  @Test
  void contiguousMemoryFormatIsRecordedAndABadOneIsAUserError() {
    JsonObject o = trainJson("--C", "2", "--train-limit", "64", "--eval-limit", "32", "--memory-format", "contiguous");
    assertThat(o.getAsJsonObject("config").get("memory_format").getAsString()).isEqualTo("contiguous");
    CliRun bad = CliRun.of("train", "--arch", "0", "--dataset", "fashion-mnist", "--memory-format", "nhwc");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo(
        "nb201: error: unknown --memory-format 'nhwc'; expected channels-last or contiguous");
  }

  @Test
  void printsASummaryTable() {
    CliRun r = CliRun.of("train", "--arch",
        "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|",
        "--dataset", "fashion-mnist", "--hp", "1", "--C", "4", "--N", "1", "--train-limit", "64", "--eval-limit", "32",
        "--threads", "2", "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("arch 11472").contains("x-valid-acc").contains("flops").contains("latency");
  }

  @Test
  void badDataDirIsOneLineAndExitCode2() {
    CliRun r = CliRun.of("train", "--arch", "0", "--dataset", "cifar10",
        "--data-dir", tmp.resolve("missing").toString(), "--threads", "2");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("nb201: error:").contains("missing data directory").doesNotContain("\n");
  }

  @Test
  void missingDataDirForCifarIsAUserError() {
    CliRun r = CliRun.of("train", "--arch", "0", "--dataset", "cifar100");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--data-dir is required for cifar100");
  }

  @Test
  void storeOptionAddsTrialsWithProvenanceAndRefusesDuplicates() {
    String store = tmp.resolve("t.duckdb").toString();
    for (String seed : new String[] {"777", "888"}) {
      CliRun r = CliRun.of("train", "--arch", "11472", "--dataset", "fashion-mnist", "--data-dir", fashion(), "--hp",
          "1", "--seed", seed, "--C", "4", "--N", "1", "--train-limit", "64", "--eval-limit", "32", "--batch-size",
          "32", "--threads", "2", "--quiet", "--store", store);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("added to store " + store);
    }
    CliRun q = CliRun.of("query", store, "11472", "--dataset", "fashion-mnist", "--hp", "1", "--mean", "--json");
    assertThat(q.exitCode()).as(q.err()).isZero();
    assertThat(q.out()).contains("\"train-accuracy\"");
    assertThat(CliRun.of("query", store, "11472", "--dataset", "fashion-mnist", "--hp", "1", "--seed", "888")
        .exitCode()).isZero();
    assertThat(CliRun.of("query", store, "11472", "--dataset", "fashion-mnist", "--hp", "1", "--seed", "999")
        .exitCode()).isEqualTo(2);
    CliRun dup = CliRun.of("train", "--arch", "11472", "--dataset", "fashion-mnist", "--data-dir", fashion(), "--hp",
        "1", "--seed", "777", "--C", "4", "--N", "1", "--train-limit", "64", "--eval-limit", "32", "--batch-size", "32",
        "--threads", "2", "--quiet", "--store", store);
    assertThat(dup.exitCode()).isEqualTo(2);
    assertThat(dup.err()).contains("already holds (index 11472, fashion-mnist, hp 1, seed 777)");
  }
}
