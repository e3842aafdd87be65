package org.nb201.space.algorithm;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
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
    return read(key, "an integer", Integer::parseInt, set::accept);
  }

  /** Passes the value of {@code key}, if given, to {@code set}. */
  public OptionValues ifDouble(String key, DoubleConsumer set) {
    return read(key, "a number", Double::parseDouble, set::accept);
  }

  private <T> OptionValues read(String key, String kind, Function<String, T> parse, Consumer<T> set) {
    String v = values.get(key);
    if (v != null) {
      T value;
      try {
        value = parse.apply(v.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(AlgorithmOption.flag(key) + " must be " + kind + ", got '" + v + "'");
      }
      set.accept(value);
    }
    return this;
  }
}
