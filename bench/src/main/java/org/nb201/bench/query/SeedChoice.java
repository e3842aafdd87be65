package org.nb201.bench.query;

import java.util.Locale;

/**
 * Which trials a query uses, the official {@code is_random} argument: {@link #random()} picks one
 * seed uniformly (the official default of {@code get_more_info}, reproducible here through the
 * API's seeded CPython-compatible generator), {@link #mean()} averages over all seeds of the
 * (dataset, hp) like {@code is_random=False}, and {@link #fixed(int)} uses one given seed.
 */
public final class SeedChoice {
  /** The three kinds of choice. */
  public enum Kind { RANDOM, MEAN, FIXED }

  private static final SeedChoice RANDOM = new SeedChoice(Kind.RANDOM, 0);
  private static final SeedChoice MEAN = new SeedChoice(Kind.MEAN, 0);

  private final Kind kind;
  private final int seed;

  private SeedChoice(Kind kind, int seed) {
    this.kind = kind;
    this.seed = seed;
  }

  /** One seed chosen uniformly at random per query (official {@code is_random=True}). */
  public static SeedChoice random() {
    return RANDOM;
  }

  /** The mean over all seeds (official {@code is_random=False}). */
  public static SeedChoice mean() {
    return MEAN;
  }

  /** The trial with this seed (official {@code is_random=<int>}). */
  public static SeedChoice fixed(int seed) {
    return new SeedChoice(Kind.FIXED, seed);
  }

  /** Parses {@code random}, {@code mean} or a seed number. */
  public static SeedChoice parse(String text) {
    String s = text == null ? "" : text.strip();
    if (s.equals("random")) {
      return RANDOM;
    }
    if (s.equals("mean")) {
      return MEAN;
    }
    try {
      return fixed(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unknown seed choice '" + text + "'; expected random, mean or a seed number");
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The seed of a {@link Kind#FIXED} choice. */
  public int seed() {
    if (kind != Kind.FIXED) {
      throw new IllegalStateException("a " + this + " choice has no fixed seed");
    }
    return seed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeedChoice c && c.kind == kind && c.seed == seed;
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + seed;
  }

  @Override
  public String toString() {
    return kind == Kind.FIXED ? "seed " + seed : kind.name().toLowerCase(Locale.ROOT);
  }
}
