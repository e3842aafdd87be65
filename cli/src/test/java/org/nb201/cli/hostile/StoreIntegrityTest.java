package org.nb201.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.cli.CliRun;

/** {@code info --verify} checks everything: one flipped byte in any table is found, not only in {@code metrics}. */
class StoreIntegrityTest {
  /** DuckDB's file layout: three 4 KiB headers, then 256 KiB blocks, each starting with an 8-byte checksum. */
  private static final long HEADERS = 3 * 4096;
  private static final long BLOCK = 256 * 1024;
  private static final long CHECKSUM = 8;

  @TempDir
  Path dir;

  @Test
  void verifyFindsAFlippedByteInTheFinalsTable() throws Exception {
    List<String> rows = new ArrayList<>(List.of("index,arch,dataset,hp,seed,epoch,split,accuracy,loss,time"));
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 15_625; i++) {
      for (String split : new String[] {"train", "ori-test"}) {
        rows.add(String.format(Locale.ROOT, "%d,,cifar10,12,777,11,%s,%.4f,%.4f,%.4f", i, split,
            100 * rng.nextDouble(), rng.nextDouble(), rng.nextDouble()));
      }
    }
    Path csv = Files.write(dir.resolve("r.csv"), rows);
    Path store = dir.resolve("s.duckdb");
    assertThat(CliRun.of("import", "csv", csv.toString(), "--out", store.toString()).exitCode()).isZero();
    assertThat(CliRun.of("info", store.toString(), "--verify").exitCode()).isZero();

    flip(store, finalsOnlyByte(store));
    CliRun info = CliRun.of("info", store.toString(), "--verify");
    assertThat(info.exitCode()).as(info.out()).isEqualTo(2);
    assertThat(info.err()).startsWith("nb201: error: ").contains("corrupt").contains(store.toString());
    assertThat(info.err().lines()).hasSize(1);
    assertThat(info.out()).doesNotContain("all checksums match");
    // the damage is one a query meets: the last-epoch values come from finals
    CliRun query = CliRun.of("query", store.toString(), "0", "--dataset", "cifar10", "--seed", "777");
    assertThat(query.exitCode()).isEqualTo(2);
    assertThat(query.err()).contains("corrupt");
  }

  /** A byte inside a data segment of {@code finals} whose block no other table uses. */
  private static long finalsOnlyByte(Path store) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("ATTACH '" + store + "' AS s (READ_ONLY)");
      Set<Long> others = new HashSet<>();
      for (String t : List.of("meta", "provenance", "archs", "trials", "costs", "metrics")) {
        try (ResultSet rs = st.executeQuery("SELECT block_id FROM pragma_storage_info('s." + t + "')"
            + " WHERE block_id >= 0")) {
          while (rs.next()) {
            others.add(rs.getLong(1));
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

  private static void flip(Path file, long at) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) ~b.get(0));
      b.rewind();
      ch.write(b, at);
    }
  }
}
