package org.nb201.space.algorithm;

import java.util.Set;

/**
 * One option of an algorithm as a front-end shows it: its key ({@code ema_momentum}, also the key of the
 * recorded config), its value type, a label for the value and a one-line description. The command line
 * spells it {@link #flag()}; its default is the value in the provider's {@link AlgorithmProvider#defaults()}.
 */
public record AlgorithmOption(String key, Class<?> type, String label, String description) {
  private static final Set<Class<?>> TYPES = Set.of(Integer.class, Double.class);

  public AlgorithmOption {
    if (key == null || !key.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("option key must be lower snake case, got '" + key + "'");
    }
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("option " + key + ": type must be Integer or Double, got " + type);
    }
    if (description == null || description.isBlank() || description.contains("\n")) {
      throw new IllegalArgumentException("option " + key + " needs a one-line description");
    }
  }

  /** The command-line spelling: {@code --ema-momentum}. */
  public String flag() {
    return flag(key);
  }

  static String flag(String key) {
    return "--" + key.replace('_', '-');
  }
}
