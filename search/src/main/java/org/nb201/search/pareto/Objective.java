package org.nb201.search.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nb201.bench.HardwareTable;
import org.nb201.space.Split;
import org.nb201.space.OfficialNames;

/**
 * One objective over the benchmark's cells, named as on the command line:
 * <ul>
 *   <li>{@code <set>-accuracy@<dataset>} and {@code <set>-loss@<dataset>}, {@code <set>} one of
 *       {@code train}, {@code valid}, {@code test}, {@code valtest}: the value that the official
 *       {@code get_more_info(index, dataset, hp=..., is_random=False)} reports under that key, i.e.
 *       the mean over seeds at the last epoch (e.g. {@code test-accuracy@cifar10} is cifar10
 *       ori-test, {@code test-accuracy@cifar100} is cifar100 x-test); accuracy is maximised, loss
 *       minimised;
 *   <li>{@code latency@<device>} (ms) and {@code energy@<device>} (mJ), optionally
 *       {@code latency@<device>/<dataset>}: the store's device values for that dataset's network,
 *       minimised;
 *   <li>{@code params} and {@code flops} (millions), optionally {@code params@<dataset>}: the store's
 *       costs, or the cost model of the benchmark network where the store has none, minimised.
 * </ul>
 * A device, parameter or FLOP objective without a dataset takes the dataset of the first accuracy
 * or loss objective (cifar10 when there is none).
 *
 * @param key the name as given, e.g. {@code test-accuracy@cifar10}
 * @param qualifier the device for latency and energy, else {@code null}
 * @param dataset the dataset whose values (or network) the objective reads
 * @param split for accuracy and loss, the split the key reads
 */
public record Objective(String key, Kind kind, String qualifier, String dataset, Split split) {
  /** What an objective measures. */
  public enum Kind {
    ACCURACY("%", true), LOSS("", false), LATENCY("ms", false), ENERGY("mJ", false), PARAMS("M", false),
    FLOPS("MFLOPs", false);

    private final String unit;
    private final boolean maximised;

    Kind(String unit, boolean maximised) {
      this.unit = unit;
      this.maximised = maximised;
    }
  }

  /** The key prefixes of accuracy and loss objectives. */
  public static final List<String> SETS = List.of("train", "valid", "test", "valtest");

  /** Whether larger values are better. */
  public boolean maximised() {
    return kind.maximised;
  }

  /** {@code maximise} or {@code minimise}. */
  public String sense() {
    return kind.maximised ? "maximise" : "minimise";
  }

  /** The unit of the values ({@code %}, {@code ms}, {@code mJ}, {@code M}, {@code MFLOPs}, or empty). */
  public String unit() {
    return kind.unit;
  }

  /** Whether the values come from trained trials (accuracy, loss), not from a table of costs. */
  public boolean trained() {
    return kind == Kind.ACCURACY || kind == Kind.LOSS;
  }

  /** A value in minimisation form: accuracies negated. */
  public double toMin(double value) {
    return kind.maximised ? -value : value;
  }

  /** Back from minimisation form. */
  public double fromMin(double value) {
    return kind.maximised ? -value : value;
  }

  /** What the values are, e.g. {@code cifar10 ori-test accuracy, hp 200, last epoch, mean over seeds}. */
  public String describe(int hp) {
    return switch (kind) {
      case ACCURACY, LOSS -> dataset + " " + split.key() + " " + kind.name().toLowerCase(Locale.ROOT) + ", hp " + hp
          + ", last epoch, mean over seeds";
      case LATENCY, ENERGY -> qualifier + " " + kind.name().toLowerCase(Locale.ROOT) + ", " + dataset + " network";
      case PARAMS, FLOPS -> kind.name().toLowerCase(Locale.ROOT) + ", " + dataset + " network";
    };
  }

  /** Parses a comma-separated list of objectives; at least two, none twice. */
  public static List<Objective> parseList(String text) {
    List<String> parts = new ArrayList<>();
    for (String p : text.split(",", -1)) {
      parts.add(p.strip());
    }
    String defaultDataset = "cifar10";
    for (String p : parts) {
      int at = p.indexOf('@');
      String name = at < 0 ? p : p.substring(0, at);
      if (at > 0 && (name.endsWith("-accuracy") || name.endsWith("-loss"))) {
        defaultDataset = p.substring(at + 1);
        break;
      }
    }
    List<Objective> out = new ArrayList<>();
    for (String p : parts) {
      Objective o = parse(p, defaultDataset);
      for (Objective earlier : out) {
        if (earlier.key().equals(o.key())) {
          throw new IllegalArgumentException("objective '" + o.key() + "' is given twice");
        }
      }
      out.add(o);
    }
    if (out.size() < 2) {
      throw new IllegalArgumentException("a Pareto front needs at least two objectives, got " + out.size()
          + "; e.g. test-accuracy@cifar10,latency@fpga");
    }
    return out;
  }

  /** Parses one objective; {@code defaultDataset} serves device, parameter and FLOP objectives without one. */
  public static Objective parse(String text, String defaultDataset) {
    int at = text.indexOf('@');
    String name = at < 0 ? text : text.substring(0, at);
    String arg = at < 0 ? null : text.substring(at + 1);
    switch (name) {
      case "params", "flops" -> {
        String d = arg == null ? defaultDataset : OfficialNames.checkDataset(arg);
        return new Objective(text, name.equals("params") ? Kind.PARAMS : Kind.FLOPS, null, d, null);
      }
      case "latency", "energy" -> {
        if (arg == null || arg.isEmpty()) {
          throw new IllegalArgumentException("objective '" + text + "' needs a device: " + name + "@DEVICE, e.g. "
              + name + "@fpga");
        }
        int slash = arg.indexOf('/');
        String device = HardwareTable.checkDevice(slash < 0 ? arg : arg.substring(0, slash));
        String d = slash < 0 ? defaultDataset : OfficialNames.checkDataset(arg.substring(slash + 1));
        return new Objective(text, name.equals("latency") ? Kind.LATENCY : Kind.ENERGY, device, d, null);
      }
      default -> {
        int dash = name.lastIndexOf('-');
        String set = dash < 0 ? "" : name.substring(0, dash);
        String what = dash < 0 ? name : name.substring(dash + 1);
        if (!SETS.contains(set) || !(what.equals("accuracy") || what.equals("loss"))) {
          throw new IllegalArgumentException("unknown objective '" + text + "'; expected <set>-accuracy@DATASET or"
              + " <set>-loss@DATASET (set: train, valid, test, valtest), latency@DEVICE, energy@DEVICE, params, flops");
        }
        if (arg == null) {
          throw new IllegalArgumentException("objective '" + text + "' needs a dataset, e.g. " + name + "@cifar10");
        }
        Split split = OfficialNames.splitOfKey(arg, set);
        if (split == null) {
          throw new IllegalArgumentException("get_more_info has no " + set + "-* keys on " + arg + "; on " + arg
              + " use " + keysOf(arg, what));
        }
        return new Objective(text, what.equals("accuracy") ? Kind.ACCURACY : Kind.LOSS, null, arg, split);
      }
    }
  }

  private static String keysOf(String dataset, String what) {
    List<String> keys = new ArrayList<>();
    for (String s : SETS) {
      if (OfficialNames.splitOfKey(dataset, s) != null) {
        keys.add(s + "-" + what + "@" + dataset);
      }
    }
    return String.join(", ", keys);
  }

  @Override
  public String toString() {
    return key;
  }
}
