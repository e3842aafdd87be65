package org.nb201.bench.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreFormat;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;
import org.nb201.space.ArchParser;
import org.nb201.space.OfficialNames;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;
import org.nb201.space.Split;

/**
 * The NAS-Bench-201 query API over a store, with the official semantics and their gotchas
 * (NAS-Bench-201 API v2.0 {@code nas_201_api/api_201.py::NASBench201API}, NATS-Bench v1.8
 * {@code nats_bench/api_topology.py::NATStopology}; see docs/benchmark-data.md#official-query-semantics):
 *
 * <ul>
 *   <li><b>The default hp is 12</b> in every method that takes one, as officially ({@code hp='12'}):
 *       the paper's tables use 200. The overloads without an hp use {@link #DEFAULT_HP}.
 *   <li>{@code iepoch} is 0-based and defaults to the last epoch, {@code hp - 1}.
 *   <li>{@link SeedChoice#random()} (the official default of {@code get_more_info}) draws one seed
 *       per call with CPython's {@code random.choice} algorithm from a generator seeded in the
 *       constructor, so runs are reproducible; {@link SeedChoice#mean()} averages over all seeds.
 *   <li>{@code get_more_info} keys depend on the dataset: cifar10-valid reports valid (x-valid)
 *       and test (ori-test); cifar10 reports test (ori-test) only; cifar100 and ImageNet16-120
 *       report valid (x-valid), test (x-test) and valtest (ori-test). Groups a trial lacks at that
 *       epoch are omitted with a note (e.g. hp 200 has x-valid/x-test of cifar100 only at epoch 199).
 *       Partial data is normal: a missing train group or cifar10-valid x-valid, on which the official
 *       API raises, is a note too; only a trial with no accuracy at all at that epoch is an error.
 *   <li>{@code find_best} remaps names: (cifar10, valid) is (cifar10-valid, x-valid), (cifar10,
 *       test) is (cifar10, ori-test), valid/test of cifar100 and ImageNet16-120 are x-valid/x-test.
 *   <li>{@code simulate_train_eval} maps cifar10 to cifar10-valid and costs train-all-time plus
 *       valid-per-time; the latency is that of the dataset as given.
 * </ul>
 *
 * Unknown names fail with {@link IllegalArgumentException} listing the valid ones; absent data
 * fails with {@link MissingDataException} naming exactly what is absent. Thread-safe.
 */
public final class Nb201Api implements AutoCloseable {
  /** The official default hp of every query method ({@code hp='12'}). */
  public static final int DEFAULT_HP = 12;
  /** Entries the per-architecture stats cache holds (about half a kilobyte each). */
  public static final int CACHE_ENTRIES = 200_000;

  private final Store store;
  private final boolean ownsStore;
  private final StoreReader reader;
  private final List<Integer> hps;
  private final Map<Long, TrialIndex> trialIndexes = new ConcurrentHashMap<>();
  private final StatsCache cache;
  private final PyRandom rng;
  private volatile List<StoreReader.HardwareSet> hardwareSets;
  private double usedTime;

  /** An API over an open store, with the random generator seeded with {@code randomSeed}. */
  public Nb201Api(Store store, long randomSeed) {
    this(store, false, randomSeed, CACHE_ENTRIES);
  }

  /**
   * An API over an open store with a cache of {@code cacheEntries} per-architecture records; 0
   * turns caching off (every query reads the store, e.g. to measure cold queries).
   */
  public Nb201Api(Store store, long randomSeed, int cacheEntries) {
    this(store, false, randomSeed, cacheEntries);
  }

  private Nb201Api(Store store, boolean ownsStore, long randomSeed, int cacheEntries) {
    if (cacheEntries < 0) {
      throw new IllegalArgumentException("cache entries must be >= 0, got " + cacheEntries);
    }
    this.store = store;
    this.ownsStore = ownsStore;
    this.reader = store.reader();
    this.hps = List.copyOf(reader.hps());
    this.cache = new StatsCache(reader, hps, cacheEntries);
    this.rng = new PyRandom(randomSeed);
  }

  /** Opens the store at {@code file}; the API closes it. The random generator is seeded with 0. */
  public static Nb201Api open(Path file) {
    return new Nb201Api(Store.open(file), true, 0, CACHE_ENTRIES);
  }

