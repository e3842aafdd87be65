package org.nb201.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.nb201.space.Isomorphism;
import org.nb201.space.Messages;
import org.nb201.space.PyRandom;
import org.nb201.space.SearchSpace;

/** Resolves the cells of a {@link PlanConfig} (or of any {@code --archs} value) to sorted official indices. */
public final class ArchSelector {
  private ArchSelector() {}

  static List<Integer> select(PlanConfig config) {
    SearchSpace space = SearchSpace.official();
    List<Integer> pool = parse(config.archs(), space);
    TreeSet<Integer> chosen = new TreeSet<>();
    for (int i : config.include()) {
      SearchSpace.checkIndex(i);
      chosen.add(i);
    }
    if (config.sample() > 0) {
      int[] order = pool.stream().mapToInt(Integer::intValue).toArray();
      new PyRandom(config.sampleSeed()).shuffle(order);
      for (int k = 0; k < order.length && chosen.size() < config.sample(); k++) {
        chosen.add(order[k]);
      }
    } else {
      chosen.addAll(pool);
    }
    return new ArrayList<>(chosen);
  }

  /**
   * The cells of an {@code --archs} value: {@code all}, {@code unique} or indices and ranges such as
   * {@code 0,11,100-120}.
   */
  public static List<Integer> indices(String archs) {
    return parse(archs, SearchSpace.official());
  }

  private static List<Integer> parse(String archs, SearchSpace space) {
    List<Integer> out = new ArrayList<>();
    String s = archs.strip();
    if (s.equals("all")) {
      for (int i = 0; i < space.size(); i++) {
        out.add(i);
      }
      return out;
    }
    if (s.equals("unique")) {
      for (int i = 0; i < space.size(); i++) {
        if (space.uniqueClass(i, Isomorphism.OFFICIAL) == i) {
          out.add(i);
        }
      }
      return out;
    }
    TreeSet<Integer> set = new TreeSet<>();
    for (String part : s.split(",")) {
      String p = part.strip();
      try {
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          int a = Integer.parseInt(p.substring(0, dash).strip());
          int b = Integer.parseInt(p.substring(dash + 1).strip());
          SearchSpace.checkIndex(a);
          SearchSpace.checkIndex(b);
          if (b < a) {
            throw new IllegalArgumentException("bad range '" + p + "' in --archs: the end is before the start");
          }
          for (int i = a; i <= b; i++) {
            set.add(i);
          }
        } else {
          int i = Integer.parseInt(p);
          SearchSpace.checkIndex(i);
          set.add(i);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad --archs item '" + Messages.clip(p) + "'; expected all, unique or"
            + " indices/ranges like 0,11,100-120");
      }
    }
    out.addAll(set);
    return out;
  }
}
