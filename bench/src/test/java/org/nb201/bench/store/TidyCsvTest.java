package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.space.ArchParser;
import org.nb201.space.SearchSpace;

class TidyCsvTest {
  @TempDir
  Path dir;

  private static final String ARCH0 =
      "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";

  private Path csv(String name, String... lines) throws Exception {
    return Files.write(dir.resolve(name), List.of(lines));
  }

  private List<String> files() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Everything a store holds as sorted text, for equality checks. */
  static List<String> dump(Path store) {
    List<String> out = new ArrayList<>();
    try (Store s = Store.open(store)) {
      s.reader().query("SELECT * FROM metrics ORDER BY " + StoreFormat.KEY_ORDER, rs -> out.add("m " + row(rs, 10)));
      s.reader().query("SELECT index, dataset, hp, seed FROM trials ORDER BY ALL", rs -> out.add("t " + row(rs, 4)));
      s.reader().query("SELECT * FROM costs ORDER BY ALL", rs -> out.add("c " + row(rs, 5)));
    }
    return out;
  }

  private static String row(ResultSet rs, int n) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      Object o = rs.getObject(i);
      sb.append(o instanceof Double d ? Double.toHexString(d) : String.valueOf(o)).append(',');
    }
    return sb.toString();
  }

  @Test
  void exportThenImportGivesBackTheSameStore() throws Exception {
    Path first = SpecSample.store(dir);
    Path out = dir.resolve("export.csv");
    try (Store s = Store.open(first)) {
      Exporter.csv(s, out, Exporter.costsSibling(out));
    }
    assertThat(Files.readAllLines(out).get(0)).isEqualTo(TidyCsv.RESULTS_HEADER);
    assertThat(Files.readAllLines(out).get(1))
        .isEqualTo("0," + ARCH0 + ",cifar10-valid,12,111,0,train,69.95,2.5011,7.2211");
    Path second = dir.resolve("second.duckdb");
    TidyCsv.ImportResult r = TidyCsv.createStore(out, dir.resolve("export.costs.csv"), second, false);
    assertThat(r.trials()).isEqualTo(20);
    assertThat(r.costs()).isEqualTo(5);
    List<String> a = dump(first);
    assertThat(a).hasSize(9192 + 20 + 5);
    assertThat(dump(second)).isEqualTo(a);
  }

  @Test
  void rowsMayComeInAnyOrder() throws Exception {
    Path[] files = SpecSample.write(dir);
    List<String> lines = new ArrayList<>(Files.readAllLines(files[0]));
    String header = lines.remove(0);
    Collections.shuffle(lines, new Random(7));
    lines.add(0, header);
    Path shuffled = Files.write(dir.resolve("shuffled.csv"), lines);
    Path a = dir.resolve("a.duckdb");
    Path b = dir.resolve("b.duckdb");
    TidyCsv.createStore(files[0], files[1], a, false);
    TidyCsv.createStore(shuffled, files[1], b, false);
    assertThat(dump(b)).isEqualTo(dump(a));
  }

  @Test
  void topFiveColumnIsOptionalAndRoundTrips() throws Exception {
    Path in = csv("r.csv", TidyCsv.RESULTS_HEADER + ",top5",
        "5,,cifar100,12,111,0,train,10.5,4.1,3.0,30.25",
        "5,,cifar100,12,111,0,x-valid,9.5,4.2,1.0,");
    Path store = dir.resolve("s.duckdb");
    TidyCsv.createStore(in, null, store, false);
    Path out = dir.resolve("out.csv");
    try (Store s = Store.open(store)) {
      Exporter.csv(s, out, dir.resolve("out.costs.csv"));
    }
    assertThat(Files.readAllLines(out)).containsExactly(TidyCsv.RESULTS_HEADER + ",top5",
        "5," + SearchSpace.official().arch(5) + ",cifar100,12,111,0,train,10.5,4.1,3.0,30.25",
        "5," + SearchSpace.official().arch(5) + ",cifar100,12,111,0,x-valid,9.5,4.2,1.0,");
    assertThat(Files.readAllLines(dir.resolve("out.costs.csv"))).containsExactly(TidyCsv.COSTS_HEADER);
  }

  @Test
  void everyBadRowIsReportedWithItsLineNumberAndNothingIsWritten() throws Exception {
    Path in = csv("bad.csv", TidyCsv.RESULTS_HEADER,
        "0," + ARCH0 + ",cifar10,200,777,199,ori-test,85.62,0.5,1.0196",
        "1," + ARCH0 + ",cifar10,200,777,199,ori-test,85.62,0.5,1.0196",
        ",,cifar10,200,777,199,ori-test,85.62,0.5,1.0196",
        "0,,mnist,200,777,199,ori-test,85.62,0.5,1.0196",
        "0,,cifar10,200,777,200,ori-test,85.62,0.5,1.0196",
        "0,,cifar10,200,777,5,valid,85.62,0.5,1.0196",
        "0,,cifar10,200,777,5,train,eighty,0.5,1.0196",
        "0,,cifar10,200,777,199,ori-test,85.7,0.5,1.0196",
        "0,,cifar10,200",
        "0,|bogus~0|,cifar10,200,777,5,train,1,1,1",
        "",
        "0,,cifar10,200,-3,5,train,1,1,1",
        "0,,cifar10,200,777,4,train,,,");
    CsvImportException e = catchThrowableOfType(CsvImportException.class,
        () -> TidyCsv.createStore(in, null, dir.resolve("s.duckdb"), false));
    assertThat(e.problems()).containsExactly(
        "bad.csv:3: index 1 and arch '" + ARCH0 + "' disagree: that arch has index 0",
        "bad.csv:4: index and arch are both empty; give at least one",
        "bad.csv:5: unknown dataset 'mnist'; expected one of cifar10-valid, cifar10, cifar100, ImageNet16-120,"
            + " fashion-mnist",
        "bad.csv:6: epoch 200 out of range, expected 0..199",
        "bad.csv:7: unknown split 'valid'; expected one of train, x-valid, x-test, ori-test",
        "bad.csv:8: accuracy 'eighty' is not a plain decimal number; expected a number in 0..100 or empty for unknown",
        "bad.csv:9: duplicate row: trial (index 0, cifar10, hp 200, seed 777) already has split ori-test epoch 199"
            + " on an earlier line",
        "bad.csv:10: has 4 fields, expected 10 (" + TidyCsv.RESULTS_HEADER + ")",
        "bad.csv:11: arch '|bogus~0|' is not an official architecture string: " + errorOf("|bogus~0|"),
        "bad.csv:13: seed -3 out of range, expected 0..2147483647");
    assertThat(e.total()).isEqualTo(10);
    assertThat(e.getMessage()).startsWith("bad.csv:3: index 1").endsWith("(and 9 more problems)");
    assertThat(files()).containsExactly("bad.csv");
  }

  private static String errorOf(String arch) {
    try {
      ArchParser.parseOfficial(arch);
      return "";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void headerAndCostsProblems() throws Exception {
    Path r = csv("r.csv", "index,arch,dataset,hp,seed,epoch,split,acc,loss,time");
    Path c = csv("c.csv", TidyCsv.COSTS_HEADER, "0,,cifar10,15.6,0.13,0.01", "0,,cifar10,15.6,0.13,0.01",
        "3,,cifar10,x,0.13,0.01");
    CsvImportException e = catchThrowableOfType(CsvImportException.class,
        () -> TidyCsv.createStore(r, c, dir.resolve("s.duckdb"), false));
    assertThat(e.problems()).containsExactly(
        "r.csv:1: header is 'index,arch,dataset,hp,seed,epoch,split,acc,loss,time', expected '"
            + TidyCsv.RESULTS_HEADER + "' optionally followed by ',top5'",
        "c.csv:3: duplicate costs of (index 0, cifar10), first given on line 2",
        "c.csv:4: flops 'x' is not a plain decimal number; expected a number >= 0 or empty for unknown");
    Path empty = csv("empty.csv");
    CsvImportException e2 = catchThrowableOfType(CsvImportException.class,
        () -> TidyCsv.createStore(empty, null, dir.resolve("s.duckdb"), false));
    assertThat(e2.problems()).containsExactly("empty.csv:1: file is empty; expected the header '"
        + TidyCsv.RESULTS_HEADER + "'");
    assertThat(files()).containsExactly("c.csv", "empty.csv", "r.csv");
  }

  @Test
  void quotedFieldsAndAveragedSeeds() throws Exception {
    Path in = csv("q.csv", TidyCsv.RESULTS_HEADER,
        "\"0\",\"" + ARCH0 + "\",cifar10,12,,11,ori-test,\"69.55\",,");
    Path store = dir.resolve("s.duckdb");
    TidyCsv.createStore(in, null, store, false);
    assertThat(dump(store)).contains("t 0,cifar10,12,null,");
  }

  @Test
  void missingInputFileIsReported() {
    Exception e = catchThrowableOfType(IOException.class,
        () -> TidyCsv.createStore(dir.resolve("none.csv"), null, dir.resolve("s.duckdb"), false));
    assertThat(e).hasMessageContaining("results file").hasMessageContaining("not found");
  }
}
