package org.nb201.train.bench;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.nb201.train.data.DataException;
import org.nb201.train.search.EpochProgressBar;
import org.nb201.train.search.MethodOptions;
import org.nb201.train.search.SearchEpoch;
import org.nb201.train.search.SearchMethods;
import org.nb201.train.search.SearchResult;
import org.nb201.train.search.SearchSettings;
import org.nb201.train.search.SupernetSearch;

/**
 * Runs one weight-sharing search from the command line, the library's entry point as the CLI
 * will call it: {@code SearchRunner <method> <run-folder|-> [key=value ...] [--resume] [--quiet]
 * [--json]}, keys as in {@code SearchSettings.describe()} ({@code dataset=fashion-mnist
 * data_dir=/usr/share/datasets/fashion-mnist epochs=3 C=4 N=1 train_limit=512 ...}). Shows a
 * progress bar per epoch on a terminal (not with {@code --quiet} or {@code CI} set), a line per
 * epoch with its genotype, the final cell; {@code --json} prints the result as JSON instead.
 * Errors are one line on stderr with exit code 2.
 */
public final class SearchRunner {
  private SearchRunner() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SearchRunner <darts-v1|darts-v2|gdas> <run-folder|-> [key=value ...] [--resume]"
          + " [--quiet] [--json]");
      System.exit(2);
    }
    boolean resume = false;
    boolean quiet = false;
    boolean json = false;
    SearchResult r;
    try {
      SearchSettings.Builder<?> b = SearchMethods.builder(args[0]);
      for (int i = 2; i < args.length; i++) {
        switch (args[i]) {
          case "--resume" -> resume = true;
          case "--quiet" -> quiet = true;
          case "--json" -> json = true;
          default -> {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
              throw new IllegalArgumentException("expected key=value, got '" + args[i] + "'");
            }
            b.set(args[i].substring(0, eq), args[i].substring(eq + 1));
          }
        }
      }
      MethodOptions options = b.build();
      Path out = args[1].equals("-") ? null : Path.of(args[1]);
      boolean bar = !quiet && System.getenv("CI") == null && System.console() != null;
      boolean quietEpochs = json;
      try (EpochProgressBar progress = new EpochProgressBar(bar, e -> {
        if (!quietEpochs) {
          printEpoch(e);
        }
      })) {
        r = SupernetSearch.run(options, out, resume, progress);
      }
    } catch (IllegalArgumentException | IOException | DataException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (json) {
      System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(r.toMap()));
    } else {
      System.out.printf(Locale.ROOT, "%s: %d epochs, %.1f s; final cell %d %s%n", r.method(), r.epochs().size(),
          r.seconds(), r.archIndex(), r.arch());
    }
  }

  /** The line {@code nb201 search}-style runs print per finished epoch. */
  private static void printEpoch(SearchEpoch e) {
    String valid = Double.isNaN(e.validTop1()) ? "" : String.format(Locale.ROOT, " valid %.2f%%", e.validTop1());
    String tau = e.info().containsKey("tau") ? String.format(Locale.ROOT, " tau %.3f", (Double) e.info().get("tau"))
        : "";
    System.out.printf(Locale.ROOT, "epoch %3d lr %.5f%s %6.1f s  train %.4f %.2f%%  arch %.4f %.2f%%%s  %s%n",
        e.epoch(), e.lr(), tau, e.seconds(), e.trainLoss(), e.trainTop1(), e.archLoss(), e.archTop1(), valid,
        e.genotype());
  }
}
