package org.nb201.search.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.bench.store.StoreWriter;
import org.nb201.search.ReinforceOptions;
import org.nb201.search.RunResult;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchRunner;
import org.nb201.search.TableOracle;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;
import org.nb201.space.provenance.Provenance;

/**
 * A run folder written from real runs reads back exactly (header, every run, every curve point,
 * missing values as missing), is never silently overwritten, and bad folders fail with one line
 * naming the file and line.
 */
class SearchRunFolderTest {
  @TempDir
  static Path dir;
  static Path storeFile;
  static List<RunResult> results;
  static SearchConfig config;

  @BeforeAll
  static void runOnATinyStore() {
    storeFile = dir.resolve("tiny.duckdb");
    try (StoreWriter w = StoreWriter.create(storeFile)) {
      w.addProvenance(Provenance.of("SearchRunFolderTest", Map.of()));
      // cifar10 ori-test hp 200 for cells 0 and 1 (two seeds each); cell 2 has no value
      double[][] acc = {{85.62, 86.18}, {91.55, 91.6}};
      for (int i = 0; i < 2; i++) {
        for (int k = 0; k < 2; k++) {
          w.addTrial(new Trial(new TrialKey(i, "cifar10", 200, 777 + 111 * k),
              List.of(EpochMetrics.of(199, Split.ORI_TEST, acc[i][k], 0.5, 1.0))));
        }
      }
      w.commit();
    }
    double[][] signal = new double[Arch.COUNT][];
    double[][] cost = new double[Arch.COUNT][];
    for (int i = 0; i < 3; i++) {
      signal[i] = new double[] {60 + i, 61 + i};
      cost[i] = new double[] {100, 120};
    }
    config = SearchConfig.builder(ReinforceOptions.defaults()).optRuns(4).optBudget(1_000).optSeed(7).optThreads(1)
        .optKeepCurves(true).build();
    results = SearchRunner.runAll(config, new TableOracle(signal, cost));
  }

  private static Path write(String name, boolean overwrite) {
    Path out = dir.resolve(name);
    try (Store s = Store.open(storeFile)) {
      Map<String, FinalView> views = new LinkedHashMap<>();
      views.put("cifar10/ori-test", FinalView.load(s, "cifar10", 200, "ori-test"));
      SearchRunFolder.write(out, config, new SearchRuns.Signal("cifar10-valid", 12, "x-valid"),
          StoreIdentity.of(s, true), results, views, 0.25, overwrite);
    }
    return out;
  }

  @Test
  void readsBackEveryRunAndCurvePointExactly() throws Exception {
    Path out = write("runs", false);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("config.json", "runs.jsonl",
          "curves.csv");
    }
    SearchRuns r = SearchRunFolder.read(out);
    SearchRuns.Header h = r.header();
    assertThat(r.folder()).isEqualTo("runs");
    assertThat(h.algorithm()).isEqualTo("reinforce");
    assertThat(h.runs()).isEqualTo(4);
    assertThat(h.budget()).isEqualTo(1_000);
    assertThat(h.seed()).isEqualTo(7);
    assertThat(h.options()).containsEntry("lr", "0.5");
    assertThat(h.signal()).isEqualTo(new SearchRuns.Signal("cifar10-valid", 12, "x-valid"));
    assertThat(h.metrics()).containsExactly("cifar10/ori-test");
    assertThat(h.store().file()).isEqualTo("tiny.duckdb");
    assertThat(h.store().sha256()).isEqualTo(Provenance.ofFile(storeFile, Map.of()).primary().sha256());
    assertThat(h.wallSeconds()).isEqualTo(0.25);
    assertThat(r.runs()).hasSize(4);
    for (int k = 0; k < 4; k++) {
      RunResult x = results.get(k);
      SearchRuns.Run y = r.runs().get(k);
      int best = SearchSpace.official().indexOf(x.best());
      assertThat(y.run()).isEqualTo(k);
      assertThat(y.seed()).isEqualTo(7 * 100_000L + k);
      assertThat(y.bestIndex()).isEqualTo(best);
      assertThat(y.evaluated()).isEqualTo(x.evaluated());
      assertThat(y.usedTime()).isEqualTo(x.usedTime());
      double expected = best == 0 ? (85.62 + 86.18) / 2 : best == 1 ? (91.55 + 91.6) / 2 : Double.NaN;
      assertThat(y.metrics().get("cifar10/ori-test")).isEqualTo(Double.valueOf(expected)); // NaN equals NaN boxed
      assertThat(r.curves().get(k)).isEqualTo(x.curve());
    }
    assertThat(r.epochs()).isEmpty();
    // a returned cell without the value is written as null, not 0
    boolean anyMissing = r.runs().stream().anyMatch(x -> x.bestIndex() == 2);
    assertThat(Files.readString(out.resolve("runs.jsonl")).contains("\"cifar10/ori-test\":null")).isEqualTo(anyMissing);
  }

  @Test
  void refusesToReplaceRunsUnlessAskedAndLeavesNoTemporaryFiles() throws Exception {
    Path out = write("again", false);
    assertThatThrownBy(() -> write("again", false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already holds search runs (config.json)");
    write("again", true);
    try (var files = Files.list(out)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("."))).isEmpty();
    }
  }

  @Test
  void weightSharingEpochsAreReadWhenPresent() throws Exception {
    Path out = write("ws", false);
    Files.writeString(out.resolve("epochs.csv"), "run,epoch,index\n0,0,5\n0,1,1462\n1,0,11472\n");
    assertThat(SearchRunFolder.read(out).epochs()).containsExactly(new SearchRuns.EpochPoint(0, 0, 5),
        new SearchRuns.EpochPoint(0, 1, 1462), new SearchRuns.EpochPoint(1, 0, 11472));
  }

  @Test
  void badFoldersFailWithTheFileAndLine() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> SearchRunFolder.read(empty)).hasMessageContaining("not a complete search-run folder"
        + " (no config.json)");
    assertThatThrownBy(() -> SearchRunFolder.read(dir.resolve("absent"))).hasMessageContaining("not found");
    Path bad = write("bad", false);
    List<String> lines = new ArrayList<>(Files.readAllLines(bad.resolve("runs.jsonl")));
    lines.set(1, "{\"run\": 1, \"seed\": oops}");
    Files.write(bad.resolve("runs.jsonl"), lines);
    assertThatThrownBy(() -> SearchRunFolder.read(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runs.jsonl:2: not a run record");
    Path header = write("header", false);
    Files.writeString(header.resolve("curves.csv"), "run,step\n0,1\n");
    assertThatThrownBy(() -> SearchRunFolder.read(header)).hasMessageContaining("curves.csv:1: header is 'run,step'");
    Path row = write("row", false);
    Files.writeString(row.resolve("curves.csv"), SearchRunFolder.CURVES_HEADER + "\n0,1,2\n");
    assertThatThrownBy(() -> SearchRunFolder.read(row)).hasMessageContaining("curves.csv:2: bad row '0,1,2'");
    Path format = write("format", false);
    Files.writeString(format.resolve("config.json"), Files.readString(format.resolve("config.json"))
        .replace("\"format_version\": 1", "\"format_version\": 9"));
    assertThatThrownBy(() -> SearchRunFolder.read(format)).hasMessageContaining("format version 9");
  }
}
