package org.nb201.bench.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.CostRecord;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.space.Arch;
import org.nb201.space.Split;
import org.nb201.space.provenance.Provenance;

class StoreWriterTest {
  @TempDir
  Path dir;

  static Trial trial(int index, String dataset, int hp, Integer seed, double acc) {
    List<EpochMetrics> ms = new ArrayList<>();
    for (int e = hp - 1; e >= 0; e--) { // deliberately unsorted
      ms.add(EpochMetrics.of(e, Split.TRAIN, acc - (hp - 1 - e), 1.0 / (e + 1), 2.0));
      ms.add(new EpochMetrics(e, Split.ORI_TEST, acc - 1 - (hp - 1 - e), Double.NaN, 0.5, Double.NaN));
      if (e < hp - 1) { // evaluated only at the end, timed every epoch, like the official hp-200 x-valid
        ms.add(new EpochMetrics(e, Split.X_VALID, Double.NaN, Double.NaN, 0.25, Double.NaN));
      }
    }
    return new Trial(new TrialKey(index, dataset, hp, seed), ms);
  }

  private List<String> files() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void commitsAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
    Path target = dir.resolve("s.duckdb");
    try (StoreWriter w = StoreWriter.create(target)) {
      w.addProvenance(Provenance.of("unit test", Map.of()));
      w.addTrial(trial(3, "cifar10", 12, 777, 50));
      w.addCost(new CostRecord(3, "cifar10", 1.5, 0.25, Double.NaN));
      assertThat(target).doesNotExist();
      assertThat(w.commit()).isEqualTo(target.toAbsolutePath());
    }
    assertThat(files()).containsExactly("s.duckdb");
    try (Store s = Store.open(target)) {
      assertThat(s.formatVersion()).isEqualTo(StoreFormat.VERSION);
      assertThat(s.meta()).containsEntry("format", "nb201-store").containsKey("created");
      assertThat(s.reader().rowCount("metrics")).isEqualTo(35);
      assertThat(s.reader().rowCount("archs")).isEqualTo(Arch.COUNT);
      assertThat(s.reader().cost(3, "cifar10")).get().satisfies(c -> {
        assertThat(c.flops()).isEqualTo(1.5);
        assertThat(c.latency()).isNaN();
      });
    }
  }

  @Test
  void timeOnlyRowsFollowTheValueRowsInIndexOrder() throws Exception {
    Path target = dir.resolve("s.duckdb");
    try (StoreWriter w = StoreWriter.create(target)) {
      w.addTrial(trial(1, "cifar10", 12, 1, 50));
      w.addTrial(trial(2, "cifar10", 12, 1, 50));
      w.commit();
    }
    try (Store s = Store.open(target)) {
      List<String> order = new ArrayList<>();
      s.reader().query("SELECT index, split, epoch FROM metrics", rs -> order.add(rs.getInt(1) + "/" + rs.getString(2)
          + "/" + rs.getInt(3)));
      assertThat(order.subList(46, 48)).containsExactly("2/ori-test/10", "2/ori-test/11");
      assertThat(order.get(48)).isEqualTo("1/x-valid/0");
      assertThat(order.get(order.size() - 1)).isEqualTo("2/x-valid/10");
    }
    assertThat(files()).containsExactly("s.duckdb");
  }

  @Test
  void closingWithoutCommitLeavesNothing() throws Exception {
    Path target = dir.resolve("s.duckdb");
    try (StoreWriter w = StoreWriter.create(target)) {
      w.addTrial(trial(3, "cifar10", 12, 777, 50));
    }
    assertThat(files()).isEmpty();
  }

  @Test
  void aNewWriterRemovesWhatKilledWritersOfTheSameStoreLeft() throws Exception {
    Path target = dir.resolve("s.duckdb");
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int kill = 0; kill < 2; kill++) {
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          StoreWriterKillMain.class.getName(), target.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
        assertThat(out.readLine()).isEqualTo("ready");
      }
      child.destroyForcibly().waitFor();
    }
    List<String> left = files();
    assertThat(left).as("a killed writer leaves its temporary files").hasSizeGreaterThanOrEqualTo(4)
        .allMatch(f -> f.matches("\\.s\\.duckdb\\.(staging|side)-\\d+-[0-9a-f]+\\.tmp(\\.wal)?"));
    try (StoreWriter w = StoreWriter.create(target)) {
      w.addTrial(trial(1, "cifar10", 12, 1, 40));
      w.commit();
    }
    assertThat(files()).containsExactly("s.duckdb");
  }

  @Test
  void keepsTemporaryFilesOfLiveWritersAndOfOtherStores() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    long dead = finished.pid();
    Process live = new ProcessBuilder("sleep", "60").start();
    try {
      List<String> deadOnes = List.of(".s.duckdb.staging-" + dead + "-1a2b.tmp", ".s.duckdb.staging-" + dead
          + "-1a2b.tmp.wal", ".s.duckdb.side-" + dead + "-1a2b.tmp", ".s.duckdb.sorted-" + dead + "-ff.tmp.wal");
      List<String> kept = List.of(".s.duckdb.staging-" + live.pid() + "-3c.tmp", ".s.duckdb.side-" + live.pid()
          + "-3c.tmp.wal", ".s.duckdb.staging-" + ProcessHandle.current().pid() + "-9.tmp", ".t.duckdb.staging-"
          + dead + "-1a2b.tmp", ".s.duckdb.notes-" + dead + "-1.tmp", ".s.duckdb.staging-" + dead + "-1a2b.tmp.bak",
          "s.duckdb.staging-" + dead + "-1.tmp");
      for (String f : deadOnes) {
        Files.writeString(dir.resolve(f), "left by a killed import");
      }
      for (String f : kept) {
        Files.writeString(dir.resolve(f), "in use or not ours");
      }
      Path target = dir.resolve("s.duckdb");
      try (StoreWriter w = StoreWriter.create(target)) {
        w.addTrial(trial(1, "cifar10", 12, 1, 40));
        w.commit();
      }
      List<String> expected = new ArrayList<>(kept);
      expected.add("s.duckdb");
      assertThat(files()).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      live.destroyForcibly().waitFor();
    }
  }

  @Test
  void refusesToOverwriteUnlessTold() throws Exception {
    Path target = dir.resolve("s.duckdb");
    Files.writeString(target, "precious");
    assertThatThrownBy(() -> StoreWriter.create(target))
        .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
    assertThat(Files.readString(target)).isEqualTo("precious");
    try (StoreWriter w = StoreWriter.create(target, true)) {
      w.addTrial(trial(1, "cifar10", 12, 1, 40));
      w.commit();
    }
    try (Store s = Store.open(target)) {
      assertThat(s.reader().rowCount("trials")).isEqualTo(1);
    }
  }

  @Test
  void sortsTrialsThatArriveOutOfIndexOrder() throws Exception {
    Path target = dir.resolve("s.duckdb");
    try (StoreWriter w = StoreWriter.create(target)) {
      w.addTrial(trial(20, "cifar100", 12, 2, 30));
      w.addTrial(trial(5, "cifar10", 12, null, 60));
      w.addTrial(trial(5, "cifar10", 12, 1, 61));
      w.addTrial(trial(5, "cifar10-valid", 12, 1, 62));
      w.commit();
    }
    assertThat(files()).containsExactly("s.duckdb");
    try (Store s = Store.open(target)) {
      List<String> order = new ArrayList<>();
      s.reader().query("SELECT index, dataset, seed, split, epoch FROM metrics", rs -> order.add(
          rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getObject(3) + "/" + rs.getString(4) + "/" + rs.getInt(5)));
      assertThat(order.get(0)).isEqualTo("5/cifar10-valid/1/train/0");
      assertThat(order.get(24)).isEqualTo("5/cifar10/null/train/0");
      assertThat(order.get(72)).isEqualTo("20/cifar100/2/train/0");
      assertThat(order.get(96)).isEqualTo("5/cifar10-valid/1/x-valid/0"); // time-only rows after all values
      assertThat(order.get(96 + 33)).isEqualTo("20/cifar100/2/x-valid/0");
      assertThat(order).hasSize(96 + 44);
      assertThat(s.reader().trial(new TrialKey(5, "cifar10", 12, null))).get()
          .satisfies(t -> assertThat(t.metrics()).hasSize(35));
    }
  }

  @Test
  void rejectsBadTrialsWithOneLineMessages() throws Exception {
    try (StoreWriter w = StoreWriter.create(dir.resolve("s.duckdb"))) {
      w.addTrial(trial(3, "cifar10", 12, 777, 50));
      assertThatThrownBy(() -> w.addTrial(trial(3, "cifar10", 12, 777, 50)))
          .hasMessage("trial (index 3, cifar10, hp 12, seed 777) added twice");
      assertThatThrownBy(() -> w.addTrial(trial(3, "mnist", 12, 777, 50)))
          .hasMessageStartingWith("unknown dataset 'mnist'; expected one of cifar10-valid, cifar10, cifar100");
      assertThatThrownBy(() -> w.addTrial(new Trial(new TrialKey(4, "cifar10", 12, 1),
          List.of(EpochMetrics.of(12, Split.TRAIN, 1, 1, 1)))))
          .hasMessage("trial (index 4, cifar10, hp 12, seed 1): epoch 12 out of range, expected 0..11 for hp 12");
      assertThatThrownBy(() -> w.addTrial(new Trial(new TrialKey(4, "cifar10", 12, 1),
          List.of(EpochMetrics.of(1, Split.TRAIN, 1, 1, 1), EpochMetrics.of(1, Split.TRAIN, 2, 1, 1)))))
          .hasMessage("trial (index 4, cifar10, hp 12, seed 1): split train epoch 1 given twice");
      w.addCost(new CostRecord(3, "cifar10", 1, 1, 1));
      assertThatThrownBy(() -> w.addCost(new CostRecord(3, "cifar10", 1, 1, 1)))
          .hasMessage("costs of (index 3, cifar10) added twice");
    }
  }

  @Test
  void cannotBeUsedAfterCommit() throws Exception {
    StoreWriter w = StoreWriter.create(dir.resolve("s.duckdb"));
    w.commit();
    assertThatThrownBy(() -> w.addTrial(trial(1, "cifar10", 12, 1, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already committed");
  }

  @Test
  void refusesMissingDirectoryAndDirectoryTarget() {
    assertThatThrownBy(() -> StoreWriter.create(dir.resolve("no/such/s.duckdb")))
        .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> StoreWriter.create(dir, true))
        .isInstanceOf(StoreException.class).hasMessageContaining("is a directory");
  }
}
