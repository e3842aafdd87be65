package org.nb201.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;

/**
 * One trial of a plan: which cell to train on which dataset setting, for how many epochs (hp),
 * with which seed, network size (C, N), data limits (0 = the whole split) and batch size. Its {@link #id()} is a
 * hash of exactly this content, so the same trial has the same id in every plan and on every machine.
 */
public record TrialSpec(int index, String dataset, int hp, int seed, int channels, int cells, int trainLimit,
    int evalLimit, int batchSize) implements WorkUnit {
  /** The benchmark's batch size. */
  public static final int BENCH_BATCH = 256;

  public TrialSpec {
    SearchSpace.checkIndex(index);
    Dataset.byKey(dataset);
    if (hp < 1 || channels < 1 || cells < 0 || trainLimit < 0 || evalLimit < 0 || seed < 0 || batchSize < 1) {
      throw new IllegalArgumentException("bad trial: hp, C and batch must be >= 1, N, seed and limits >= 0: hp=" + hp
          + " C=" + channels + " N=" + cells + " seed=" + seed + " limits=" + trainLimit + "/" + evalLimit + " batch="
          + batchSize);
    }
  }

  /** A trial with the benchmark's batch size. */
  public TrialSpec(int index, String dataset, int hp, int seed, int channels, int cells, int trainLimit,
      int evalLimit) {
    this(index, dataset, hp, seed, channels, cells, trainLimit, evalLimit, BENCH_BATCH);
  }

  /** A stable 16-hex-digit content hash. */
  @Override
  public String id() {
    String canonical = "nb201-trial-v1|" + index + "|" + dataset + "|" + hp + "|" + seed + "|" + channels + "|" + cells
        + "|" + trainLimit + "|" + evalLimit + "|" + batchSize;
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Whether this trial uses the benchmark network (C = 16, N = 5) on full data. */
  public boolean isBenchmarkShape() {
    return channels == 16 && cells == 5 && trainLimit == 0 && evalLimit == 0 && batchSize == BENCH_BATCH;
  }
}
