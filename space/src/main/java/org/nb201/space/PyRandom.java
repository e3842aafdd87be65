package org.nb201.space;

/**
 * CPython 3's {@code random.Random}: MT19937 seeded by {@code init_by_array}, with the exact
 * {@code getrandbits}, {@code _randbelow}, {@code shuffle}, {@code random}, {@code choice} and
 * {@code randint} algorithms, so that Java reproduces Python's sequences bit for bit (CPython {@code Lib/random.py},
 * {@code Modules/_randommodule.c}; see docs/search-space.md#cpython-random-in-detail).
 * The official index order ({@code random.seed(88)}) and the CIFAR-10 split ({@code random.seed(1021)})
 * both depend on it. Not thread-safe.
 */
public final class PyRandom {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int mti;
  /** The state after {@code init_genrand(19650218)}, where every {@code init_by_array} starts. */
  private static final int[] GENRAND_19650218 = new int[N];

  static {
    GENRAND_19650218[0] = 19650218;
    for (int i = 1; i < N; i++) {
      int p = GENRAND_19650218[i - 1];
      GENRAND_19650218[i] = 1812433253 * (p ^ (p >>> 30)) + i;
    }
  }

  /** Equivalent to Python's {@code random.Random(seed)} for a non-negative int seed. */
  public PyRandom(long seed) {
    seed(seed);
  }

  /** Python's {@code random.seed(n)} for an int n: the key is |n| split into 32-bit words. */
  public void seed(long seed) {
    long a = Math.abs(seed);
    int[] key;
    if (a >>> 32 == 0) {
      key = new int[] {(int) a};
    } else {
      key = new int[] {(int) a, (int) (a >>> 32)};
    }
    initByArray(key);
  }

  /** MT19937 {@code init_by_array}, as CPython's {@code random_seed} calls it. */
  public void initByArray(int[] key) {
    System.arraycopy(GENRAND_19650218, 0, mt, 0, N); // init_genrand(19650218), precomputed
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    mti = N;
  }

  /** The next raw 32-bit output, as an unsigned value in a long. */
  public long nextUint32() {
    return next() & 0xffffffffL;
  }

  /** The next raw 32-bit output as an int (the same bits as {@link #nextUint32()}). */
  private int next() {
    if (mti >= N) {
      twist();
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return y ^ (y >>> 18);
  }

  private void twist() {
    final int[] m = mt;
    int kk = 0;
    for (; kk < N - M; kk++) {
      int y = (m[kk] & 0x80000000) | (m[kk + 1] & 0x7fffffff);
      m[kk] = m[kk + M] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    for (; kk < N - 1; kk++) {
      int y = (m[kk] & 0x80000000) | (m[kk + 1] & 0x7fffffff);
      m[kk] = m[kk + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    int y = (m[N - 1] & 0x80000000) | (m[0] & 0x7fffffff);
    m[N - 1] = m[M - 1] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    mti = 0;
  }

  /** Python's {@code getrandbits(k)} for 1 &le; k &le; 32. */
  public long getrandbits(int k) {
    if (k < 1 || k > 32) {
      throw new IllegalArgumentException("getrandbits supports 1..32 bits here, got " + k);
    }
    return (next() & 0xffffffffL) >>> (32 - k);
  }

  /** Python's {@code _randbelow(n)} (rejection sampling on {@code n.bit_length()} bits), n &ge; 1. */
  public int randbelow(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("randbelow needs n >= 1, got " + n);
    }
    int shift = Integer.numberOfLeadingZeros(n); // 32 - bit_length(n)
    int r = next() >>> shift;
    while (r >= n) {
      r = next() >>> shift;
    }
    return r;
  }

  /** Python's {@code random()}: a double in [0, 1) with 53 random bits. */
  public double random() {
    long a = next() >>> 5;
    long b = next() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** Python's {@code randint(a, b)}: uniform in [a, b] inclusive. */
  public int randint(int a, int b) {
    return a + randbelow(b - a + 1);
  }

  /** Python's {@code choice(seq)} index: {@code _randbelow(size)}. */
  public int choiceIndex(int size) {
    return randbelow(size);
  }

  /** Python's {@code shuffle(x)} in place: for i from n-1 down to 1, swap x[i] with x[randbelow(i+1)]. */
  public void shuffle(int[] x) {
    for (int i = x.length - 1; i > 0; i--) {
      int j = randbelow(i + 1);
      int t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }
}
