package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.space.Split;

/** {@link Store#verify} reads every table: a damaged block of any of them is found, not only of {@code metrics}. */
class VerifyTest {
  /** DuckDB's file layout: three 4 KiB headers, then 256 KiB blocks, each starting with an 8-byte checksum. */
  private static final long HEADERS = 3 * 4096;
  private static final long BLOCK = 256 * 1024;
  private static final long CHECKSUM = 8;

  @TempDir
  Path dir;

  @Test
  void findsADamagedBlockOfTheFinalsTable() throws Exception {
    Path store = dir.resolve("s.duckdb");
    SplittableRandom rng = new SplittableRandom(1);
    try (StoreWriter w = StoreWriter.create(store)) {
      for (int i = 0; i < 15_625; i++) {
        w.addTrial(new Trial(new TrialKey(i, "cifar10", 1, 777), List.of(
            EpochMetrics.of(0, Split.TRAIN, 100 * rng.nextDouble(), rng.nextDouble(), rng.nextDouble()),
            EpochMetrics.of(0, Split.ORI_TEST, 100 * rng.nextDouble(), rng.nextDouble(), rng.nextDouble()))));
      }
      w.commit();
    }
    long at = blockOnlyFinalsUses(store);
    try (FileChannel ch = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) ~b.get(0));
      b.rewind();
      ch.write(b, at);
    }
    try (Store s = Store.open(store)) {
      StoreException e = catchThrowableOfType(StoreException.class, s::verify);
      assertThat(e).as("verify must read finals").isNotNull();
      assertThat(e.getMessage()).contains("corrupt").contains("s.duckdb").doesNotContain("\n");
    }
    try (Store s = Store.open(store)) {
      // the damage is real: the queries that read finals fail on it
      assertThat(catchThrowableOfType(StoreException.class, () -> s.reader().finalsOf(0, (d, hp, seed, split, acc, l,
          t, n) -> { }))).isNotNull();
    }
  }

  /** A byte in the middle of a data segment of {@code finals} whose block no other table uses. */
  private static long blockOnlyFinalsUses(Path store) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("ATTACH '" + store + "' AS s (READ_ONLY)");
      Set<Long> others = new HashSet<>();
      for (String t : StoreFormat.tables()) {
        if (!t.equals("finals")) {
          try (ResultSet rs = st.executeQuery("SELECT block_id FROM pragma_storage_info('s." + t + "')"
              + " WHERE block_id >= 0")) {
            while (rs.next()) {
              others.add(rs.getLong(1));
            }
          }
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT block_id, block_offset FROM pragma_storage_info('s.finals')"
          + " WHERE block_id >= 0 AND persistent ORDER BY count DESC")) {
        while (rs.next()) {
          if (!others.contains(rs.getLong(1))) {
            return HEADERS + rs.getLong(1) * BLOCK + CHECKSUM + rs.getLong(2) + 64;
          }
        }
      }
    }
    throw new AssertionError("every block of finals is shared with another table; make the store larger");
  }
}
