package org.nb201.space;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The 15,625 cells in the official index order, derived (never stored) exactly as the official
 * {@code generate_meta_info} does (AutoDL-Projects {@code exps/NAS-Bench-201/main.py}; see
 * docs/search-space.md#the-official-index): enumerate the cells in base-5 order, then shuffle with
 * CPython's {@code random.seed(88)} + {@code random.shuffle}. Thread-safe and immutable once built.
 */
public final class SearchSpace {
  /** The seed of the official shuffle ("please do not change this line for reproducibility"). */
  public static final int SHUFFLE_SEED = 88;
  /**
   * SHA-256 of the 15,625 official strings joined with {@code \n}, the list NATS-Bench ships as {@code meta_archs}
   * (docs/search-space.md#reference-indices-and-checksums).
   */
  public static final String OFFICIAL_SHA256 = "83abc799e45cf34e9d2163654668ab998b9a54d01c39e72ca1f71f2cdf356d84";

  private static final class Holder {
    static final SearchSpace OFFICIAL = new SearchSpace();
  }

  private final int[] indexToCode = new int[Arch.COUNT];
  private final int[] codeToIndex = new int[Arch.COUNT];
  private final Map<Isomorphism, int[]> representative = new EnumMap<>(Isomorphism.class);
  private final Map<Isomorphism, int[]> classSize = new EnumMap<>(Isomorphism.class);

  private SearchSpace() {
    System.arraycopy(deriveOrder(SHUFFLE_SEED), 0, indexToCode, 0, Arch.COUNT);
    for (int i = 0; i < Arch.COUNT; i++) {
      codeToIndex[indexToCode[i]] = i;
    }
  }

  /**
   * The official derivation: {@code gen_all} positions 0..15624 shuffled by CPython's
   * {@code random.shuffle} after {@code random.seed(seed)}; element i is the cell code of index i.
   */
  public static int[] deriveOrder(int seed) {
    int[] order = new int[Arch.COUNT];
    for (int i = 0; i < Arch.COUNT; i++) {
      order[i] = i;
    }
    new PyRandom(seed).shuffle(order);
    return order;
  }

  /** The official NAS-Bench-201 / NATS-Bench topology space. */
  public static SearchSpace official() {
    return Holder.OFFICIAL;
  }

  /** 15,625. */
  public int size() {
    return Arch.COUNT;
  }

  /** The cell with official index {@code index}. */
  public Arch arch(int index) {
    checkIndex(index);
    return Arch.ofCode(indexToCode[index]);
  }

  /** The official index of {@code arch}. */
  public int indexOf(Arch arch) {
    return codeToIndex[arch.code()];
  }

  /**
   * Resolves what a user typed: a decimal index 0..15624, or a cell in any form {@link ArchParser}
   * accepts. Errors name the problem and what is expected.
   */
  public Arch resolve(String indexOrArch) {
    String s = indexOrArch == null ? "" : indexOrArch.strip();
    if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')
        && s.chars().skip(1).allMatch(Character::isDigit)) {
      int index;
      try {
        index = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("index " + Messages.clip(s) + " out of range, expected 0..15624");
      }
      return arch(index);
    }
    return ArchParser.parse(s);
  }

  /** Fails with a clear message when {@code index} is not 0..15624. */
  public static void checkIndex(int index) {
    if (index < 0 || index >= Arch.COUNT) {
      throw new IllegalArgumentException("index " + index + " out of range, expected 0..15624");
    }
  }

  /** The smallest official index in the isomorphism class of cell {@code index} under {@code mode}. */
  public int uniqueClass(int index, Isomorphism mode) {
    checkIndex(index);
    return classes(mode)[0][index];
  }

  /** The number of cells in the isomorphism class of cell {@code index} under {@code mode}. */
  public int classSize(int index, Isomorphism mode) {
    checkIndex(index);
    return classes(mode)[1][index];
  }

  /** The number of distinct classes under {@code mode}. */
  public int classCount(Isomorphism mode) {
    int[] rep = classes(mode)[0];
    int n = 0;
    for (int i = 0; i < rep.length; i++) {
      if (rep[i] == i) {
        n++;
      }
    }
    return n;
  }

  private synchronized int[][] classes(Isomorphism mode) {
    int[] rep = representative.get(mode);
    if (rep == null) {
      rep = new int[Arch.COUNT];
      int[] size = new int[Arch.COUNT];
      Map<String, Integer> first = new HashMap<>(Arch.COUNT * 2);
      for (int i = 0; i < Arch.COUNT; i++) {
        final int idx = i;
        rep[i] = first.computeIfAbsent(arch(i).uniqueString(mode), k -> idx);
        size[rep[i]]++;
      }
      for (int i = 0; i < Arch.COUNT; i++) {
        size[i] = size[rep[i]];
      }
      representative.put(mode, rep);
      classSize.put(mode, size);
    }
    return new int[][] {rep, classSize.get(mode)};
  }

  /** The official strings in index order joined with {@code \n}, no trailing newline. */
  public String joinedStrings() {
    StringBuilder sb = new StringBuilder(Arch.COUNT * 90);
    for (int i = 0; i < Arch.COUNT; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(arch(i));
    }
    return sb.toString();
  }

  /** Hex SHA-256 of {@link #joinedStrings()}; equals {@link #OFFICIAL_SHA256} for the official order. */
  public String sha256() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(joinedStrings().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
