package org.nb201.space.algorithm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every registered NAS algorithm, found once through {@link ServiceLoader} on the class path, in class-path
 * order (within a module, the order of its {@code META-INF/services} file): the single {@link AlgorithmProvider}s
 * first, then the providers of every {@link AlgorithmFamily}.
 */
public final class Algorithms {
  private Algorithms() {}

  private static final class Loaded {
    static final List<AlgorithmProvider> ALL = check(load());

    private static List<AlgorithmProvider> load() {
      ClassLoader loader = Algorithms.class.getClassLoader();
      List<AlgorithmProvider> all = new ArrayList<>();
      ServiceLoader.load(AlgorithmProvider.class, loader).forEach(all::add);
      ServiceLoader.load(AlgorithmFamily.class, loader).forEach(f -> all.addAll(f.providers()));
      return all;
    }
  }

  /** All registered algorithms. */
  public static List<AlgorithmProvider> all() {
    return Loaded.ALL;
  }

  /** Their names, in the same order. */
  public static List<String> names() {
    return all().stream().map(AlgorithmProvider::name).toList();
  }

  /** The algorithm with this name; a one-line error listing the registered names otherwise. */
  public static AlgorithmProvider byName(String name) {
    for (AlgorithmProvider p : all()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    String known = all().isEmpty() ? "none is registered (no algorithm module on the class path)"
        : "expected one of " + String.join(", ", names());
    throw new IllegalArgumentException("unknown search algorithm '" + name + "'; " + known);
  }

  /** The providers if their names are well formed and distinct and their descriptions one line each. */
  static List<AlgorithmProvider> check(List<AlgorithmProvider> providers) {
    Set<String> seen = new HashSet<>();
    List<AlgorithmProvider> out = new ArrayList<>();
    for (AlgorithmProvider p : providers) {
      String where = p.getClass().getName();
      if (p.name() == null || !p.name().matches("[a-z][a-z0-9-]*")) {
        throw new IllegalStateException(where + ": algorithm name must be lower case, got '" + p.name() + "'");
      }
      if (!seen.add(p.name())) {
        throw new IllegalStateException(where + ": algorithm '" + p.name() + "' is registered twice: "
            + providers.stream().filter(q -> q.name().equals(p.name())).map(q -> q.getClass().getName())
                .collect(Collectors.joining(", ")));
      }
      if (p.description() == null || p.description().isBlank() || p.description().contains("\n")) {
        throw new IllegalStateException(where + ": algorithm '" + p.name() + "' needs a one-line description");
      }
      if (p.needs() == null) {
        throw new IllegalStateException(where + ": algorithm '" + p.name() + "' must say what it needs");
      }
      out.add(p);
    }
    return List.copyOf(out);
  }
}
