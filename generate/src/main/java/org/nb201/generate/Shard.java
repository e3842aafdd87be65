package org.nb201.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Shard k of n of a plan: the trials at positions p with {@code p % n == k}. Stable (a plan never
 * changes), balanced (sizes differ by at most one) and complete (every trial is in exactly one shard),
 * so any array-job engine can run a plan with one task per shard.
 */
public record Shard(int k, int n) {
  /** The whole plan. */
  public static final Shard ALL = new Shard(0, 1);

  public Shard {
    if (n < 1 || k < 0 || k >= n) {
      throw new IllegalArgumentException("bad shard " + k + "/" + n + "; expected k/N with N >= 1 and 0 <= k < N");
    }
  }

  /** Parses {@code k/N}. */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/");
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("bad shard '" + text + "'; expected k/N, e.g. 0/4");
  }

  /** The trials of this shard, in plan order. */
  public List<TrialSpec> select(Plan plan) {
    List<TrialSpec> out = new ArrayList<>();
    for (int p = k; p < plan.trials().size(); p += n) {
      out.add(plan.trials().get(p));
    }
    return out;
  }

  @Override
  public String toString() {
    return k + "/" + n;
  }
}
