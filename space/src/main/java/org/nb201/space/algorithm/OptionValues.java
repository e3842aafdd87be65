package org.nb201.space.algorithm;

import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * The values a front-end gave for an algorithm's options, for a provider's {@link AlgorithmProvider#parse}:
 * rejects keys the algorithm does not have and hands each given value to a builder, with one-line errors that
 * name the option.
 */
public final class OptionValues {
  private final Map<String, String> values;

  private OptionValues(Map<String, String> values) {
    this.values = values;
  }

  /** The values for {@code provider}; an error naming its options if a key is not one of them. */
  public static OptionValues of(AlgorithmProvider provider, Map<String, String> values) {
    for (String key : values.keySet()) {
      if (provider.options().stream().noneMatch(o -> o.key().equals(key))) {
        throw new IllegalArgumentException(provider.name() + " has no option '" + key + "'; "
            + (provider.options().isEmpty() ? "it has none"
                : "its options are " + provider.options().stream().map(AlgorithmOption::key)
                    .collect(Collectors.joining(", "))));
      }
    }
    return new OptionValues(values);
  }

  /** Passes the value of {@code key}, if given, to {@code set}. */
  public OptionValues ifInt(String key, IntConsumer set) {
    String v = values.get(key);
    if (v != null) {
      int i;
      try {
        i = Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(AlgorithmOption.flag(key) + " must be an integer, got '" + v + "'");
      }
      set.accept(i);
    }
    return this;
  }

  /** Passes the value of {@code key}, if given, to {@code set}. */
  public OptionValues ifDouble(String key, DoubleConsumer set) {
    String v = values.get(key);
    if (v != null) {
      double d;
      try {
        d = Double.parseDouble(v.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(AlgorithmOption.flag(key) + " must be a number, got '" + v + "'");
      }
      set.accept(d);
    }
    return this;
  }
}
