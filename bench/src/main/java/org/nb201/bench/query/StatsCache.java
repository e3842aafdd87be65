package org.nb201.bench.query;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.store.StoreFormat;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;

/**
 * A bounded LRU cache of {@link EpochStats} keyed by (index, dataset, hp, epoch), filled by one SQL
 * query per miss. A random-access miss at the last epoch loads the architecture's whole record
 * (every dataset and hp, one short query on the leading sort key, measured faster than a query
 * that also filters on dataset and hp). Misses that walk the indices in order (a sweep) fetch
 * growing blocks of architectures of one (dataset, hp, epoch) in one query (1, 2, 4, ... up to
 * {@value #MAX_BLOCK}), like read-ahead, so a full sweep costs a few dozen queries, not 15,625.
 */
final class StatsCache {
  static final int MAX_BLOCK = 4096;

  private final StoreReader reader;
  private final List<Integer> hps;
  private final int capacity;
  private final Map<Long, EpochStats> map;
  private long runContext = -1;
  private int runNext = -1;
  private int runBlock = 1;

  StatsCache(StoreReader reader, List<Integer> hps, int capacity) {
    this.reader = reader;
    this.hps = hps;
    this.capacity = capacity;
    this.map = new LinkedHashMap<>(1024, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, EpochStats> eldest) {
        return size() > StatsCache.this.capacity;
      }
    };
  }

  static long key(int index, String dataset, int hp, int epoch) {
    return context(dataset, hp, epoch) << 14 | index;
  }

  private static long context(String dataset, int hp, int epoch) {
    return ((long) StoreFormat.datasetCode(dataset) << 32) | ((long) hp << 16) | epoch;
  }

  /** The stats of one architecture, from the cache or the store. */
  EpochStats get(int index, String dataset, int hp, int epoch) {
    long key = key(index, dataset, hp, epoch);
    int block;
    synchronized (this) {
      EpochStats s = map.get(key);
      if (s != null) {
        return s;
      }
      long ctx = context(dataset, hp, epoch);
      if (ctx == runContext && index == runNext) {
        runBlock = Math.min(runBlock * 2, MAX_BLOCK);
      } else {
        runBlock = 1;
      }
      block = Math.max(1, Math.min(runBlock, capacity / 2));
      runContext = ctx;
      runNext = Math.min(index + block, Arch.COUNT);
    }
    if (block == 1 && epoch == hp - 1) {
      return loadArch(index, dataset, hp);
    }
    return load(block, index, dataset, hp, epoch);
  }

  /** Loads the last-epoch stats of every (dataset, hp) of one architecture; returns the requested one. */
  private EpochStats loadArch(int index, String dataset, int hp) {
    Map<Long, EpochStats> loaded = new HashMap<>();
    reader.finalsOf(index, (d, h, seed, split, acc, loss, tSum, tCount) ->
        loaded.computeIfAbsent(key(index, d, h, h - 1), k -> new EpochStats())
            .add(seed, split, acc, loss, tSum, tCount));
    synchronized (this) {
      for (String d : StoreFormat.DATASETS) {
        for (int h : hps) {
          long k = key(index, d, h, h - 1);
          map.put(k, loaded.getOrDefault(k, EpochStats.EMPTY));
        }
      }
    }
    return loaded.getOrDefault(key(index, dataset, hp, hp - 1), EpochStats.EMPTY);
  }

  /** Loads every architecture of one (dataset, hp, epoch) in one query. */
  void prefetch(String dataset, int hp, int epoch) {
    load(Arch.COUNT, 0, dataset, hp, epoch);
  }

  /** Loads architectures {@code from..from+block-1} into the cache; returns the stats of {@code from}. */
  private EpochStats load(int block, int from, String dataset, int hp, int epoch) {
    int to = Math.min(from + block, Arch.COUNT) - 1;
    EpochStats[] loaded = new EpochStats[to - from + 1];
    reader.epochRows(from, to, dataset, hp, epoch, (index, seed, split, acc, loss, tSum, tCount) -> {
      EpochStats s = loaded[index - from];
      if (s == null) {
        s = new EpochStats();
        loaded[index - from] = s;
      }
      s.add(seed, split, acc, loss, tSum, tCount);
    });
    synchronized (this) {
      for (int i = 0; i < loaded.length; i++) {
        map.put(key(from + i, dataset, hp, epoch), loaded[i] == null ? EpochStats.EMPTY : loaded[i]);
      }
    }
    return loaded[0] == null ? EpochStats.EMPTY : loaded[0];
  }

  synchronized int size() {
    return map.size();
  }

  synchronized void clear() {
    map.clear();
    runContext = -1;
  }
}
