package org.nb201.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nb201.analysis.Analysis;
import org.nb201.analysis.TrainingAnalysis;
import org.nb201.search.runs.SearchRunFolder;
import org.nb201.search.runs.SearchRuns;
import picocli.CommandLine.Option;

/** The options {@code nb201 analyze} and {@code nb201 report} share: the store, search runs and analysis settings. */
final class AnalysisOptions {
  @Option(names = "--store", required = true, paramLabel = "S", description = "The benchmark store.")
  Path store;

  @Option(names = "--search", paramLabel = "DIR", arity = "1..*",
      description = "Search-run folders written by 'nb201 search --out'.")
  List<Path> searches = new ArrayList<>();

  @Option(names = "--repeats", defaultValue = "100",
      description = "Random-trial repeats of the proxy correlations (default: ${DEFAULT-VALUE}, as officially).")
  int repeats;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the random trials (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--top", defaultValue = "20",
      description = "Cells listed in the best-cells table (default: ${DEFAULT-VALUE}; 0 = all).")
  int top;

  /** The analyses' inputs; reads the search-run folders (one-line errors for bad ones). */
  Analysis.Inputs inputs() {
    return inputs(repeats, seed, top, searches);
  }

  static Analysis.Inputs inputs(int repeats, long seed, int top, List<Path> searches) {
    List<SearchRuns> runs = new ArrayList<>();
    for (Path p : searches) {
      runs.add(SearchRunFolder.read(p));
    }
    return new Analysis.Inputs(new TrainingAnalysis.Options(repeats, seed), top, runs);
  }
}
