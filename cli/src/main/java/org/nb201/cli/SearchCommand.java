package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.generate.AtomicFiles;
import org.nb201.search.BenchmarkAlgorithmProvider;
import org.nb201.search.CurvePoint;
import org.nb201.search.ReportMetric;
import org.nb201.search.RunResult;
import org.nb201.search.SearchConfig;
import org.nb201.search.SearchRunner;
import org.nb201.search.SearchSummary;
import org.nb201.search.StoreOracles;
import org.nb201.search.TableOracle;
import org.nb201.space.Arch;
import org.nb201.space.algorithm.AlgorithmOption;
import org.nb201.space.algorithm.AlgorithmProvider;
import org.nb201.space.algorithm.Algorithms;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * {@code nb201 search}: the paper's benchmark-driven search protocol on a store. The algorithms, their list in
 * the help and their options come from the algorithm registry ({@link Algorithms}).
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    modelTransformer = SearchCommand.RegisteredAlgorithms.class,
    description = {
      "Run a NAS algorithm many times on a benchmark store with simulated time (the paper protocol, spec 7.1).",
      "Signal: x-valid accuracy at the last epoch of a random seed (official: hp 12 cifar10-valid); cost:",
      "train-all-time + valid-per-time. Each run's cell is reported with its hp 200 seed-mean accuracies",
      "(or, for a store of another dataset, with that dataset's accuracies at --hp)."
    })
