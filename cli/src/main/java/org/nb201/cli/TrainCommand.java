package org.nb201.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.nb201.generate.Collector;
import org.nb201.generate.DjlTrialExecutor;
import org.nb201.generate.TrialSpec;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Backend;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.EpochResult;
import org.nb201.train.EvalResult;
import org.nb201.train.TrainConfig;
import org.nb201.train.TrainListener;
import org.nb201.train.Trainer;
import org.nb201.train.TrialResult;
import org.nb201.train.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nb201 train}: trains one cell with the official protocol on real data. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train one cell with the NAS-Bench-201 protocol (SGD Nesterov, cosine lr, batch 256) on real data",
      "and print per-epoch records, FLOPs, params and latency."
    })
final class TrainCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--arch", required = true, paramLabel = "<index|arch>",
      description = "An index 0..15624 or a cell string.")
  String arch;

  @Option(names = "--dataset", required = true, paramLabel = "D",
      description = "cifar10-valid, cifar10, cifar100, ImageNet16-120 or fashion-mnist.")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory with cifar-10-batches-py|bin, cifar-100-python|binary, ImageNet16 or the Fashion-MNIST "
          + "IDX files, and the split files (default: $NB201_DATA; fashion-mnist also Debian's "
          + "/usr/share/datasets/fashion-mnist or the copy 'nb201 demo' fetched).")
  Path dataDir;

  @Option(names = "--split-dir", paramLabel = "DIR", description = "Directory with the official split files.")
  Path splitDir;

  @Option(names = "--hp", defaultValue = "12", description = "Epochs (official: 12 or 200; default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--seed", defaultValue = "777", description = "Seed (default: ${DEFAULT-VALUE}).")
  int seed;

  @Option(names = "--C", defaultValue = "16", description = "Stem width C (default: ${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--N", defaultValue = "5", description = "Cells per stage N (default: ${DEFAULT-VALUE}).")
  int cells;

  @Option(names = "--batch-size", defaultValue = "256",
      description = "Batch size (default: ${DEFAULT-VALUE}; at most 65536, and the network of a batch must fit in"
          + " this machine's memory, estimated before it is built).")
  int batchSize;

  @Option(names = "--train-limit", defaultValue = "0", paramLabel = "K",
      description = "Train on the first K training images only (0 = all).")
  int trainLimit;

  @Option(names = "--eval-limit", defaultValue = "0", paramLabel = "K",
      description = "Evaluate on the first K images of each set only (0 = all).")
  int evalLimit;

  @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
      description = "Device (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--threads", defaultValue = "0",
      description = "Intra-op threads (0 = engine default; at most 4 per core).")
  int threads;

  @Option(names = "--memory-format", defaultValue = "channels-last", paramLabel = "channels-last|contiguous",
      description = "Activation layout (default: ${DEFAULT-VALUE}; contiguous = PyTorch's default N,C,H,W order, "
          + "slower).")
  String memoryFormat;

  @Option(names = "--no-verify", description = "Do not check the MD5s of the official data files.")
  boolean noVerify;

  @Option(names = "--json", description = "Print the trial as JSON with the official get_more_info keys.")
  boolean json;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--store", paramLabel = "S",
      description = "Add the trial's records to this store (created if absent), with provenance.")
  Path store;

  static boolean channelsLast(String format) {
    return switch (format) {
      case "channels-last", "channels_last" -> true;
      case "contiguous" -> false;
      default -> throw new UserException("unknown --memory-format '" + format
          + "'; expected channels-last or contiguous");
    };
  }

  @Override
  public void run() {
    if (store != null && Files.exists(OutputTarget.appendable(store, "store", dataDir, splitDir))) {
      StoreCli.open(store).close(); // a file that is not a store fails now, not after the training
    }
    Dataset d = Dataset.byKey(dataset);
    Path dir = dataDir != null ? dataDir : DataLocations.resolve(null).get(d);
    if (dir == null) {
      if (d != Dataset.FASHION_MNIST) {
        throw new UserException("--data-dir is required for " + d.key() + " (or set NB201_DATA)");
      }
      dir = DataLocations.FASHION_DEBIAN; // absent: the data reader names it and what is missing
    }
    TrainConfig config = TrainConfig.builder()
        .setArch(SearchSpace.official().resolve(arch))
        .setDataset(d)
        .setDataDir(dir)
        .optSplitDir(splitDir)
        .optEpochs(epochs)
        .optSeed(seed)
        .optShape(channels, cells)
        .optBatchSize(batchSize)
        .optTrainLimit(trainLimit)
        .optEvalLimit(evalLimit)
        .optDevice(TrainConfig.Device.parse(device))
        .optThreads(threads)
        .optVerifyData(!noVerify)
        .optChannelsLast(channelsLast(memoryFormat))
        .build();
    TrialResult result;
    try (Progress progress = new Progress(showProgress())) {
      result = Trainer.train(config, progress);
    } catch (DataException e) {
      throw new UserException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (store != null) {
      addToStore(result, out);
    }
    if (json) {
      out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
          .toJson(toJson(result)));
    } else {
      printTable(out, result);
    }
    out.flush();
  }

  /** Adds the trial to {@code --store} (created if absent) atomically, with its provenance. */
  private void addToStore(TrialResult result, PrintWriter out) {
    TrainConfig c = result.config();
    TrialSpec t = new TrialSpec(result.archIndex(), c.dataset().key(), c.epochs(), c.seed(), c.channels(), c.cells(),
        c.trainLimit(), c.evalLimit(), c.batchSize());
    try {
      int[] n = Collector.write(store, List.of(new Collector.Outcome(DjlTrialExecutor.outcome(t, result), null)), true);
      if (n[0] == 0) {
        throw new UserException("store " + store + " already holds (index " + t.index() + ", " + t.dataset() + ", hp "
            + t.hp() + ", seed " + t.seed() + "); nothing was changed");
      }
    } catch (IOException e) {
      throw new UserException("cannot write store " + store + ": " + e.getMessage(), e);
    }
    if (!json) {
      out.println("added to store " + store);
    }
  }

  private boolean showProgress() {
    return !quiet && System.getenv("CI") == null && System.console() != null;
  }

  static void printTable(PrintWriter out, TrialResult r) {
    TrainConfig c = r.config();
    out.printf(Locale.ROOT, "arch %d %s%n", r.archIndex(), r.arch());
    out.printf(Locale.ROOT, "dataset %s  hp %s  seed %d  C%d N%d  batch %d%n", c.dataset().key(), c.hp(), c.seed(),
        c.channels(), c.cells(), c.batchSize());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%5s %9s %10s %9s %9s %8s", "epoch", "lr",
        "train-loss", "train-acc", "train-top5", "time"));
    for (EvalResult e : r.epochs().get(0).evals()) {
      head.append(String.format(Locale.ROOT, " %14s %13s", e.split() + "-loss", e.split() + "-acc"));
    }
    out.println(head);
    for (EpochResult e : r.epochs()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d %9.6f %10.4f %9.2f %9.2f %8.2f",
          e.epoch(), e.lr(), e.trainLoss(), e.trainTop1(), e.trainTop5(), e.trainTime()));
      for (EvalResult v : e.evals()) {
        row.append(String.format(Locale.ROOT, " %14.4f %13.2f", v.loss(), v.top1()));
      }
      out.println(row);
    }
    Provenance p = r.provenance();
    out.printf(Locale.ROOT, "flops %.5f M  params %.6f M  latency %.6f s/batch%n", r.mflops(), r.mparams(),
        r.latency());
    Backend engine = p.engine();
    out.printf(Locale.ROOT, "engine %s %s (DJL %s) on %s, %d threads; data %s%n", engine.engine(), engine.version(),
        engine.djl(), engine.device(), engine.threads(), p.input(Input.DATA).checksum());
  }

  static Map<String, Object> toJson(TrialResult r) {
    TrainConfig c = r.config();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("arch_index", r.archIndex());
    m.put("arch_str", r.arch());
    m.put("dataset", c.dataset().key());
    m.put("hp", c.hp());
    m.put("seed", c.seed());
    m.put("channel", c.channels());
    m.put("num_cells", c.cells());
    m.put("flop", r.mflops());
    m.put("params", r.mparams());
    m.put("latency", r.latency());
    List<Map<String, Object>> epochs = new ArrayList<>();
    for (int i = 0; i < r.epochs().size(); i++) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("iepoch", i);
      e.put("lr", r.epochs().get(i).lr());
      e.put("train-top5", r.epochs().get(i).trainTop5());
      e.putAll(r.moreInfo(i));
      epochs.add(e);
    }
    m.put("epochs", epochs);
    m.put("config", c.describe());
    Map<String, Object> prov = new LinkedHashMap<>(r.provenance().toMap());
    prov.put("cli_version", Version.get());
    m.put("provenance", prov);
    return m;
  }

  /** A progress bar per epoch on stderr, or nothing. */
  private static final class Progress implements TrainListener, AutoCloseable {
    private final boolean show;
    private ProgressBar bar;

    Progress(boolean show) {
      this.show = show;
    }

    @Override
    public void epochStarted(int epoch, int batches) {
      if (show) {
        bar = new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(batches).build();
      }
    }

    @Override
    public void batchDone(int epoch, int batch, double loss) {
      if (bar != null) {
        bar.step();
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", loss));
      }
    }

    @Override
    public void epochDone(EpochResult result) {
      close();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
