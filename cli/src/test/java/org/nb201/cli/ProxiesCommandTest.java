package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.ProxySet;
import org.nb201.bench.ProxyTable;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreReader;
import org.nb201.generate.Ledger;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.NetworkShape;
import org.nb201.space.Op;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Input;
import org.nb201.train.Engines;
import org.nb201.train.data.SearchData;
import org.nb201.train.proxy.BnNas;

class ProxiesCommandTest {
  @TempDir
  Path tmp;

  private static final ProxySet SYNFLOW = new ProxySet("synflow", "fashion-mnist", 4, 1, 0, 1, "none");
  private static final ProxySet NASWOT = new ProxySet("naswot", "fashion-mnist", 4, 1, 0, 16, "train");

  private CliRun proxies(Path store, String archs, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("proxies", "--store", store.toString(), "--proxies",
        "synflow,naswot,params", "--archs", archs, "--dataset", "fashion-mnist", "--data-dir",
        Fixtures.fashion().toString(), "--C", "4", "--N", "1", "--batch-size", "16", "--chunk-size", "2", "--quiet"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void scoresCellsIntoANewStoreNamesNonFiniteScoresAndResumes() throws Exception {
    Path store = tmp.resolve("p.duckdb");
    CliRun r = proxies(store, "1651,11472,0");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("3 cells in 3 chunks, 0 already done, 3 finished now, 0 failed")
        .contains("stored 9 scores in " + store + " (0 replaced earlier ones)")
        .contains("1 scores are not finite numbers (stored as NULL with their note):")
        .contains("naswot of index 1651 |none~0|+|none~0|none~1|+|none~0|none~1|none~2|: -inf:");
    try (Store s = Store.open(store)) {
      StoreReader reader = s.reader();
      assertThat(reader.proxySets()).extracting(StoreReader.ProxySetInfo::set)
          .contains(SYNFLOW, NASWOT, new ProxySet("params", "fashion-mnist", 4, 1, 0, 0, "none"));
      ProxyTable naswot = reader.proxyTable(NASWOT);
      assertThat(naswot.value(1651)).isNaN();
      assertThat(naswot.notes().get(1651)).startsWith("-inf");
      assertThat(naswot.value(11472)).isFinite();
      assertThat(reader.proxyTable(SYNFLOW).value(0)).isPositive();
      assertThat(reader.provenance()).anySatisfy(p -> {
        assertThat(p.config()).containsKey("seed");
        assertThat(p.seeds()).containsExactly(0L);
        assertThat(p.input(Input.DATA).checksum()).isNotBlank();
        assertThat(p.engine().threads()).isPositive();
      });
    }
    // a rerun does nothing again and keeps the same scores; more cells add to them
    CliRun again = proxies(store, "1651,11472,0");
    assertThat(again.out()).contains("3 already done, 0 finished now").contains("(9 replaced earlier ones)");
    CliRun more = proxies(store, "1651,11472,0,5");
    assertThat(more.out()).contains("4 cells in 4 chunks, 3 already done, 1 finished now");
    try (Store s = Store.open(store)) {
      assertThat(s.reader().rowCount("proxies")).isEqualTo(12);
    }
    // the same seed gives the same scores in another work directory
    Path other = tmp.resolve("q.duckdb");
    assertThat(proxies(other, "11472").exitCode()).isZero();
    try (Store a = Store.open(store); Store b = Store.open(other)) {
      assertThat(b.reader().proxyTable(SYNFLOW).value(11472)).isEqualTo(a.reader().proxyTable(SYNFLOW).value(11472));
      assertThat(b.reader().proxyTable(NASWOT).value(11472)).isEqualTo(a.reader().proxyTable(NASWOT).value(11472));
    }
  }

  @Test
  void bnNasTrainsOneSupernetScoresEveryCellAndFeedsAnalysisAndSearch() throws Exception {
    Path nats = tmp.resolve("nats.duckdb");
    CliRun imported = CliRun.of("import", "nats", ImportNatsCommandTest.natsSample().toString(), "--out",
        nats.toString(), "--quiet");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    int none = SearchSpace.official().indexOf(Arch.uniform(Op.NONE));
    String cells = "0,11," + none + ",11472,6111";
    CliRun r = CliRun.of("proxies", "--store", nats.toString(), "--proxies", "bn_nas", "--archs", cells, "--dataset",
        "fashion-mnist", "--data-dir", Fixtures.fashion().toString(), "--C", "4", "--N", "1", "--seed", "3",
        "--bn-nas-epochs", "1", "--bn-nas-images", "256", "--chunk-size", "2", "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("5 cells in 5 chunks, 0 already done, 5 finished now, 0 failed")
        .contains("stored 5 scores");
    ProxySet set = new ProxySet("bn_nas", "fashion-mnist", 4, 1, 3, 64, "train");
    // the same supernet trained here: every stored score is its indicator
    SearchData data = SearchData.load(Dataset.FASHION_MNIST, Fixtures.fashion(), null, false);
    NetworkShape shape = NetworkShape.of(Dataset.FASHION_MNIST).withCells(4, 1);
    Engine engine = Engines.pytorch(1);
    try (Store s = Store.open(nats); NDManager root = engine.newBaseManager();
        BnNas b = BnNas.train(data, shape, true, BnNas.Settings.of(1, 256, 3), engine, root)) {
      ProxyTable t = s.reader().proxyTable(set);
      assertThat(t.valueCount()).isEqualTo(5);
      for (String c : cells.split(",")) {
        int i = Integer.parseInt(c);
        double expected = b.indicator(SearchSpace.official().arch(i));
        assertThat(t.value(i)).as("cell %d", i).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
      }
      assertThat(t.value(none)).isZero();
      assertThat(t.value(11472)).isPositive();
      assertThat(s.reader().provenance()).anySatisfy(p -> assertThat(p.config()).containsEntry("bn_nas_epochs", 1.0)
          .containsEntry("bn_nas_images", 256.0).containsEntry("bn_nas_images_seen", 256.0).containsKey(
              "bn_nas_train_seconds"));
      // trained once: the five chunks' provenance rows name the same training
      assertThat(s.reader().provenance().stream().filter(p -> p.config().containsKey("bn_nas_train_seconds"))
          .map(p -> p.config().get("bn_nas_train_seconds")).toList()).hasSize(5).containsOnly(
              s.reader().provenance().stream().filter(p -> p.config().containsKey("bn_nas_train_seconds"))
                  .findFirst().orElseThrow().config().get("bn_nas_train_seconds"));
    }
    CliRun analysis = CliRun.of("analyze", "proxies", "--store", nats.toString());
    assertThat(analysis.exitCode()).as(analysis.err()).isZero();
    assertThat(analysis.out()).contains("bn_nas on fashion-mnist (C4 N1, seed 3, batch 64, train)")
        .containsPattern("C10-test +bn_nas +bn_nas on fashion-mnist \\(C4 N1, seed 3, batch 64, train\\) +2 ");
    CliRun search = CliRun.of("search", "proxy", "--store", nats.toString(), "--proxy", "bn_nas", "--sample", "2",
        "--runs", "3");
    assertThat(search.exitCode()).as(search.err()).isZero();
    assertThat(search.out()).contains("best of 2 random cells by bn_nas on fashion-mnist");
    CliRun rea = CliRun.of("search", "rea", "--store", nats.toString(), "--warmup-proxy", "bn_nas", "--warmup-pool",
        "2", "--runs", "2");
    assertThat(rea.exitCode()).as(rea.err()).isZero();
    CliRun workers = CliRun.of("proxies", "--store", nats.toString(), "--proxies", "bn_nas", "--archs", "0",
        "--dataset", "fashion-mnist", "--data-dir", Fixtures.fashion().toString(), "--workers", "2");
    assertThat(workers.exitCode()).isEqualTo(2);
    assertThat(workers.err()).contains("run it with --workers 1").hasLineCount(1);
    CliRun cifar = CliRun.of("proxies", "--store", nats.toString(), "--proxies", "bn_nas", "--dataset", "cifar10");
    assertThat(cifar.exitCode()).isEqualTo(2);
    assertThat(cifar.err()).contains("use cifar10-valid").hasLineCount(1);
  }

  @Test
  void badInputsAreOneLineErrors() throws Exception {
    Path store = tmp.resolve("p.duckdb");
    CliRun unknown = CliRun.of("proxies", "--store", store.toString(), "--proxies", "synflo", "--dataset", "cifar10");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).hasLineCount(1)
        .contains("unknown proxy 'synflo'; expected one of params, flops, synflow");
    CliRun noise = CliRun.of("proxies", "--store", store.toString(), "--proxies", "naswot,snip", "--dataset",
        "cifar10", "--batch", "noise");
    assertThat(noise.exitCode()).isEqualTo(2);
    assertThat(noise.err()).hasLineCount(1)
        .contains("proxy snip needs labelled training images and cannot use a noise batch");
    CliRun nodata = CliRun.of("proxies", "--store", store.toString(), "--proxies", "naswot", "--dataset", "cifar100",
        "--data-dir", tmp.resolve("nothing").toString());
    assertThat(nodata.exitCode()).isEqualTo(2);
    assertThat(nodata.err()).hasLineCount(1).contains("--data-dir " + tmp.resolve("nothing"))
        .contains("does not exist; expected an existing folder");
    CliRun dataset = CliRun.of("proxies", "--store", store.toString(), "--proxies", "params", "--dataset", "mnist");
    assertThat(dataset.exitCode()).isEqualTo(2);
    assertThat(dataset.err()).hasLineCount(1).contains("unknown dataset 'mnist'");
    CliRun noStore = CliRun.of("proxies", "--store", store.toString(), "--proxies", "params");
    assertThat(noStore.exitCode()).isEqualTo(2);
    assertThat(noStore.err()).contains("does not exist yet; give --dataset");
    assertThat(store).doesNotExist();
  }

  @Test
  void resumesAfterKillMinus9OfTheRealCommand() throws Exception {
    Path store = tmp.resolve("k.duckdb");
    Path work = tmp.resolve("work");
    String[] args = {"proxies", "--store", store.toString(), "--proxies", "synflow,naswot,snip", "--archs",
        "0-11", "--dataset", "fashion-mnist", "--data-dir", Fixtures.fashion().toString(), "--C", "4", "--N", "1",
        "--batch-size", "16", "--chunk-size", "1", "--work", work.toString(), "--quiet"};
    Process child = Child.start(tmp.resolve("child.log"), args);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (done(work) < 2 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(child.isAlive()).as("still scoring when killed; log: " + Files.readString(tmp.resolve("child.log")))
        .isTrue();
    child.destroyForcibly().waitFor();
    assertThat(store).doesNotExist(); // killed before it collected
    int already = done(work); // a result whose ledger line was lost is recovered, not redone
    assertThat(already).isBetween(2, 11);
    CliRun resumed = CliRun.of(args);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("12 cells in 12 chunks, " + already + " already done, " + (12 - already)
        + " finished now, 0 failed").contains("stored 36 scores");
    // every chunk was scored once: one done (or recovered) line each, never two
    assertThat(Ledger.read(work).stream().filter(e -> e.event().equals("done") || e.event().equals("recovered"))
        .map(Ledger.Entry::id).distinct().count()).isEqualTo(12);
    assertThat(Ledger.read(work).stream().filter(e -> e.event().equals("done")).map(Ledger.Entry::id).distinct()
        .count()).isEqualTo(Ledger.read(work).stream().filter(e -> e.event().equals("done")).count());
  }

  /** Result files written so far. */
  private static int done(Path work) throws Exception {
    Path results = work.resolve("results");
    if (!Files.isDirectory(results)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(results)) {
      return (int) s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
    }
  }
}
