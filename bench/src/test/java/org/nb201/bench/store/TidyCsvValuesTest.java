package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values no measurement can have are refused with their line number, never stored: {@code NaN}
 * (unknown is an empty cell), infinities, overflowing and hexadecimal numbers, accuracies outside
 * 0..100, negative losses, times and costs, and a top-5 accuracy below the top-1 accuracy.
 */
class TidyCsvValuesTest {
  @TempDir
  Path dir;

  private static final String ROW = "0,,cifar10,12,777,";

  private CsvImportException refused(Path results, Path costs) {
    CsvImportException e = catchThrowableOfType(CsvImportException.class,
        () -> TidyCsv.createStore(results, costs, dir.resolve("s.duckdb"), false));
    assertThat(e).as("import should refuse the file").isNotNull();
    assertThat(dir.resolve("s.duckdb")).doesNotExist();
    return e;
  }

  @Test
  void refusesResultValuesNoMeasurementCanHave() throws Exception {
    Path in = Files.write(dir.resolve("r.csv"), List.of(TidyCsv.RESULTS_HEADER + ",top5",
        ROW + "0,train,NaN,1,1,",
        ROW + "1,train,Infinity,1,1,",
        ROW + "2,train,1e309,1,1,",
        ROW + "3,train,-5,1,1,",
        ROW + "4,train,100.5,1,1,",
        ROW + "5,train,0x1p5,1,1,",
        ROW + "6,train,50,-0.5,1,",
        ROW + "7,train,50,1,-2,",
        ROW + "8,train,60,1,1,50",
        ROW + "9,train,nan,1,1,",
        ROW + "10,train,5d,1,1,",
        ROW + "0,x-valid,50,1,1,-Infinity",
        ROW + "1,x-valid,50,1,\u0663,"));
    CsvImportException e = refused(in, null);
    assertThat(e.problems()).containsExactly(
        "r.csv:2: accuracy 'NaN' is not a plain decimal number; expected a number in 0..100 or empty for unknown",
        "r.csv:3: accuracy 'Infinity' is not a plain decimal number; expected a number in 0..100 or empty for unknown",
        "r.csv:4: accuracy '1e309' is too large for a double (at most about 1.8e308); expected a number in 0..100"
            + " or empty for unknown",
        "r.csv:5: accuracy -5 out of range, expected a number in 0..100",
        "r.csv:6: accuracy 100.5 out of range, expected a number in 0..100",
        "r.csv:7: accuracy '0x1p5' is not a plain decimal number; expected a number in 0..100 or empty for unknown",
        "r.csv:8: loss -0.5 out of range, expected a number >= 0",
        "r.csv:9: time -2 out of range, expected a number >= 0",
        "r.csv:10: top5 50 is below accuracy 60; top-5 accuracy is at least top-1",
        "r.csv:11: accuracy 'nan' is not a plain decimal number; expected a number in 0..100 or empty for unknown",
        "r.csv:12: accuracy '5d' is not a plain decimal number; expected a number in 0..100 or empty for unknown",
        "r.csv:13: top5 '-Infinity' is not a plain decimal number; expected a number in 0..100 or empty for unknown",
        "r.csv:14: time '\u0663' is not a plain decimal number; expected a number >= 0 or empty for unknown");
  }

  @Test
  void refusesCostsThatCannotBe() throws Exception {
    Path r = Files.write(dir.resolve("r.csv"), List.of(TidyCsv.RESULTS_HEADER, ROW + "0,train,50,1,1"));
    Path c = Files.write(dir.resolve("c.csv"), List.of(TidyCsv.COSTS_HEADER,
        "0,,cifar10,-1,0.1,0.01",
        "1,,cifar10,15,NaN,0.01",
        "2,,cifar10,15,0.1,Infinity",
        "3,,cifar10,1e400,0.1,0.01",
        "4,,cifar10,15,0.1,-0.01"));
    assertThat(refused(r, c).problems()).containsExactly(
        "c.csv:2: flops -1 out of range, expected a number >= 0",
        "c.csv:3: params 'NaN' is not a plain decimal number; expected a number >= 0 or empty for unknown",
        "c.csv:4: latency 'Infinity' is not a plain decimal number; expected a number >= 0 or empty for unknown",
        "c.csv:5: flops '1e400' is too large for a double (at most about 1.8e308); expected a number >= 0"
            + " or empty for unknown",
        "c.csv:6: latency -0.01 out of range, expected a number >= 0");
  }

  @Test
  void acceptsTheEdgesOfEachRangeAndEveryPlainNotation() throws Exception {
    Path in = Files.write(dir.resolve("r.csv"), List.of(TidyCsv.RESULTS_HEADER + ",top5",
        ROW + "0,train,0,0,0,0",
        ROW + "1,train,100,1e-05,1.5E+2,100",
        ROW + "2,train,.5,+2.,7,0.5",
        ROW + "3,train,,,,"));
    Path store = dir.resolve("s.duckdb");
    TidyCsv.createStore(in, null, store, false);
    assertThat(TidyCsvTest.dump(store)).contains(
        "m 0,cifar10,12,777,train,1,0x1.9p6,0x1.4f8b588e368f1p-17,0x1.2cp7,0x1.9p6,",
        "m 0,cifar10,12,777,train,2,0x1.0p-1,0x1.0p1,0x1.cp2,0x1.0p-1,",
        "m 0,cifar10,12,777,train,3,null,null,null,null,");
  }
}
