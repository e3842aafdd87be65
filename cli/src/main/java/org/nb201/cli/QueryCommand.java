package org.nb201.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nb201.bench.query.MissingDataException;
import org.nb201.bench.query.MoreInfo;
import org.nb201.bench.query.Nb201Api;
import org.nb201.bench.query.SeedChoice;
import org.nb201.bench.store.Store;
import org.nb201.space.SearchSpace;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 query}: the official {@code get_more_info} of one architecture. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Losses, accuracies and times of one architecture with the official",
      "get_more_info keys (train-, valid-, test-, valtest- loss, accuracy,",
      "per-time, all-time). Defaults are the official API's: hp 12, the last",
      "epoch, one random seed per dataset (drawn reproducibly, see",
      "--random-seed). The paper's tables use --hp 200 --mean. Sets a trial",
      "lacks at that epoch are left out with a note (train too: a table of final",
      "results has none); only a trial with nothing at that epoch is an error.",
      "Device values of the store's hardware table follow (<device>_latency in ms,",
      "<device>_energy in mJ, as HW-NAS-Bench names them)."
    })
final class QueryCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<store>", description = "The benchmark store.")
  Path store;

  @Parameters(index = "1", paramLabel = "<index|arch>",
      description = "An index 0..15624 or a cell (official string, str2lists form or 4x4 matrix).")
  String cell;

  @Option(names = "--dataset", paramLabel = "D", description = "cifar10-valid, cifar10, cifar100 or ImageNet16-120"
      + " (default: every dataset the store has for this architecture and hp).")
  String dataset;

  @Option(names = "--hp", defaultValue = "12", paramLabel = "12|200",
      description = "Epochs of the training schedule (default: ${DEFAULT-VALUE}, the official API default).")
  int hp;

  @Option(names = "--epoch", paramLabel = "E", description = "0-based epoch (default: the last, hp - 1).")
  Integer epoch;

  @ArgGroup(exclusive = true)
  Seeds seeds = new Seeds();

  /** The seed choice: one of --seed, --mean, --random. */
  static final class Seeds {
    @Option(names = "--seed", paramLabel = "S", description = "Use the trial with this seed.")
    Integer seed;

    @Option(names = "--mean", description = "Average over all seeds (official is_random=False).")
    boolean mean;

    @Option(names = "--random", description = "One seed at random (official is_random=True; the default).")
    boolean random;

    SeedChoice choice() {
      return seed != null ? SeedChoice.fixed(seed) : mean ? SeedChoice.mean() : SeedChoice.random();
    }
  }

  @Option(names = "--random-seed", defaultValue = "0", paramLabel = "N",
      description = "Seed of the generator behind --random (default: ${DEFAULT-VALUE}).")
  long randomSeed;

  @Option(names = "--json", description = "Print the official dict as JSON (one object per dataset when"
      + " --dataset is not given); notes go to stderr.")
  boolean json;

  @Override
  public void run() {
    int index = SearchSpace.official().indexOf(SearchSpace.official().resolve(cell));
    SeedChoice choice = seeds.choice();
    try (Store s = StoreCli.open(store)) {
      Nb201Api api = new Nb201Api(s, randomSeed);
      List<String> datasets = dataset != null ? List.of(dataset) : api.datasetsOf(index, hp);
      if (datasets.isEmpty()) {
        throw new UserException("no trials for (index " + index + ", hp " + hp + ") in " + store.getFileName()
            + "; this arch has " + api.describeArch(index));
      }
      List<MoreInfo> infos = new ArrayList<>();
      List<String> empty = new ArrayList<>();
      List<Map<String, Double>> hardware = new ArrayList<>();
      MissingDataException first = null;
      for (String d : datasets) {
        try {
          infos.add(api.getMoreInfo(index, d, epoch, hp, choice));
          hardware.add(api.getHardwareInfo(index, d));
        } catch (MissingDataException e) {
          if (dataset != null) {
            throw e;
          }
          // of several datasets, those with nothing at this epoch are named; the others are shown
          empty.add(d + ": nothing at this epoch (" + e.getMessage() + ")");
          first = first == null ? e : first;
        }
      }
      if (infos.isEmpty()) {
        throw first;
      }
      print(index, choice, infos, hardware, empty);
    } catch (MissingDataException e) {
      throw StoreCli.missing(e);
    }
  }

  private void print(int index, SeedChoice choice, List<MoreInfo> infos, List<Map<String, Double>> hardware,
      List<String> empty) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonObject all = new JsonObject();
      for (int i = 0; i < infos.size(); i++) {
        MoreInfo m = infos.get(i);
        JsonObject o = new JsonObject();
        for (Map.Entry<String, Double> e : m.values().entrySet()) {
          o.add(e.getKey(), StoreCli.json(e.getValue()));
        }
        for (Map.Entry<String, Double> e : hardware.get(i).entrySet()) {
          o.add(e.getKey(), StoreCli.json(e.getValue()));
        }
        all.add(m.dataset(), o);
        for (String note : m.notes()) {
          spec.commandLine().getErr().println("note: " + m.dataset() + ": " + note);
        }
      }
      for (String note : empty) {
        spec.commandLine().getErr().println("note: " + note);
      }
      Object shown = infos.size() == 1 && dataset != null ? all.get(infos.get(0).dataset()) : all;
      out.println(new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(shown));
      spec.commandLine().getErr().flush();
    } else {
      out.println("index " + index + "  " + SearchSpace.official().arch(index));
      for (int i = 0; i < infos.size(); i++) {
        MoreInfo m = infos.get(i);
        out.println(m.dataset() + "  hp " + m.hp() + "  epoch " + m.epoch() + "  " + seeds(choice, m));
        for (Map.Entry<String, Double> e : m.values().entrySet()) {
          out.printf("  %-18s %s%n", e.getKey(), StoreCli.text(e.getValue()));
        }
        for (Map.Entry<String, Double> e : hardware.get(i).entrySet()) {
          out.printf("  %-18s %s%s%n", e.getKey(), StoreCli.text(e.getValue()),
              Double.isNaN(e.getValue()) ? "" : e.getKey().endsWith("_energy") ? " mJ" : " ms");
        }
        for (String note : m.notes()) {
          out.println("  note: " + note);
        }
      }
      for (String note : empty) {
        out.println("note: " + note);
      }
    }
    out.flush();
  }

  private static String seeds(SeedChoice choice, MoreInfo m) {
    if (m.seeds().isEmpty()) {
      return "pre-averaged values (the store has no per-seed trials)";
    }
    String list = m.seeds().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse("");
    switch (choice.kind()) {
      case MEAN:
        return "mean over seeds " + list;
      case RANDOM:
        return "seed " + list + " (random choice)";
      default:
        return "seed " + list;
    }
  }
}
