package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.store.StoreFormat;

class ExportCommandTest {
  @TempDir
  static Path dir;
  static Path store;

  @BeforeAll
  static void importSample() throws Exception {
    store = ImportCommandTest.sampleStore(dir);
  }

  @Test
  void csvExportImportsBackToTheSameData(@TempDir Path out) throws Exception {
    Path csv = out.resolve("x.csv");
    CliRun r = CliRun.of("export", store.toString(), "--format", "csv", "--out", csv.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.lines()).containsExactly("wrote " + csv, "wrote " + out.resolve("x.costs.csv"));
    assertThat(Files.readAllLines(csv).get(0)).isEqualTo("index,arch,dataset,hp,seed,epoch,split,accuracy,loss,time");
    Path again = out.resolve("again.duckdb");
    assertThat(CliRun.of("import", "csv", csv.toString(), "--costs", out.resolve("x.costs.csv").toString(), "--out",
        again.toString()).exitCode()).isZero();
    Path csv2 = out.resolve("y.csv");
    assertThat(CliRun.of("export", again.toString(), "--format", "csv", "--out", csv2.toString()).exitCode()).isZero();
    assertThat(Files.readAllLines(csv2)).isEqualTo(Files.readAllLines(csv));
    assertThat(Files.readAllLines(out.resolve("y.costs.csv")))
        .isEqualTo(Files.readAllLines(out.resolve("x.costs.csv")));
  }

  @Test
  void parquetWritesOneFilePerTable(@TempDir Path out) {
    Path pq = out.resolve("pq");
    CliRun r = CliRun.of("export", store.toString(), "--format", "parquet", "--out", pq.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.lines()).hasSize(StoreFormat.tables().size());
    assertThat(pq.resolve("finals.parquet")).exists();
    assertThat(pq.resolve("searches.parquet")).exists();
    assertThat(pq.resolve("hardware.parquet")).exists();
    assertThat(pq.resolve("metrics.parquet")).exists();
  }

  @Test
  void badFormatAndMissingDirectory(@TempDir Path out) {
    CliRun fmt = CliRun.of("export", store.toString(), "--format", "xlsx", "--out", out.resolve("x").toString());
    assertThat(fmt.exitCode()).isEqualTo(2);
    assertThat(fmt.err()).isEqualTo("nb201: error: unknown format 'xlsx'; expected parquet or csv\n");
    CliRun dirMissing = CliRun.of("export", store.toString(), "--format", "csv", "--out",
        out.resolve("no/such/x.csv").toString());
    assertThat(dirMissing.exitCode()).isEqualTo(2);
    assertThat(dirMissing.err()).contains("does not exist");
  }
}
