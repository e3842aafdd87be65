package org.nb201.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nb201.space.Dataset;
import org.nb201.space.SearchSpace;

/**
 * One trial of a plan: which cell to train on which dataset setting, for how many epochs (hp),
 * with which seed, network size (C, N) and data limits (0 = the whole split). Its {@link #id()} is a
 * hash of exactly this content, so the same trial has the same id in every plan and on every machine.
 */
public record TrialSpec(int index, String dataset, int hp, int seed, int channels, int cells, int trainLimit,
    int evalLimit) {
  public TrialSpec {
    SearchSpace.checkIndex(index);
    Dataset.byKey(dataset);
    if (hp < 1 || channels < 1 || cells < 0 || trainLimit < 0 || evalLimit < 0 || seed < 0) {
      throw new IllegalArgumentException("bad trial: hp, C must be >= 1, N, seed and limits >= 0: hp=" + hp + " C="
          + channels + " N=" + cells + " seed=" + seed + " limits=" + trainLimit + "/" + evalLimit);
    }
  }

  /** A stable 16-hex-digit content hash. */
  public String id() {
    String canonical = "nb201-trial-v1|" + index + "|" + dataset + "|" + hp + "|" + seed + "|" + channels + "|" + cells
        + "|" + trainLimit + "|" + evalLimit;
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Whether this trial uses the benchmark network (C = 16, N = 5) on full data. */
  public boolean isBenchmarkShape() {
    return channels == 16 && cells == 5 && trainLimit == 0 && evalLimit == 0;
  }
}
