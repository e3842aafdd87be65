package org.nb201.train.search;

import java.util.List;
import java.util.Map;

/** The weight-sharing methods by name, for command lines and run files. */
public final class SearchMethods {
  private SearchMethods() {}

  /** The names, in the paper's order. */
  public static List<String> names() {
    return List.of(Rsps.NAME, DartsV1.NAME, DartsV2.NAME, Gdas.NAME, Setn.NAME, Enas.NAME);
  }

  /**
   * A builder with the official defaults of method {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static SearchSettings.Builder<?> builder(String name) {
    return switch (name) {
      case DartsV1.NAME -> DartsV1.builder();
      case DartsV2.NAME -> DartsV2.builder();
      case Gdas.NAME -> Gdas.builder();
      case Rsps.NAME -> Rsps.builder();
      case Setn.NAME -> Setn.builder();
      case Enas.NAME -> Enas.builder();
      default -> throw new IllegalArgumentException("unknown search method '" + name + "'; expected one of "
          + String.join(", ", names()));
    };
  }

  /** The options a {@link MethodOptions#describe()} map (say, a run file's config) describes. */
  public static MethodOptions fromDescription(Map<String, ?> description) {
    Object method = description.get("method");
    if (!(method instanceof String m)) {
      throw new IllegalArgumentException("a search description needs a 'method'");
    }
    return builder(m).setAll(description).build();
  }
}
