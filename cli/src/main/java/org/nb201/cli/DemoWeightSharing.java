package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;
import org.nb201.train.search.RunFolder;
import org.nb201.train.search.SearchMethods;

/**
 * The demo's weight-sharing part: one gradient-based and one sampling-based method of {@code nb201 search}
 * on the demo's Fashion-MNIST setting (a small supernet, a few epochs), each in a resumable run folder,
 * then the chosen cell's accuracy in the demo's benchmark store, or that the benchmark does not hold it.
 */
final class DemoWeightSharing {
  /** The gradient-based method and the sampling-based one the demo runs (the first that is registered). */
  static final List<String> METHODS = List.of("darts-v1", "rsps");

  private DemoWeightSharing() {}

  /** The methods of {@link #METHODS} that this build has. */
  static List<String> available() {
    List<String> names = new ArrayList<>(METHODS);
    names.retainAll(SearchMethods.names());
    return names;
  }

  /**
   * Runs each method through {@code nb201 search} (so the output is the command's) with its run folder under
   * {@code runs}; a finished folder is reused, an interrupted one resumed.
   */
  static void run(PrintWriter out, PrintWriter err, Path store, Path data, Path runs, Settings s) {
    for (String method : available()) {
      Path dir = runs.resolve(method);
      List<String> args = new ArrayList<>(List.of("search", method, "--dataset", Dataset.FASHION_MNIST.key(),
          "--data-dir", data.toString(), "--epochs", Integer.toString(s.epochs()), "--C",
          Integer.toString(s.channels()), "--N", Integer.toString(s.cells()), "--batch-size",
          Integer.toString(s.batchSize()), "--train-limit", Integer.toString(s.trainLimit()), "--valid-limit",
          Integer.toString(s.validLimit()), "--seed", "1", "--store", store.toString(), "--hp",
          Integer.toString(s.hp()), "--out", dir.toString()));
      if (Files.exists(dir.resolve(RunFolder.RUN_FILE))) {
        args.add("--resume");
      }
      if (s.quiet()) {
        args.add("--quiet");
      }
      out.println();
      out.println("$ nb201 " + String.join(" ", args));
      out.flush();
      int code = Nb201.run(out, err, args.toArray(String[]::new));
      if (code != 0) {
        throw new UserException("the demo's " + method + " search failed (exit " + code + "); rerun 'nb201 demo'"
            + " to continue it from " + dir);
      }
      int index = chosen(dir);
      try (Nb201Api api = Nb201Api.open(store)) {
        out.println(inBenchmark(api, method, index, s.hp()));
      }
    }
  }

  /** The cell the finished run in {@code dir} chose, from its run file. */
  private static int chosen(Path dir) {
    try {
      RunFolder.State state = RunFolder.open(dir);
      if (!state.finished()) {
        throw new UserException("the run in " + dir + " has not finished; rerun 'nb201 demo' to continue it");
      }
      return ((Number) state.result().get("arch_index")).intValue();
    } catch (IOException e) {
      throw new UserException("cannot read the run folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /** One line: the cell's x-test accuracy in the demo's benchmark, or that the benchmark does not hold it. */
  static String inBenchmark(Nb201Api api, String method, int index, int hp) {
    FinalView v = api.finalView(Dataset.FASHION_MNIST.key(), hp, Split.X_TEST.key());
    String cell = "cell " + index + " " + SearchSpace.official().arch(index);
    if (v.seedCount(index) == 0) {
      int held = 0;
      for (int i = 0; i < Arch.COUNT; i++) {
        held += v.seedCount(i) > 0 ? 1 : 0;
      }
      return String.format(Locale.ROOT, "%s chose %s: not in the demo's benchmark (it holds %d of %d cells)",
          method, cell, held, Arch.COUNT);
    }
    return String.format(Locale.ROOT, "%s chose %s: x-test %.2f%% in the demo's benchmark", method, cell,
        v.meanAccuracy(index));
  }

  /** The supernet settings of the demo's searches (its network and data limits). */
  record Settings(int epochs, int channels, int cells, int batchSize, int trainLimit, int validLimit, int hp,
      boolean quiet) {}
}
