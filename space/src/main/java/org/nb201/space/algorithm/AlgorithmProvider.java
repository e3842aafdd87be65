package org.nb201.space.algorithm;

import java.util.List;
import java.util.Map;

/**
 * A NAS algorithm as the registry sees it: a name, a one-line description, what it needs, its options and how
 * to build them from the values a front-end was given. Implementations have a public no-argument constructor
 * and are listed in their module's {@code META-INF/services/org.nb201.space.algorithm.AlgorithmProvider}; the
 * module that runs the algorithm adds the factory (for example {@code search}'s benchmark-driven provider).
 */
public interface AlgorithmProvider {
  /** The name users type ({@code rea}): lower case letters, digits and dashes. */
  String name();

  /** One line saying what the algorithm is and where it comes from. */
  String description();

  /** What it needs to run. */
  Needs needs();

  /** The options a front-end may set, in the order to show them; none by default. */
  default List<AlgorithmOption> options() {
    return List.of();
  }

  /**
   * The options built from {@code values}, keyed by {@link AlgorithmOption#key()}; absent keys keep their
   * defaults. Unknown keys, unreadable values and invalid settings are rejected with a one-line
   * {@link IllegalArgumentException} naming the option.
   */
  AlgorithmOptions parse(Map<String, String> values);

  /** The official settings. */
  default AlgorithmOptions defaults() {
    return parse(Map.of());
  }
}