  /** Opens the store at {@code file} with the random generator seeded with {@code randomSeed}. */
  public static Nb201Api open(Path file, long randomSeed) {
    return new Nb201Api(Store.open(file), true, randomSeed, CACHE_ENTRIES);
  }

  public Store store() {
    return store;
  }

  /** 15,625, the official {@code len(api)}. */
  public int size() {
    return Arch.COUNT;
  }

  /** The official string of architecture {@code index} ({@code api.arch(i)}). */
  public String arch(int index) {
    return SearchSpace.official().arch(index).toString();
  }

  /** {@code query_index_by_arch} for an index: returned when valid, else an error. */
  public int queryIndexByArch(int index) {
    SearchSpace.checkIndex(index);
    return index;
  }

  /** {@code query_index_by_arch} for a string: its index when it is an official string exactly, else -1. */
  public int queryIndexByArch(String arch) {
    try {
      Arch a = ArchParser.parseOfficial(arch);
      return a.toString().equals(arch) ? SearchSpace.official().indexOf(a) : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** {@code query_index_by_arch} for a cell object. */
  public int queryIndexByArch(Arch arch) {
    return SearchSpace.official().indexOf(arch);
  }

  /** The hp values (numbers of epochs) this store has, ascending (officially {@code avaliable_hps}). */
  public List<Integer> hps() {
    return hps;
  }

  /** The seeds of one (index, dataset, hp), ascending; empty when there are none or only pre-averaged values. */
  public List<Integer> seeds(int index, String dataset, int hp) {
    List<Integer> out = new ArrayList<>();
    for (int s : trials(dataset, hp).realSeeds(index)) {
      out.add(s);
    }
    return out;
  }

  /** The datasets (in official order) for which the store has trials of {@code index} with this hp. */
  public List<String> datasetsOf(int index, int hp) {
    SearchSpace.checkIndex(index);
    checkHp(hp);
    List<String> out = new ArrayList<>();
    for (String d : StoreFormat.DATASETS) {
      if (trials(d, hp).count(index) > 0) {
        out.add(d);
      }
    }
    return out;
  }

  /** What the store holds for {@code index}, for messages: {@code cifar10/200 seeds 777 888 999, ...}. */
  public String describeArch(int index) {
    List<String> sets = reader.trialSetsOf(index);
    return sets.isEmpty() ? "no trials at all" : String.join(", ", sets);
  }

  /** {@code get_more_info(index, dataset)} with the official defaults: last epoch, hp 12, a random seed. */
  public MoreInfo getMoreInfo(int index, String dataset) throws MissingDataException {
    return getMoreInfo(index, dataset, null, DEFAULT_HP, SeedChoice.random());
  }

  /**
   * {@code get_more_info(index, dataset, iepoch, hp, is_random)}: losses, accuracies and times of
   * train and the dataset's evaluation sets at epoch {@code iepoch} ({@code null} = last).
   */
  public MoreInfo getMoreInfo(int index, String dataset, Integer iepoch, int hp, SeedChoice choice)
      throws MissingDataException {
    OfficialNames.checkDataset(dataset);
    int epoch = epoch(iepoch, hp);
    int[] seeds = select(index, dataset, hp, choice);
    return MoreInfoQuery.build(index, dataset, hp, epoch, seeds, cache.get(index, dataset, hp, epoch));
  }

  /** {@link #getMoreInfo(int, String, Integer, int, SeedChoice)} for an official architecture string. */
  public MoreInfo getMoreInfo(String arch, String dataset, Integer iepoch, int hp, SeedChoice choice)
      throws MissingDataException {
    return getMoreInfo(resolve(arch), dataset, iepoch, hp, choice);
  }

  /** {@code get_cost_info(index, dataset)} with the official default hp 12. */
  public CostInfo getCostInfo(int index, String dataset) throws MissingDataException {
    return getCostInfo(index, dataset, DEFAULT_HP);
  }

  /** {@code get_cost_info(index, dataset, hp)}: FLOPs, params, latency and the time totals. */
  public CostInfo getCostInfo(int index, String dataset, int hp) throws MissingDataException {
    OfficialNames.checkDataset(dataset);
    checkHp(hp);
    SearchSpace.checkIndex(index);
    return CostQuery.build(reader, trials(dataset, hp), index, dataset, hp,
        HardwareQuery.of(reader, hardwareSets(), index, dataset));
  }

  /**
   * The device values the store holds: (device, dataset, metric, unit, cells), by device; empty for a
   * store without any (format version 1, or none imported).
   */
  public List<StoreReader.HardwareSet> hardwareSets() {
    List<StoreReader.HardwareSet> sets = hardwareSets;
    if (sets == null) {
      sets = List.copyOf(reader.hardwareSets());
      hardwareSets = sets;
    }
    return sets;
  }

  /**
   * The device values of one architecture for {@code dataset}'s network, keyed as HW-NAS-Bench's
   * {@code query_by_index} keys them: {@code <device>_latency} (ms), {@code <device>_energy} (mJ);
   * {@code NaN} for a cell the device was not measured on. cifar10-valid uses cifar10's values when
   * it has none of its own (the same network).
   */
  public Map<String, Double> getHardwareInfo(int index, String dataset) {
    OfficialNames.checkDataset(dataset);
    SearchSpace.checkIndex(index);
    return HardwareQuery.of(reader, hardwareSets(), index, dataset);
  }

  /** All values of one (device, metric) for {@code dataset}'s network; fails, listing what the store has. */
  public HardwareTable hardware(String device, String metric, String dataset) {
    OfficialNames.checkDataset(dataset);
    return HardwareQuery.table(reader, hardwareSets(), device, metric, dataset);
  }

  /** {@code get_latency(index, dataset)} with the official default hp 12. */
  public double getLatency(int index, String dataset) throws MissingDataException {
    return getLatency(index, dataset, DEFAULT_HP);
  }

  /** {@code get_latency}: seconds per batch of 256; hp is checked but latency does not depend on it. */
  public double getLatency(int index, String dataset, int hp) throws MissingDataException {
    OfficialNames.checkDataset(dataset);
    checkHp(hp);
    SearchSpace.checkIndex(index);
    return CostQuery.latency(reader, index, dataset);
  }

  /** {@code simulate_train_eval(arch, dataset)} with the official defaults: last epoch, hp 12, time accounted. */
  public SimulatedResult simulateTrainEval(int index, String dataset) throws MissingDataException {
    return simulateTrainEval(index, dataset, null, DEFAULT_HP, true);
  }

  /**
   * {@code simulate_train_eval}: what a NAS algorithm observes when it "trains" {@code index}: the
   * x-valid accuracy of a random trial and its simulated cost, added to {@link #usedTime()} when
   * {@code accountTime}.
   */
  public SimulatedResult simulateTrainEval(int index, String dataset, Integer iepoch, int hp, boolean accountTime)
      throws MissingDataException {
    SimulatedResult r = SimulateQuery.run(this, index, dataset, iepoch, hp);
    synchronized (this) {
      if (accountTime) {
        usedTime += r.timeCost();
      }
      return new SimulatedResult(r.validAccuracy(), r.latency(), r.timeCost(), usedTime, r.seed());
    }
  }

  /** Simulated seconds accumulated by {@link #simulateTrainEval} since the last {@link #resetTime()}. */
  public synchronized double usedTime() {
    return usedTime;
  }

  /** Sets the accumulated simulated time back to 0 (official {@code reset_time}). */
  public synchronized void resetTime() {
    usedTime = 0;
  }

  /** {@code find_best(dataset, metric_on_set)} with no limits and the official default hp 12. */
  public BestResult findBest(String dataset, String metricOnSet) {
    return findBest(dataset, metricOnSet, null, null, DEFAULT_HP);
  }

  /**
   * {@code find_best}: the architecture with the highest seed-averaged accuracy at the last epoch
   * among those with FLOPs &le; {@code flopMax} and params &le; {@code paramMax} (millions; null =
   * no limit), after the official name remapping.
   */
  public BestResult findBest(String dataset, String metricOnSet, Double flopMax, Double paramMax, int hp) {
    return findBest(dataset, metricOnSet, flopMax, paramMax, hp, List.of());
  }

  /**
   * {@code find_best} with device limits as well (e.g. fpga latency &le; 3 ms), inclusive like the
   * FLOP and parameter limits; the device values are those of the remapped dataset's network.
   */
  public BestResult findBest(String dataset, String metricOnSet, Double flopMax, Double paramMax, int hp,
      List<HardwareLimit> limits) {
    OfficialNames.DatasetSplit ds = OfficialNames.remap(dataset, metricOnSet);
    checkHp(hp);
    checkLimit("flopMax", flopMax);
    checkLimit("paramMax", paramMax);
    double[][] hw = new double[limits.size()][];
    double[] maxima = new double[limits.size()];
    for (int k = 0; k < limits.size(); k++) {
      hw[k] = hardware(limits.get(k).device(), limits.get(k).metric(), ds.dataset()).values();
      maxima[k] = limits.get(k).max();
    }
    TrialIndex ti = trials(ds.dataset(), hp);
    FinalView view = FinalView.load(reader, ti, ds.dataset(), hp, ds.split(), hp - 1);
    return BestFinder.find(view, flopMax == null && paramMax == null ? null : reader.costs(ds.dataset()),
        flopMax, paramMax, hw, maxima);
  }

  private static void checkLimit(String name, Double limit) {
    if (limit != null && Double.isNaN(limit)) {
      // every comparison with NaN is false: it would silently act as no limit
      throw new IllegalArgumentException(name + " is NaN; expected a limit in millions, or null for none");
    }
  }

  /** {@code statistics(dataset, hp)}: number of trials (seeds) mapped to how many evaluated archs have that many. */
  public SortedMap<Integer, Integer> statistics(String dataset, int hp) {
    OfficialNames.checkDataset(dataset);
    checkHp(hp);
    BitSet evaluated = reader.evaluated(hp);
    TrialIndex ti = trials(dataset, hp);
    SortedMap<Integer, Integer> out = new TreeMap<>();
    for (int i = evaluated.nextSetBit(0); i >= 0; i = evaluated.nextSetBit(i + 1)) {
      out.merge(ti.count(i), 1, Integer::sum);
    }
    return out;
  }

  /** The in-memory view of {@code split} at the last epoch, for search algorithms. */
  public FinalView finalView(String dataset, int hp, String split) {
    OfficialNames.checkDataset(dataset);
    checkHp(hp);
    return FinalView.load(reader, trials(dataset, hp), dataset, hp, Split.byKey(split), hp - 1);
  }

  /** Loads the stats of every architecture for one (dataset, hp, epoch) in one query, before a sweep. */
  public void prefetch(String dataset, int hp, Integer iepoch) {
    OfficialNames.checkDataset(dataset);
    cache.prefetch(dataset, hp, epoch(iepoch, hp));
  }

  /** Drops the cached per-architecture records (the next queries read the store again). */
  public void clearCache() {
    cache.clear();
  }

  /** Reseeds the generator behind {@link SeedChoice#random()}. */
  public void setRandomSeed(long seed) {
    synchronized (rng) {
      rng.seed(seed);
    }
  }

  private int[] select(int index, String dataset, int hp, SeedChoice choice) throws MissingDataException {
    SearchSpace.checkIndex(index);
    TrialIndex ti = trials(dataset, hp);
    if (ti.count(index) == 0) {
      throw new MissingDataException(index, dataset, "no trials for (index " + index + ", " + dataset + ", hp " + hp
          + ") in " + store.path().getFileName() + "; this arch has " + describeArch(index));
    }
    return ti.select(index, dataset, hp, choice, rng);
  }

  private int epoch(Integer iepoch, int hp) {
    checkHp(hp);
    int e = iepoch == null ? hp - 1 : iepoch;
    if (e < 0 || e >= hp) {
      throw new IllegalArgumentException("iepoch " + e + " out of range for hp " + hp + ", expected 0.." + (hp - 1));
    }
    return e;
  }

  private void checkHp(int hp) {
    if (!hps.contains(hp)) {
      throw new IllegalArgumentException("hp " + hp + " not in this store; expected one of " + hps
          + (hp == DEFAULT_HP ? " (12 is the official default hp; pass 200 for the paper's full schedule)" : ""));
    }
  }

  TrialIndex trials(String dataset, int hp) {
    long key = ((long) StoreFormat.datasetCode(dataset) << 32) | hp;
    return trialIndexes.computeIfAbsent(key, k -> TrialIndex.load(reader, dataset, hp));
  }

  private int resolve(String arch) {
    int index = queryIndexByArch(arch);
    if (index < 0) {
      throw new IllegalArgumentException("'" + arch + "' is not an official architecture string; expected e.g. "
          + arch(0));
    }
    return index;
  }

  @Override
  public void close() {
    if (ownsStore) {
      store.close();
    }
  }
}
