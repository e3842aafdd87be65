package org.nb201.generate.search;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nb201.generate.Json;
import org.nb201.generate.WorkUnit;
import org.nb201.space.Dataset;
import org.nb201.train.TrainConfig;
import org.nb201.train.search.MethodOptions;
import org.nb201.train.search.SearchMethods;
import org.nb201.train.search.SearchSettings;

/**
 * One weight-sharing search of a plan: the method ({@link SearchMethods} name), the dataset
 * setting, the seed, and every other setting that defines the search, resolved against the
 * method's official defaults when the plan is made ({@code settings}: the keys of the search run
 * file's config, values as text, sorted). Machine settings (data and split folders, data checks,
 * threads, device) are not part of it: they are given to {@code generate}. The {@link #id()}
 * hashes exactly this content, so the same search has the same id in every plan and on every
 * machine, and any changed setting gives a new id.
 */
public record SearchTrial(String method, String dataset, int seed, Map<String, String> settings) implements WorkUnit {
  /** Settings of the machine that runs a search, not of the search. */
  static final Set<String> MACHINE = Set.of("data_dir", "split_dir", "verify_data", "threads", "device");
  /** Keys held by the record's own fields. */
  private static final Set<String> OWN_FIELDS = Set.of("method", "dataset", "seed");
  /** A data directory for validating settings at plan time (never read). */
  private static final Path NO_DATA = Path.of("plan-time-placeholder");

  public SearchTrial {
    settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    for (String k : settings.keySet()) {
      if (MACHINE.contains(k) || OWN_FIELDS.contains(k)) {
        throw new IllegalArgumentException("search setting '" + k + "' is not part of a search trial"
            + (MACHINE.contains(k) ? " (it is a machine setting: give it to 'nb201 generate')" : ""));
      }
    }
    if (seed < 0) {
      throw new IllegalArgumentException("a search seed must be >= 0, got " + seed);
    }
    Dataset.byKey(dataset);
    builder(method, dataset, seed, settings).build(); // validates every value
  }

  /**
   * The trial of {@code method} on {@code dataset} with {@code seed}: the method's official defaults
   * with {@code overrides} (run-file config keys, values as text) applied, every value resolved.
   *
   * @throws IllegalArgumentException for an unknown method or key, or a bad value, naming it
   */
  public static SearchTrial of(String method, String dataset, int seed, Map<String, String> overrides) {
    Dataset.byKey(dataset);
    MethodOptions o = builder(method, dataset, seed, overrides).build();
    Map<String, String> resolved = new TreeMap<>();
    for (Map.Entry<String, Object> e : o.describe().entrySet()) {
      if (!MACHINE.contains(e.getKey()) && !OWN_FIELDS.contains(e.getKey())) {
        resolved.put(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    return new SearchTrial(method, dataset, seed, resolved);
  }

  private static SearchSettings.Builder<?> builder(String method, String dataset, int seed,
      Map<String, String> settings) {
    SearchSettings.Builder<?> b = SearchMethods.builder(method).setDataset(Dataset.byKey(dataset)).setDataDir(NO_DATA);
    settings.forEach(b::set);
    return b.optSeed(seed);
  }

  /**
   * The options to run this search with on this machine.
   *
   * @param threads intra-op threads (0 = the engine's setting)
   */
  public MethodOptions options(Path dataDir, Path splitDir, boolean verifyData, int threads,
      TrainConfig.Device device) {
    return SearchMethods.builder(method).setAll(settings).setDataset(Dataset.byKey(dataset)).setDataDir(dataDir)
        .optSplitDir(splitDir).optVerifyData(verifyData).optSeed(seed).optThreads(threads).optDevice(device).build();
  }

  /** Number of search epochs. */
  public int epochs() {
    return Integer.parseInt(settings.get("epochs"));
  }

  /** The supernet's stem width C. */
  public int channels() {
    return Integer.parseInt(settings.get("C"));
  }

  /** The supernet's cells per stage N. */
  public int cells() {
    return Integer.parseInt(settings.get("N"));
  }

  /** The settings as compact JSON (sorted keys, text values): what the store's {@code settings} column holds. */
  public String settingsJson() {
    return Json.GSON.toJson(settings);
  }

  /** A stable 16-hex-digit content hash of method, dataset, seed and settings. */
  @Override
  public String id() {
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("method", method);
    canonical.put("dataset", dataset);
    canonical.put("seed", seed);
    canonical.put("settings", settings);
    return Json.sha256("nb201-search-trial-v1|" + Json.GSON.toJson(canonical)).substring(0, 16);
  }

  /** e.g. {@code darts-v1 on cifar10-valid, seed 1 (C16 N5, 50 epochs)}. */
  public String describe() {
    return method + " on " + dataset + ", seed " + seed + " (C" + channels() + " N" + cells() + ", " + epochs()
        + " epochs)";
  }

  /** The settings that differ from {@code method}'s defaults for this dataset and seed, in key order. */
  public List<String> changedFromDefaults() {
    SearchTrial defaults = of(method, dataset, seed, Map.of());
    return settings.entrySet().stream().filter(e -> !e.getValue().equals(defaults.settings().get(e.getKey())))
        .map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
