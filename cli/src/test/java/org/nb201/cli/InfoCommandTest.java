package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.store.StoreFormat;

class InfoCommandTest {
  @TempDir
  static Path dir;
  static Path store;

  @BeforeAll
  static void importSample() throws Exception {
    store = ImportCommandTest.sampleStore(dir);
  }

  @Test
  void describesFormatRowsTrialSetsAndProvenance() {
    CliRun r = CliRun.of("info", store.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.lines();
    assertThat(lines[0]).startsWith("store       " + store + " (");
    assertThat(lines[1]).startsWith("format      nb201-store " + StoreFormat.VERSION + ", written by nb201 ");
    assertThat(lines[2]).isEqualTo(
        "rows        metrics 2448, trials 8, costs 3, archs 15625, hardware 0, proxies 0, searches 0");
    assertThat(lines[3]).isEqualTo("trial sets  dataset           hp   trials  archs  seeds");
    assertThat(lines[4]).isEqualTo("            cifar10-valid     12        2      1  111 777");
    assertThat(lines[5]).isEqualTo("            cifar10          200        6      2  777 888 999");
    assertThat(lines[6]).isEqualTo("hardware    none");
    assertThat(lines[7]).isEqualTo("provenance  2 sources");
    assertThat(lines[8]).startsWith("            results.csv  sha256 ").contains("{\"importer\":\"tidy-csv\"}");
    assertThat(lines).hasSize(10);
  }

  @Test
  void verifiesAndPrintsJson() {
    CliRun r = CliRun.of("info", store.toString(), "--verify", "--json");
    assertThat(r.exitCode()).isZero();
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(o.get("format_version").getAsString()).isEqualTo(Integer.toString(StoreFormat.VERSION));
    assertThat(o.getAsJsonArray("hardware")).isEmpty();
    assertThat(o.getAsJsonObject("rows").get("metrics").getAsLong()).isEqualTo(2448);
    assertThat(o.getAsJsonArray("trial_sets")).hasSize(2);
    assertThat(o.getAsJsonArray("provenance").get(1).getAsJsonObject().get("source").getAsString())
        .isEqualTo("costs.csv");
    assertThat(o.get("verified").getAsBoolean()).isTrue();
    assertThat(CliRun.of("info", store.toString(), "--verify").out()).contains("verified    every block read");
  }

  @Test
  void badFilesGiveOneLineAndExitCode2() throws Exception {
    CliRun missing = CliRun.of("info", dir.resolve("none.duckdb").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("nb201: error: store " + dir.resolve("none.duckdb")
        + " not found; expected a store file written by nb201 (nb201 import ...)\n");
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello ".repeat(5000));
    CliRun notDuck = CliRun.of("info", text.toString());
    assertThat(notDuck.exitCode()).isEqualTo(2);
    assertThat(notDuck.err()).contains("is not a DuckDB database").doesNotContain("\tat ");
    assertThat(notDuck.err().lines()).hasSize(1);
  }
}
