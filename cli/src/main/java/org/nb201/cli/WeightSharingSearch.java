package org.nb201.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nb201.bench.query.FinalView;
import org.nb201.bench.query.Nb201Api;
import org.nb201.search.ReportMetric;
import org.nb201.search.SearchSummary;
import org.nb201.search.StoreSearch;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.Messages;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.TrainConfig;
import org.nb201.train.data.DataException;
import org.nb201.train.search.EpochProgressBar;
import org.nb201.train.search.MethodOptions;
import org.nb201.train.search.RunFolderException;
import org.nb201.train.search.SearchEpoch;
import org.nb201.train.search.SearchResult;
import org.nb201.train.search.SearchSettings;
import org.nb201.train.search.SupernetSearch;
import org.nb201.train.search.WeightSharingProvider;
import picocli.CommandLine.Option;

/**
 * {@code nb201 search <weight-sharing method>}: trains the supernet on real data with one of the registered
 * weight-sharing methods ({@link SupernetSearch}), prints every epoch's record and genotype as it finishes and
 * the final cell; with {@code --store} the cell's results in a benchmark store (the columns of {@code nb201
 * search rea}) and every epoch's genotype looked up too (the weight-sharing learning curve). The options here
 * are the ones only these methods take; {@link SearchCommand} holds the shared ones.
 */
