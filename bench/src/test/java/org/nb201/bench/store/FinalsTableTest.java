package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code finals} is derived data: it must say exactly what {@code metrics} says at the last epoch. */
class FinalsTableTest {
  @TempDir
  Path dir;

  @Test
  void agreesWithMetricsAtTheLastEpochAndOverAllEpochs() throws Exception {
    Path store = SpecSample.store(dir);
    try (Store s = Store.open(store)) {
      List<String> fromFinals = new ArrayList<>();
      List<String> fromMetrics = new ArrayList<>();
      s.reader().query("SELECT index, dataset, hp, seed, split, accuracy, loss, top5, time_total, timed_epochs"
          + " FROM finals ORDER BY ALL", rs -> fromFinals.add(row(rs)));
      s.reader().query("SELECT index, dataset, hp, seed, split, max(accuracy) FILTER (WHERE epoch = hp - 1),"
          + " max(loss) FILTER (WHERE epoch = hp - 1), max(top5) FILTER (WHERE epoch = hp - 1), sum(time),"
          + " count(time) FROM metrics GROUP BY ALL ORDER BY ALL", rs -> fromMetrics.add(row(rs)));
      assertThat(fromFinals).hasSize(61).isEqualTo(fromMetrics);
      assertThat(fromFinals).anyMatch(r -> r.startsWith("0,cifar10,200,777,ori-test,85.62,"));
    }
  }

  @Test
  void isOrderedByKey() throws Exception {
    Path store = SpecSample.store(dir);
    try (Store s = Store.open(store)) {
      List<String> physical = new ArrayList<>();
      List<String> sorted = new ArrayList<>();
      s.reader().query("SELECT index, dataset, hp, seed, split FROM finals", rs -> physical.add(row5(rs)));
      s.reader().query("SELECT index, dataset, hp, seed, split FROM finals ORDER BY index, dataset, hp,"
          + " seed NULLS FIRST, split", rs -> sorted.add(row5(rs)));
      assertThat(physical).isEqualTo(sorted);
    }
  }

  private static String row5(ResultSet rs) throws SQLException {
    return rs.getInt(1) + "," + rs.getString(2) + "," + rs.getInt(3) + "," + rs.getObject(4) + "," + rs.getString(5);
  }

  private static String row(ResultSet rs) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      sb.append(rs.getObject(i)).append(',');
    }
    return sb.toString();
  }
}
