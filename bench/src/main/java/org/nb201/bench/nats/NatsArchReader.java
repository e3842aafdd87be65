package org.nb201.bench.nats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nb201.bench.CostRecord;
import org.nb201.bench.StoreSink;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.pickle.GlobalKind;
import org.nb201.pickle.PickleProfile;
import org.nb201.pickle.PyTuple;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;

/**
 * Reads NATS-Bench topology files (NATS-Bench {@code nats_bench/api_utils.py::ArchResults}, {@code ResultsCount};
 * see docs/benchmark-data.md#the-record-of-a-trial): {@code meta.pickle.pbz2} into the list of official
 * architecture strings, and one {@code NNNNNN.pickle.pbz2} into a {@link NatsArchRecord}, after
 * checking its index and architecture string against {@link SearchSpace#official()}. Costs are
 * taken from the hp '200' records, or hp '12' where a dataset has no 200-epoch run.
 */
public final class NatsArchReader {
  /**
   * What a NATS-Bench pickle may contain: {@code collections.OrderedDict} and numpy scalars (with
   * their dtypes, under the numpy 1 and 2 names). {@code meta.pickle.pbz2} holds plain data only.
   */
  public static final PickleProfile PICKLE_PROFILE = PickleProfile.builder()
      .allow("collections.OrderedDict", GlobalKind.ORDERED_DICT)
      .allowNumpyScalars()
      .build();

  private static final Pattern ARCH_FILE = Pattern.compile("(\\d{6})\\.pickle\\.pbz2");

  private NatsArchReader() {
  }

  /** {@code meta_archs} of a {@code meta.pickle.pbz2}: the architecture strings in index order. */
  public static List<String> readMeta(Path file) throws IOException {
    Fields f = new Fields(file);
    Map<?, ?> root = f.dict(NatsFiles.unpickle(file, PickleProfile.plainData()), "meta");
    List<?> archs = f.listOrEmpty(f.get(root, "meta_archs", "meta"), "meta_archs");
    List<String> out = new ArrayList<>(archs.size());
    for (int i = 0; i < archs.size(); i++) {
      out.add(f.string(archs.get(i), "meta_archs[" + i + "]"));
    }
    return out;
  }

  /**
   * Reads one architecture file. When its name is {@code NNNNNN.pickle.pbz2}, the stored index must
   * be NNNNNN.
   */
  public static NatsArchRecord readArch(Path file) throws IOException {
    Matcher m = ARCH_FILE.matcher(String.valueOf(file.getFileName()));
    int expected = m.matches() ? Integer.parseInt(m.group(1)) : -1;
    return fromArchResults(file, NatsFiles.unpickle(file, PICKLE_PROFILE), expected);
  }

  /** Hands every trial and cost of {@code record} to {@code sink}. */
  public static void emit(NatsArchRecord record, StoreSink sink) {
    for (Trial t : record.trials()) {
      sink.addTrial(t);
    }
    for (CostRecord c : record.costs()) {
      sink.addCost(c);
    }
  }

