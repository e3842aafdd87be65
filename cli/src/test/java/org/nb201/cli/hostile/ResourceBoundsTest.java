package org.nb201.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.cli.CliRun;
import org.nb201.cli.Fixtures;

/**
 * Bounded memory and time: inputs that would exhaust the heap, the machine or the clock are refused
 * up front with one line naming the option and its limit; views are sized by what the store holds.
 * The inputs that would take a JVM down if they were accepted run in a child JVM with a small heap
 * and a time limit.
 */
class ResourceBoundsTest {
  private static final List<String> SMALL_HEAP = List.of("-Xmx128m");

  @TempDir
  static Path shared;
  static Path store;

  @TempDir
  Path dir;

  @BeforeAll
  static void sampleStore() throws Exception {
    store = Fixtures.sampleStore(shared);
  }

  private static void refused(CliRun r, String expected) {
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).contains(expected).doesNotContain("\tat ");
    assertThat(r.err().lines()).hasSize(1);
  }

  private static void refused(BoundedChild r, String expected) {
    assertThat(r.timedOut()).as("still running at the time limit: %s", r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
    assertThat(r.output()).contains(expected).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    assertThat(r.output().lines()).hasSize(1);
  }

  @Test
  void searchRefusesMoreRunsThanTheHeapHoldsAndRunsTheMostItAllows() throws Exception {
    BoundedChild r = BoundedChild.run(dir.resolve("runs.log"), 120, SMALL_HEAP, "search", "rea", "--store",
        store.toString(), "--runs", "1000000000");
    refused(r, "nb201: error: --runs 1000000000 needs about 238.4 GB of heap (256 B per run) but this JVM has ");
    assertThat(r.output()).contains("NB201_JAVA_OPTS=-Xmx");
    Matcher most = Pattern.compile("use at most --runs (\\d+)").matcher(r.output());
    assertThat(most.find()).isTrue();
    // the estimate is not optimistic: nine tenths of the largest count it allows (the heap left varies a
    // little from start to start) run in the same heap
    String runs = Long.toString(Long.parseLong(most.group(1)) * 9 / 10);
    BoundedChild ok = BoundedChild.run(dir.resolve("most.log"), 300, SMALL_HEAP, "search", "rs", "--store",
        store.toString(), "--runs", runs, "--budget", "200", "--json");
    assertThat(ok.timedOut()).isFalse();
    assertThat(ok.exitCode()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("\"runs\": " + runs);
  }

  @Test
  void searchOnAStoreWithThousandsOfSeedsOfOneCellFitsInASmallHeap() throws Exception {
    List<String> rows = new ArrayList<>(List.of("index,arch,dataset,hp,seed,epoch,split,accuracy,loss,time"));
    for (int seed = 0; seed < 3000; seed++) {
      rows.add("0,,cifar10-valid,1," + seed + ",0,train,50,1,10");
      rows.add("0,,cifar10-valid,1," + seed + ",0,x-valid," + seed % 100 + ",1,1");
    }
    Path csv = Files.write(dir.resolve("seeds.csv"), rows);
    Path seeds = dir.resolve("seeds.duckdb");
    assertThat(CliRun.of("import", "csv", csv.toString(), "--out", seeds.toString()).exitCode()).isZero();
    // a view of 15,625 x 3,000 slots would be 1.7 GB; one entry per trial is 108 KB
    BoundedChild r = BoundedChild.run(dir.resolve("seeds.log"), 120, SMALL_HEAP, "search", "rs", "--store",
        seeds.toString(), "--hp", "1", "--runs", "3", "--budget", "110", "--json");
    assertThat(r.exitCode()).as(r.output()).isZero();
    // 10 s of training + 1 s of x-valid per evaluation: 10 fit in 110 s
    assertThat(r.output()).contains("\"mean_evaluated\": 10.0").contains("\"mean_simulated_time\": 110.0");
  }

  @Test
  void searchRefusesABudgetNoRunCanUseUpInReasonableTime() throws Exception {
    // one evaluation of the sample's cell costs 12 x 7.2211 s of training + one 2.549 s x-valid pass = 89.2022 s
    BoundedChild r = BoundedChild.run(dir.resolve("budget.log"), 60, List.of(), "search", "rs", "--store",
        store.toString(), "--runs", "2", "--budget", "1e300");
    refused(r, "nb201: error: --budget 1e+300 is too large: the cheapest evaluation in the store costs 89.2022"
        + " simulated s, so a run could make 1.12e+298 evaluations; at most 100,000 are allowed, so --budget may be at"
        + " most 8.92022e+06");
    CliRun ok = CliRun.of("search", "rs", "--store", store.toString(), "--runs", "2", "--budget", "8.92e6", "--json");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("\"mean_evaluated\": 99997.0"); // 8,920,000 s / 89.2022 s
    refused(CliRun.of("search", "rs", "--store", store.toString(), "--runs", "2", "--threads", "100000"),
        "--threads must be in 1..");
  }

  /**
   * Each bad training option is refused before the data is read: the data folder does not exist, so
   * a command that checked late would fail on it instead (or, with data, hang or grow without bound).
   */
  @Test
  void trainBoundsItsOptionsAndRefusesANetworkThatCannotFit() {
    String none = dir.resolve("no-data").toString();
    String[] train = {"train", "--arch", "1462", "--dataset", "fashion-mnist", "--data-dir", none};
    refused(run(train, "--threads", "100000"), "nb201: error: --threads must be in 0..");
    refused(run(train, "--N", "100000"), "nb201: error: --N must be in 0..1000, got 100000");
    refused(run(train, "--C", "100000"), "nb201: error: --C must be in 1..4096, got 100000");
    refused(run(train, "--batch-size", "1000000"), "nb201: error: --batch-size must be in 1..65536, got 1000000");
    CliRun big = run(train, "--N", "1000", "--batch-size", "65536");
    refused(big, "at C16 N1000 with --batch-size 65536 needs about ");
    assertThat(big.err()).containsPattern("needs about [0-9.]+ GB \\(activations of a batch [0-9.]+ GB, parameters"
        + " with gradients and momentum [0-9.]+ GB, batch buffers [0-9.]+ [MG]B, runtime and data 512 MB\\) but this"
        + " machine has [0-9.]+ GB; use a smaller --batch-size, --C or --N");
  }

  /** On cifar10, whose data is nowhere here: a generate that checked late would fail its trial instead of training. */
  @Test
  void generateBoundsItsThreads() throws Exception {
    Path plan = dir.resolve("plan.jsonl");
    assertThat(CliRun.of("plan", "--archs", "0", "--datasets", "cifar10", "--hp", "1", "--out", plan.toString())
        .exitCode()).isZero();
    Path out = dir.resolve("gen");
    refused(CliRun.of("generate", "--plan", plan.toString(), "--out", out.toString(), "--threads-per-worker", "100000",
        "--data-dir", dir.resolve("no-data").toString(), "--quiet"), "--threads-per-worker must be in 1..");
    assertThat(out).doesNotExist();
  }

  private static CliRun run(String[] base, String... more) {
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }
}