final class SearchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<algorithm>", description = "The algorithm (listed below).")
  String algorithm;

  @Option(names = "--store", required = true, paramLabel = "S", description = "The benchmark store.")
  Path store;

  @Option(names = "--runs", defaultValue = "500", description = "Independent runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--budget", defaultValue = "12000", paramLabel = "SECONDS",
      description = "Simulated time budget per run (default: ${DEFAULT-VALUE}).")
  double budget;

  @Option(names = "--seed", defaultValue = "1",
      description = "Base seed; run r uses seed*100000+r (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads (default: all cores); results do not depend on it.")
  Integer threads;

  @Option(names = "--dataset", defaultValue = StoreOracles.DATASET, paramLabel = "D",
      description = "Dataset of the search signal (default: ${DEFAULT-VALUE}, the official one).")
  String dataset;

  @Option(names = "--hp", defaultValue = "12", description = "hp of the search signal (default: ${DEFAULT-VALUE}).")
  int hp;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(names = "--curves", paramLabel = "FILE", description = "Write every run's anytime curve as CSV.")
  Path curves;

  @Override
  public void run() {
    BenchmarkAlgorithmProvider provider = BenchmarkAlgorithmProvider.byName(algorithm);
    SearchConfig.Builder b = SearchConfig.builder(provider.parse(algorithmOptions(provider))).optRuns(runs)
        .optBudget(budget).optSeed(seed).optKeepCurves(curves != null);
    if (threads != null) {
      b.optThreads(threads);
    }
    SearchConfig config = b.build();
    try (Nb201Api api = Nb201Api.open(store)) {
      Outcome o = search(api, config, dataset, hp);
      if (curves != null) {
        writeCurves(curves, o.results());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(SearchJson.summary(config, o.summary(), store, o.wallSeconds()));
      } else {
        printTable(out, config, o.summary(), o.wallSeconds(), store.getFileName().toString());
      }
      out.flush();
    }
  }

  /**
   * The values given on the command line for the options of {@code chosen}, by option key. Options of the other
   * algorithms are checked by their owners and otherwise ignored, as {@code --lr} always was.
   */
  private Map<String, String> algorithmOptions(AlgorithmProvider chosen) {
    Map<String, String> values = Map.of();
    for (AlgorithmProvider p : Algorithms.all()) {
      Map<String, String> given = givenOptions(p);
      if (p.name().equals(chosen.name())) {
        values = given;
      } else if (!given.isEmpty()) {
        p.parse(given);
      }
    }
    return values;
  }

  private Map<String, String> givenOptions(AlgorithmProvider provider) {
    ParseResult parsed = spec.commandLine().getParseResult();
    Map<String, String> values = new LinkedHashMap<>();
    for (AlgorithmOption o : provider.options()) {
      if (parsed.hasMatchedOption(o.flag())) {
        values.put(o.key(), String.valueOf((Object) parsed.matchedOptionValue(o.flag(), null)));
      }
    }
    return values;
  }

  /**
   * Adds every registered algorithm's options to the command (one option per flag, typed so that picocli reports
   * unreadable values), names the algorithms in the usage line and lists them with what each needs.
   */
  static final class RegisteredAlgorithms implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      Map<String, List<AlgorithmProvider>> owners = new LinkedHashMap<>();
      Map<String, AlgorithmOption> options = new LinkedHashMap<>();
      for (AlgorithmProvider p : Algorithms.all()) {
        for (AlgorithmOption o : p.options()) {
          AlgorithmOption first = options.putIfAbsent(o.flag(), o);
          if (first == null && spec.findOption(o.flag()) != null) {
            throw new IllegalStateException(p.name() + "'s option " + o.flag() + " clashes with a search option");
          }
          if (first != null && first.type() != o.type()) {
            throw new IllegalStateException(o.flag() + " has two types: " + first.type().getSimpleName() + " ("
                + owners.get(o.flag()).get(0).name() + ") and " + o.type().getSimpleName() + " (" + p.name() + ")");
          }
          owners.computeIfAbsent(o.flag(), f -> new ArrayList<>()).add(p);
        }
      }
      for (Map.Entry<String, AlgorithmOption> e : options.entrySet()) {
        List<String> help = new ArrayList<>();
        for (AlgorithmProvider p : owners.get(e.getKey())) {
          AlgorithmOption o = p.options().stream().filter(x -> x.flag().equals(e.getKey())).findFirst().orElseThrow();
          help.add(o.description() + " (" + p.name() + "; default: " + number(p.defaults().describe().get(o.key()))
              + ")");
        }
        spec.addOption(OptionSpec.builder(e.getKey()).type(e.getValue().type()).paramLabel(e.getValue().label())
            .description(escape(String.join("; ", help)) + ".").build());
      }
      PositionalParamSpec name = spec.positionalParameters().get(0);
      spec.remove(name);
      spec.addPositional(name.toBuilder().paramLabel("<" + String.join("|", Algorithms.names()) + ">").build());
      int column = 2 + Algorithms.names().stream().mapToInt(String::length).max().orElse(0) + 2;
      List<String> footer = new ArrayList<>();
      for (AlgorithmProvider p : Algorithms.all()) {
        String head = String.format(Locale.ROOT, "  %-" + (column - 2) + "s", p.name());
        footer.addAll(wrap(head, p.description() + "; needs " + p.needs().description(), column,
            spec.usageMessage().width()));
      }
      spec.usageMessage().footerHeading("%nAlgorithms:%n").footer(footer.stream().map(RegisteredAlgorithms::escape)
          .toArray(String[]::new));
      return spec;
    }

    /** A default as users type it: 12, not 12.0. */
    private static String number(Object v) {
      if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return String.valueOf(v);
    }

    /** {@code text} after {@code head} in lines of at most {@code width}, continued at {@code column}. */
    static List<String> wrap(String head, String text, int column, int width) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder(head);
      for (String word : text.split(" ")) {
        if (line.length() > column && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line = new StringBuilder(" ".repeat(column));
        }
        line.append(line.length() > column ? " " : "").append(word);
      }
      lines.add(line.toString());
      return lines;
    }

    private static String escape(String help) {
      return help.replace("%", "%%");
    }
  }

  /** The runs and their summary. */
  record Outcome(List<RunResult> results, SearchSummary summary, double wallSeconds) {}

  /** Runs a search on an open store; shared with {@code nb201 demo}. */
  static Outcome search(Nb201Api api, SearchConfig config, String dataset, int hp) {
    FinalView signal = view(api, dataset, hp, StoreOracles.SPLIT);
    if (signal == null) {
      throw new IllegalArgumentException("store " + api.store().path().getFileName() + " has no hp " + hp + " " + dataset
          + " x-valid data for the search signal; it holds " + api.store().reader().trialSets().stream()
          .map(t -> t.dataset() + " hp " + t.hp()).distinct().toList()
          + " (choose one with --dataset and --hp)");
    }
    TableOracle oracle = StoreOracles.of(signal);
    long t0 = System.nanoTime();
    List<RunResult> results = SearchRunner.runAll(config, oracle);
    double wall = (System.nanoTime() - t0) / 1e9;
    boolean paper = dataset.equals(StoreOracles.DATASET) && api.hps().contains(200);
    List<ReportMetric> columns = paper ? ReportMetric.PAPER : ReportMetric.of(dataset, hp);
    Map<ReportMetric, FinalView> views = new LinkedHashMap<>();
    for (ReportMetric m : columns) {
      FinalView v = view(api, m.dataset(), m.hp(), m.split());
      if (v != null) {
        views.put(m, v);
      }
    }
    if (!paper) {
      // a store of our own reports only the splits its dataset has (the paper's columns are always shown)
      columns = columns.stream().filter(m -> views.containsKey(m) && hasValues(views.get(m))).toList();
    }
    return new Outcome(results, SearchSummary.of(results, columns, views, oracle.coverage()), wall);
  }

  private static boolean hasValues(FinalView v) {
    for (int i = 0; i < Arch.COUNT; i++) {
      if (v.seedCount(i) > 0 && Double.isFinite(v.meanAccuracy(i))) {
        return true;
      }
    }
    return false;
  }

  private static FinalView view(Nb201Api api, String dataset, int hp, String split) {
    if (!api.hps().contains(hp) || !api.store().reader().datasets().contains(dataset)) {
      return null;
    }
    return api.finalView(dataset, hp, split);
  }

  static void printTable(PrintWriter out, SearchConfig c, SearchSummary s, double wall, String storeName) {
    out.printf(Locale.ROOT, "nb201 search %s: %d runs, budget %.0f simulated s, seed %d, store %s%n", c.algorithm(),
        c.runs(), c.budget(), c.seed(), storeName);
    if (s.partialCoverage()) {
      out.printf(Locale.ROOT, "note: the store covers %d of %d cells; the algorithms search within them%n",
          s.coveredCells(), Arch.COUNT);
    }
    out.printf(Locale.ROOT, "evaluated cells per run: %.1f   simulated time per run: %.1f s   search wall time: %.3f s%n",
        s.meanEvaluated(), s.meanUsedTime(), wall);
    out.printf(Locale.ROOT, "%-24s %8s %7s %6s   %s%n", "accuracy (%)", "mean", "std", "runs", "best in store");
    for (Map.Entry<String, SearchSummary.Stat> e : s.metrics().entrySet()) {
      SearchSummary.Stat st = e.getValue();
      if (st.present() == 0) {
        out.printf(Locale.ROOT, "%-24s %8s %7s %6d   %s%n", e.getKey(), "missing", "", 0,
            Double.isNaN(st.bestPossible()) ? "(no data for it in the store)" : best(st));
      } else {
        out.printf(Locale.ROOT, "%-24s %8.2f %7.2f %6d   %s%n", e.getKey(), st.mean(), st.std(), st.present(), best(st));
      }
    }
  }

  private static String best(SearchSummary.Stat st) {
    return String.format(Locale.ROOT, "%.2f (index %d)", st.bestPossible(), st.bestIndex());
  }

  static void writeCurves(Path file, List<RunResult> results) {
    StringBuilder sb = new StringBuilder("run,seed,step,time,index,accuracy,best_index\n");
    for (RunResult r : results) {
      for (CurvePoint p : r.curve()) {
        sb.append(r.run()).append(',').append(r.seed()).append(',').append(p.step()).append(',').append(p.time())
            .append(',').append(p.index()).append(',').append(p.accuracy()).append(',').append(p.bestIndex()).append('\n');
      }
    }
    try {
      AtomicFiles.write(file, sb.toString());
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