final class WeightSharingSearch {
  /** The official lookup: 200-epoch results. */
  static final int LOOKUP_HP = 200;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Weight-sharing: folder with the dataset's files and split files (default: $NB201_DATA;"
          + " fashion-mnist also Debian's /usr/share/datasets/fashion-mnist or the copy 'nb201 demo' fetched).")
  Path dataDir;

  @Option(names = "--split-dir", paramLabel = "DIR",
      description = "Weight-sharing: folder with the official split files (default: --data-dir, then its splits/).")
  Path splitDir;

  @Option(names = "--epochs", paramLabel = "E",
      description = "Weight-sharing: search epochs (default: the official config's, 50 for DARTS, 240 for GDAS).")
  Integer epochs;

  @Option(names = "--C", defaultValue = "16", description = "Weight-sharing: stem width C (default: ${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--N", defaultValue = "5",
      description = "Weight-sharing: cells per stage N (default: ${DEFAULT-VALUE}).")
  int cells;

  @Option(names = "--batch-size", defaultValue = "64", paramLabel = "B",
      description = "Weight-sharing: batch size (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--train-limit", defaultValue = "0", paramLabel = "K",
      description = "Weight-sharing: the first K images of the training half only (0 = all).")
  int trainLimit;

  @Option(names = "--valid-limit", defaultValue = "0", paramLabel = "K",
      description = "Weight-sharing: the first K images of the validation half only (0 = all).")
  int validLimit;

  @Option(names = "--bn-track", defaultValue = "0", paramLabel = "0|1",
      description = "Weight-sharing: 1 = the cells' batch norms keep running statistics (the scripts' BN argument);"
          + " default 0 = batch statistics in evaluation too.")
  int bnTrack;

  @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
      description = "Weight-sharing: device (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--no-verify", description = "Weight-sharing: do not check the MD5s of the official data files.")
  boolean noVerify;

  @Option(names = "--resume", description = "Weight-sharing: continue the run in --out from its last checkpoint"
      + " (a finished run's result is printed again).")
  boolean resume;

  @Option(names = "--quiet", description = "Weight-sharing: no progress bar.")
  boolean quiet;

  /** The flags above, which the benchmark-driven algorithms refuse. */
  static final List<String> FLAGS = List.of("--data-dir", "--split-dir", "--epochs", "--C", "--N", "--batch-size",
      "--train-limit", "--valid-limit", "--bn-track", "--device", "--no-verify", "--resume", "--quiet");

  /** What the shared options of {@code nb201 search} say. */
  record Shared(String dataset, long seed, Integer threads, Path store, Integer hp, Path out, boolean json) {}

  /** Runs {@code method} with its own settings {@code own}. */
  void run(WeightSharingProvider.Options own, Shared c, PrintWriter out) {
    MethodOptions options = options(own, c);
    if (resume && c.out() == null) {
      throw new UserException("--resume needs --out RUN, the run folder of the run to continue");
    }
    int hp = c.hp() == null ? LOOKUP_HP : c.hp();
    try (Nb201Api api = c.store() == null ? null : Nb201Api.open(c.store())) {
      Lookup lookup = api == null ? null : new Lookup(api, c.store(), options.settings().dataset(), hp);
      Rows rows = c.json() ? null : new Rows(out, options, lookup);
      SearchResult r;
      try (EpochProgressBar progress = new EpochProgressBar(showProgress(), e -> {
        if (rows != null) {
          rows.row(e);
        }
      })) {
        r = SupernetSearch.run(options, c.out(), resume, progress);
      } catch (DataException e) {
        throw new UserException(e.getMessage(), e);
      } catch (RunFolderException e) {
        throw new UserException(e.getMessage(), e); // names the file and what to do
      } catch (IOException e) {
        throw new UserException("cannot use run folder " + c.out() + ": " + Messages.reason(c.out(), e), e);
      }
      if (c.json()) {
        out.println(json(r, lookup, c));
      } else {
        rows.finish(r);
        printFinal(out, r, lookup, c);
      }
      out.flush();
    }
  }

  private MethodOptions options(WeightSharingProvider.Options own, Shared c) {
    if (epochs != null && epochs < 1) {
      throw new UserException("--epochs must be at least 1, got " + epochs);
    }
    if (bnTrack != 0 && bnTrack != 1) {
      throw new UserException("--bn-track must be 0 or 1, got " + bnTrack);
    }
    if (c.seed() < Integer.MIN_VALUE || c.seed() > Integer.MAX_VALUE) {
      throw new UserException("--seed of a weight-sharing search must fit in 32 bits, got " + c.seed());
    }
    Dataset d = Dataset.byKey(c.dataset());
    Path dir = dataDir != null ? dataDir : DataLocations.resolve(null).get(d);
    DataLocations.requireFolder(dataDir, "--data-dir");
    if (dir == null) {
      if (d != Dataset.FASHION_MNIST) {
        throw new UserException("--data-dir is required for " + d.key() + " (or set NB201_DATA)");
      }
      dir = DataLocations.FASHION_DEBIAN; // absent: the data reader names it and what is missing
    }
    SearchSettings.Builder<?> b = WeightSharingProvider.builder(own).setDataset(d).setDataDir(dir)
        .optSplitDir(splitDir).optVerifyData(!noVerify).optShape(channels, cells).optBatchSize(batchSize)
        .optTrainLimit(trainLimit).optValidLimit(validLimit).optBnTrack(bnTrack == 1).optSeed((int) c.seed())
        .optThreads(c.threads() == null ? 0 : c.threads()).optDevice(TrainConfig.Device.parse(device));
    if (epochs != null) {
      b.optEpochs(epochs);
    }
    return b.build();
  }

  private boolean showProgress() {
    return !quiet && System.getenv("CI") == null && System.console() != null;
  }

  /** The store's report columns for the searched cells and each cell's seed-mean accuracy on them. */
  static final class Lookup {
    final Path store;
    final StoreSearch.Report report;
    final int hp;
    final Input input;

    Lookup(Nb201Api api, Path store, Dataset searched, int hp) {
      this.store = store;
      this.hp = hp;
      this.input = api.store().fileInput();
      // the paper looks the cell up on every dataset of the benchmark; a store of our own on its dataset
      boolean benchmark = api.store().reader().datasets().contains(Dataset.CIFAR10_VALID.key()) && hp == LOOKUP_HP;
      this.report = StoreSearch.report(api, benchmark ? Dataset.CIFAR10_VALID.key() : searched.key(), hp);
    }

    /** The cell's seed-mean accuracy per column key, NaN where the store has none. */
    Map<String, Double> of(Arch cell) {
      int index = SearchSpace.official().indexOf(cell);
      Map<String, Double> m = new LinkedHashMap<>();
      for (ReportMetric col : report.columns()) {
        FinalView v = report.views().get(col);
        m.put(col.key(), v != null && v.seedCount(index) > 0 ? v.meanAccuracy(index) : Double.NaN);
      }
      return m;
    }

    Map<String, SearchSummary.Stat> stats(Arch cell) {
      return SearchSummary.metrics(List.of(cell), report.columns(), report.views());
    }

    /** The first column, shown in every epoch's row. */
    String headline() {
      return report.columns().isEmpty() ? null : report.columns().get(0).key();
    }
  }

  /** The epoch table on standard output, one row as each epoch finishes. */
  private static final class Rows {
    private final PrintWriter out;
    private final Lookup lookup;
    private final Set<Integer> printed = new HashSet<>();
    private boolean header;

    Rows(PrintWriter out, MethodOptions o, Lookup lookup) {
      this.out = out;
      this.lookup = lookup;
      SearchSettings s = o.settings();
      out.printf(Locale.ROOT, "%s on %s  C%d N%d  batch %d  bn-track %d  seed %d  %d epochs%n", o.method(),
          s.dataset().key(), s.channels(), s.cells(), s.batchSize(), s.bnTrack() ? 1 : 0, s.seed(), s.epochs());
      out.flush();
    }

    void row(SearchEpoch e) {
      if (!header) {
        String head = String.format(Locale.ROOT, "%5s %9s %8s %7s %10s %9s %9s %8s %9s", "epoch", "lr", "seconds",
            "images", "train-loss", "train-acc", "arch-loss", "arch-acc", "valid-acc");
        if (lookup != null && lookup.headline() != null) {
          head += String.format(Locale.ROOT, " %22s", lookup.headline());
        }
        out.println(head + "  genotype");
        header = true;
      }
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d %9.6f %8.2f %7d %10.4f %9.2f %9s %8s %9s",
          e.epoch(), e.lr(), e.seconds(), e.images(), e.trainLoss(), e.trainTop1(), fixed(e.archLoss(), 4),
          fixed(e.archTop1(), 2), fixed(e.validTop1(), 2)));
      if (lookup != null && lookup.headline() != null) {
        row.append(String.format(Locale.ROOT, " %22s", fixed(lookup.of(e.genotype()).get(lookup.headline()), 2)));
      }
      out.println(row.append("  ").append(e.genotype()));
      out.flush();
      printed.add(e.epoch());
    }

    /** Rows of epochs the run had recorded before (a resumed run). */
    void finish(SearchResult r) {
      r.epochs().stream().filter(e -> !printed.contains(e.epoch())).forEach(this::row);
    }
  }

  private static String fixed(double x, int digits) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%." + digits + "f", x) : "-";
  }

  private static void printFinal(PrintWriter out, SearchResult r, Lookup lookup, Shared c) {
    out.printf(Locale.ROOT, "cell %d %s%n", r.archIndex(), r.arch());
    out.printf(Locale.ROOT, "searched %d epochs in %.1f s (%d training images per epoch)%n", r.epochs().size(),
        r.seconds(), r.epochs().isEmpty() ? 0 : r.epochs().get(0).images());
    if (c.out() != null) {
      out.println("run folder: " + c.out() + " (run.jsonl, checkpoint.bin)");
    }
    if (lookup != null) {
      if (lookup.report.columns().isEmpty()) {
        out.println("store " + lookup.store + ": no results to look the cell up in (no hp " + lookup.hp + " data for "
            + r.config().get("dataset") + ")");
        return;
      }
      out.println("in store " + lookup.store + " (seed-mean accuracy %, best cell of the store):");
      for (Map.Entry<String, SearchSummary.Stat> e : lookup.stats(r.arch()).entrySet()) {
        SearchSummary.Stat s = e.getValue();
        String best = s.bestIndex() >= 0 ? String.format(Locale.ROOT, "best %.2f (cell %d)", s.bestPossible(),
            s.bestIndex()) : "no data in the store";
        out.printf(Locale.ROOT, "  %-22s %8s  %s%n", e.getKey(), s.present() > 0 ? fixed(s.mean(), 2) : "missing",
            best);
      }
    }
  }

  private static String json(SearchResult r, Lookup lookup, Shared c) {
    Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
        .serializeSpecialFloatingPointValues().create();
    JsonObject o = gson.toJsonTree(r.toMap()).getAsJsonObject();
    JsonObject top = new JsonObject();
    top.addProperty("algorithm", r.method());
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      if (e.getKey().equals("epochs") && lookup != null) {
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (SearchEpoch epoch : r.epochs()) {
          Map<String, Object> m = epoch.toMap();
          Map<String, Double> found = lookup.of(epoch.genotype());
          Map<String, Object> bench = new LinkedHashMap<>();
          found.forEach((k, v) -> bench.put(k, Double.isFinite(v) ? v : null));
          m.put("benchmark", bench);
          epochs.add(m);
        }
        top.add("epochs", gson.toJsonTree(epochs));
      } else if (!e.getKey().equals("provenance")) {
        top.add(e.getKey(), e.getValue());
      }
    }
    if (c.out() != null) {
      top.addProperty("run_folder", c.out().toString());
    }
    if (lookup != null) {
      top.addProperty("store", lookup.store.toString());
      top.addProperty("hp", lookup.hp);
      top.add("metrics", SearchJson.metrics(lookup.stats(r.arch()), "the searched cell has no"));
    }
    Provenance p = Provenance.fromMap(r.provenance());
    if (lookup != null) {
      p = p.toBuilder().addInput(lookup.input).build();
    }
    Map<String, Object> prov = new LinkedHashMap<>(p.toMap());
    prov.put("cli_version", Version.get());
    top.add("provenance", gson.toJsonTree(prov));
    return gson.toJson(top);
  }
}
