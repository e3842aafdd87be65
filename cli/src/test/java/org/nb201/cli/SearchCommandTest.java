package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.algorithm.Algorithms;

/**
 * {@code nb201 search} on a small store of real values (ImportCommandTest's sample: hp 12
 * cifar10-valid for arch 0, hp 200 cifar10 for archs 0 and 11): JSON schema, missing values,
 * exact budget accounting, the curves file and the errors.
 */
class SearchCommandTest {
  @TempDir
  static Path dir;
  static String store;

  @BeforeAll
  static void importSample() throws Exception {
    store = ImportCommandTest.sampleStore(dir).toString();
  }

  @Test
  void jsonHasThePaperColumnsReportsMissingValuesAndAccountsTimeExactly() throws Exception {
    Path curves = dir.resolve("curves.csv");
    CliRun r = CliRun.of("search", "rea", "--store", store, "--runs", "5", "--seed", "3", "--json", "--curves",
        curves.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(o.get("algorithm").getAsString()).isEqualTo("rea");
    assertThat(o.get("runs").getAsInt()).isEqualTo(5);
    assertThat(o.get("budget").getAsDouble()).isEqualTo(12_000);
    assertThat(o.getAsJsonObject("coverage").get("cells").getAsInt()).isEqualTo(1);
    assertThat(o.getAsJsonObject("coverage").get("partial").getAsBoolean()).isTrue();
    // one evaluation of arch 0 costs 12 x 7.2211 s of training + one 2.549 s x-valid pass: 134 fit in 12,000 s
    assertThat(o.get("mean_evaluated").getAsDouble()).isEqualTo(134);
    assertThat(o.get("mean_simulated_time").getAsDouble()).isCloseTo(134 * (12 * 7.2211 + 2.549), within(1e-6));
    JsonObject m = o.getAsJsonObject("metrics");
    assertThat(m.keySet()).containsExactly("cifar10-valid/x-valid", "cifar10/ori-test", "cifar100/x-valid",
        "cifar100/x-test", "ImageNet16-120/x-valid", "ImageNet16-120/x-test");
    JsonObject test = m.getAsJsonObject("cifar10/ori-test");
    assertThat(test.get("mean").getAsDouble()).isCloseTo((85.62 + 86.18 + 85.79) / 3, within(1e-9));
    assertThat(test.get("std").getAsDouble()).isZero();
    assertThat(test.get("runs_with_value").getAsInt()).isEqualTo(5);
    assertThat(test.get("best_in_store").getAsDouble()).isCloseTo((91.55 + 91.6 + 91.6) / 3, within(1e-9));
    assertThat(test.get("best_index").getAsInt()).isEqualTo(11);
    JsonObject valid = m.getAsJsonObject("cifar10-valid/x-valid");
    assertThat(valid.get("mean").isJsonNull()).isTrue();
    assertThat(valid.get("runs_with_value").getAsInt()).isZero();
    assertThat(valid.get("missing").getAsString()).contains("no hp 200 data for cifar10-valid/x-valid");
    assertThat(o.getAsJsonObject("provenance").get("tool_version").getAsString()).isNotBlank();

    List<String> lines = Files.readAllLines(curves);
    assertThat(lines.get(0)).isEqualTo("run,seed,step,time,index,accuracy,best_index");
    assertThat(lines).hasSize(1 + 5 * 134);
    String[] first = lines.get(1).split(",");
    assertThat(first[0]).isEqualTo("0");
    assertThat(first[1]).isEqualTo("300000");
    assertThat(Double.parseDouble(first[3])).isCloseTo(12 * 7.2211 + 2.549, within(1e-9));
    assertThat(first[4]).isEqualTo("0");
    assertThat(Double.parseDouble(first[5])).isIn(64.016, 62.712);
  }

  @Test
  void tableSaysWhatIsMissingAndThatTheStoreIsPartial() {
    CliRun r = CliRun.of("search", "rs", "--store", store, "--runs", "3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("note: the store covers 1 of 15625 cells")
        .contains("evaluated cells per run: 134.0")
        .containsPattern("cifar10/ori-test +85\\.86 +0\\.00 +3   91\\.58 \\(index 11\\)")
        .containsPattern("cifar100/x-test +missing +0   \\(no data for it in the store\\)");
  }

  @Test
  void sameSeedSameOutputWhateverTheThreads() {
    CliRun one = CliRun.of("search", "bohb", "--store", store, "--runs", "6", "--threads", "1", "--json");
    CliRun two = CliRun.of("search", "bohb", "--store", store, "--runs", "6", "--threads", "2", "--json");
    assertThat(one.exitCode()).isZero();
    assertThat(withoutTimesAndThreads(one.out())).isEqualTo(withoutTimesAndThreads(two.out()));
  }

  private static String withoutTimesAndThreads(String json) {
    return json.replaceAll("\"wall_seconds\": [0-9.E-]+", "").replaceAll("\"threads\": \\d+", "")
        .replaceAll("\"(created|finished)_at\": \"[^\"]+\"", "");
  }

  @Test
  void jsonCarriesTheProvenanceWithTheStoresSha256() throws Exception {
    CliRun r = CliRun.of("search", "rea", "--store", store, "--runs", "3", "--seed", "7", "--threads", "2", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonObject p = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("provenance");
    assertThat(p.keySet()).containsExactly("tool_version", "created_at", "finished_at", "config", "seeds", "inputs",
        "machine");
    assertThat(p.get("tool_version").getAsString()).isEqualTo(Version.get());
    JsonObject config = p.getAsJsonObject("config");
    assertThat(config.get("algorithm").getAsString()).isEqualTo("rea");
    assertThat(config.get("runs").getAsInt()).isEqualTo(3);
    assertThat(config.get("seed").getAsLong()).isEqualTo(7);
    assertThat(config.get("threads").getAsInt()).isEqualTo(2);
    assertThat(config.get("dataset").getAsString()).isEqualTo("cifar10-valid");
    assertThat(config.get("hp").getAsInt()).isEqualTo(12);
    assertThat(p.getAsJsonArray("seeds").get(0).getAsLong()).isEqualTo(7);
    JsonObject input = p.getAsJsonArray("inputs").get(0).getAsJsonObject();
    Path file = Path.of(store).toAbsolutePath().normalize();
    assertThat(input.get("role").getAsString()).isEqualTo("store");
    assertThat(input.get("name").getAsString()).isEqualTo(file.toString());
    assertThat(input.get("algorithm").getAsString()).isEqualTo("sha256");
    // independently: the JDK's SHA-256 over the whole file
    byte[] bytes = Files.readAllBytes(file);
    assertThat(input.get("checksum").getAsString())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(input.get("bytes").getAsLong()).isEqualTo(bytes.length);
    assertThat(p.getAsJsonObject("machine").get("cores").getAsInt())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(p.getAsJsonObject("machine").has("host")).isFalse();
  }

  @Test
  void helpListsEveryRegisteredAlgorithmWithWhatItNeedsAndItsOptions() {
    CliRun r = CliRun.of("search", "--help");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("<" + String.join("|", Algorithms.names()) + ">").contains("Algorithms:")
        .containsPattern("(?m)^  rs +random search \\(RANDOM\\.py\\)")
        .containsPattern("(?m)^  rea +regularized evolution \\(R_EA\\.py\\)")
        .containsPattern("(?m)^  reinforce +REINFORCE \\(reinforce\\.py\\)")
        .containsPattern("(?m)^  bohb +BOHB \\(BOHB\\.py, hpbandster\\)")
        .containsPattern("(?m)^  proxy +training-free search \\(NASWOT's protocol\\)")
        .containsPattern("needs a store with training-free\\s+scores \\(nb201 proxies\\)")
        .contains("--lr=LR", "--population=N", "--sample-size=N", "--ema-momentum=M", "--iterations=N", "--eta=ETA")
        .containsPattern("--population=N +Population size of the aging evolution\\s+\\(rea;\\s+default: 10\\)");
    assertThat(r.out().split("needs a benchmark store", -1)).hasSize(5);
  }

  @Test
  void algorithmOptionsReachTheRunAndAreRecordedInTheJson() {
    CliRun bohb = CliRun.of("search", "bohb", "--store", store, "--runs", "2", "--iterations", "1",
        "--min-bandwidth", "0.5", "--json");
    assertThat(bohb.exitCode()).as(bohb.err()).isZero();
    JsonObject o = JsonParser.parseString(bohb.out()).getAsJsonObject();
    assertThat(o.get("iterations").getAsInt()).isEqualTo(1);
    assertThat(o.get("min_bandwidth").getAsDouble()).isEqualTo(0.5);
    assertThat(o.get("eta").getAsDouble()).isEqualTo(3);
    // one Hyperband iteration has far fewer cells to evaluate than the 134 the budget affords
    assertThat(o.get("mean_evaluated").getAsDouble()).isLessThan(134);
    JsonObject rea = JsonParser.parseString(CliRun.of("search", "rea", "--store", store, "--runs", "1",
        "--sample-size", "2", "--lr", "0.1", "--json").out()).getAsJsonObject();
    assertThat(rea.get("population").getAsInt()).isEqualTo(10);
    assertThat(rea.get("sample_size").getAsInt()).isEqualTo(2);
    // another algorithm's option is checked by its owner but not used, as --lr always was
    assertThat(rea.has("lr")).isFalse();
    CliRun otherBad = CliRun.of("search", "rea", "--store", store, "--lr", "0");
    assertThat(otherBad.exitCode()).isEqualTo(2);
    assertThat(otherBad.err()).isEqualTo("nb201: error: --lr must be > 0, got 0.0\n");
    CliRun bad = CliRun.of("search", "rea", "--store", store, "--population", "0");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("nb201: error: --population must be >= 1, got 0\n");
  }

  @Test
  void badInputIsOneLineAndExitCode2() {
    CliRun alg = CliRun.of("search", "evolution", "--store", store);
    assertThat(alg.exitCode()).isEqualTo(2);
    assertThat(alg.err()).isEqualTo(
        "nb201: error: unknown search algorithm 'evolution'; expected one of " + String.join(", ", Algorithms.names())
            + "\n");
    assertThat(Algorithms.names()).startsWith("rs", "rea", "reinforce", "bohb");
    CliRun signal = CliRun.of("search", "rea", "--store", store, "--dataset", "cifar10", "--hp", "200");
    assertThat(signal.exitCode()).isEqualTo(2);
    assertThat(signal.err()).contains("has no cifar10 hp 200 x-valid accuracy").hasLineCount(1);
    CliRun lr = CliRun.of("search", "reinforce", "--store", store, "--lr", "0");
    assertThat(lr.exitCode()).isEqualTo(2);
    assertThat(lr.err()).contains("--lr must be > 0");
    CliRun missing = CliRun.of("search", "rea", "--store", dir.resolve("nope.duckdb").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).startsWith("nb201: error:").hasLineCount(1);
  }
}
