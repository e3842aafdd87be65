package org.nb201.train.search;

import java.util.random.RandomGenerator;

/**
 * The search's one random stream (data order, validation pairing, augmentation, Gumbel noise):
 * SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), whose whole state is one {@code long}, so a
 * checkpoint can hold it and a resumed run draws exactly what the uninterrupted run would have.
 */
public final class SearchRandom implements RandomGenerator {
  private static final long GAMMA = 0x9e3779b97f4a7c15L;
  private long state;

  /** A stream seeded with {@code seed}. */
  public SearchRandom(long seed) {
    this.state = seed;
  }

  /** The state, for a checkpoint. */
  public long state() {
    return state;
  }

  /** Continues from {@code state} (a checkpoint's). */
  public void restore(long state) {
    this.state = state;
  }

  @Override
  public long nextLong() {
    long z = state += GAMMA;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