  /**
   * Decodes one architecture's unpickled {hp: ArchResults state} dict, read from {@code file}, with
   * every check of {@link #readArch(Path)}: index and arch string against the official space, seeds,
   * per-epoch fields. The NATS directory, the NATS archive and the NB201 {@code .pth} files all store
   * this structure (NATS-Bench {@code nats_bench/api_utils.py::ArchResults.create_from_state_dict}; see
   * docs/benchmark-data.md#the-record-of-a-trial), so every importer shares this decoder.
   */
  public static NatsArchRecord fromArchResults(Path file, Object value, int expectedIndex) throws NatsFormatException {
    Fields f = new Fields(file);
    Map<?, ?> root = f.dict(value, "file");
    int index = -1;
    String archString = null;
    List<Trial> trials = new ArrayList<>();
    Map<String, List<NatsCosts.SeedCost>> costs200 = new TreeMap<>();
    Map<String, List<NatsCosts.SeedCost>> costs12 = new TreeMap<>();
    for (Map.Entry<?, ?> e : root.entrySet()) {
      String hpKey = f.string(e.getKey(), "hp key");
      if (!hpKey.matches("[0-9]{1,4}") || Integer.parseInt(hpKey) < 1) {
        throw f.error("file", "unexpected hp key '" + Fields.clip(hpKey) + "' (expected '12', '200')");
      }
      int hp = Integer.parseInt(hpKey);
      String where = "hp '" + hpKey + "'";
      Map<?, ?> archResults = f.dict(e.getValue(), where);
      long storedIndex = f.integer(f.get(archResults, "arch_index", where), where + " arch_index");
      int hpIndex = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, storedIndex));
      String hpArch = f.string(f.get(archResults, "arch_str", where), where + " arch_str");
      if (index < 0) {
        index = checkArch(f, hpIndex, hpArch, expectedIndex, where);
        archString = hpArch;
      } else if (hpIndex != index || !hpArch.equals(archString)) {
        throw f.error(where, "arch " + hpIndex + " '" + Fields.clip(hpArch) + "' differs from the other hp's "
            + index);
      }
      Map<?, ?> all = f.dict(f.get(archResults, "all_results", where), where + " all_results");
      for (Map.Entry<?, ?> r : all.entrySet()) {
        trials.add(trial(f, index, hp, archString, r.getKey(), r.getValue(), where,
            hp == 12 ? costs12 : costs200));
      }
    }
    if (index < 0) {
      throw f.error("file", "no hp records");
    }
    trials.sort(Comparator.comparingInt((Trial t) -> t.key().hp())
        .thenComparing(t -> Dataset.byKey(t.key().dataset()).ordinal())
        .thenComparing(t -> t.key().seed()));
    List<CostRecord> costs = new ArrayList<>();
    for (Dataset d : Dataset.official()) {
      List<NatsCosts.SeedCost> seeds = costs200.getOrDefault(d.key(), costs12.get(d.key()));
      if (seeds != null) {
        seeds.sort(Comparator.comparingInt(NatsCosts.SeedCost::seed));
        costs.add(NatsCosts.choose(index, d.key(), seeds));
      }
    }
    return new NatsArchRecord(index, archString, trials, costs);
  }

  private static int checkArch(Fields f, int index, String arch, int expectedIndex, String where)
      throws NatsFormatException {
    if (expectedIndex >= 0 && index != expectedIndex) {
      throw f.error(where, "arch_index " + index + " but the file name says " + expectedIndex);
    }
    if (index < 0 || index >= Arch.COUNT) {
      throw f.error(where, "arch_index " + index + " outside 0..15624");
    }
    String official = SearchSpace.official().arch(index).toString();
    if (!official.equals(arch)) {
      String actual;
      try {
        actual = "index " + SearchSpace.official().indexOf(Arch.parse(arch));
      } catch (IllegalArgumentException e) {
        actual = "not a valid architecture";
      }
      throw f.error(where, "arch_str '" + Fields.clip(arch) + "' (" + actual + ") is not official architecture "
          + index + " '" + official + "'");
    }
    return index;
  }

  private static Trial trial(Fields f, int index, int hp, String archString, Object key, Object value,
      String hpWhere, Map<String, List<NatsCosts.SeedCost>> costs) throws NatsFormatException {
    if (!(key instanceof PyTuple t) || t.size() != 2 || !(t.get(0) instanceof String dataset)
        || !(t.get(1) instanceof Long seed) || seed < 0 || seed > Integer.MAX_VALUE) {
      throw f.error(hpWhere + " all_results", "expected a (dataset, seed) key, got "
          + Fields.describe(key));
    }
    if (Dataset.official().stream().noneMatch(d -> d.key().equals(dataset))) {
      throw f.error(hpWhere + " all_results", "'" + Fields.clip(dataset)
          + "' is not a NAS-Bench-201 dataset");
    }
    String where = hpWhere + " " + t;
    Map<?, ?> result = f.dict(value, where);
    Object config = result.get("arch_config");
    if (config instanceof Map<?, ?> c && c.containsKey("arch_str") && !archString.equals(c.get("arch_str"))) {
      throw f.error(where, "arch_config.arch_str " + Fields.describe(c.get("arch_str"))
          + " differs from arch_str '" + archString + "'");
    }
    List<?> latency = f.listOrEmpty(result.get("latency"), where + " latency");
    double[] lat = new double[latency.size()];
    for (int i = 0; i < lat.length; i++) {
      lat[i] = f.number(latency.get(i), where + " latency");
    }
    costs.computeIfAbsent(dataset, k -> new ArrayList<>()).add(new NatsCosts.SeedCost((int) (long) seed,
        f.number(f.get(result, "flop", where), where + " flop"),
        f.number(f.get(result, "params", where), where + " params"), NatsCosts.mean(lat)));
    return NatsTrials.toTrial(f, new TrialKey(index, dataset, hp, (int) (long) seed), result, where);
  }
}
