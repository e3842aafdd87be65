package org.nb201.space.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry's checks on what registers, and the option values a provider reads. */
class AlgorithmsTest {
  /** A provider with one integer and one number option, for the checks. */
  private record Fake(String name, String description, Needs needs) implements AlgorithmProvider {
    @Override
    public List<AlgorithmOption> options() {
      return List.of(new AlgorithmOption("steps", Integer.class, "N", "Steps"),
          new AlgorithmOption("step_size", Double.class, "H", "Step size"));
    }

    @Override
    public AlgorithmOptions parse(Map<String, String> values) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("steps", 1);
      m.put("step_size", 0.5);
      OptionValues.of(this, values).ifInt("steps", i -> m.put("steps", i))
          .ifDouble("step_size", d -> m.put("step_size", d));
      return new AlgorithmOptions() {
        @Override
        public String algorithm() {
          return name;
        }

        @Override
        public Map<String, Object> describe() {
          return m;
        }
      };
    }
  }

  private static final Fake GOOD = new Fake("walk", "a random walk", Needs.STORE);

  @Test
  void acceptsWellFormedProvidersInOrder() {
    Fake other = new Fake("darts-v2", "second-order DARTS", Needs.DATA_AND_SUPERNET);
    assertThat(Algorithms.check(List.of(GOOD, other))).containsExactly(GOOD, other);
  }

  @Test
  void rejectsDuplicateNamesNamingBothClasses() {
    assertThatThrownBy(() -> Algorithms.check(List.of(GOOD, new Fake("walk", "another walk", Needs.STORE))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'walk' is registered twice");
  }

  @Test
  void rejectsBadNamesDescriptionsAndMissingNeeds() {
    assertThatThrownBy(() -> Algorithms.check(List.of(new Fake("Walk", "x", Needs.STORE))))
        .hasMessageContaining("algorithm name must be lower case, got 'Walk'");
    assertThatThrownBy(() -> Algorithms.check(List.of(new Fake("walk", "two\nlines", Needs.STORE))))
        .hasMessageContaining("needs a one-line description");
    assertThatThrownBy(() -> Algorithms.check(List.of(new Fake("walk", "x", null))))
        .hasMessageContaining("must say what it needs");
  }

  @Test
  void optionsHaveSnakeCaseKeysAKnownTypeAndDashedFlags() {
    assertThat(new AlgorithmOption("ema_momentum", Double.class, "M", "Momentum").flag()).isEqualTo("--ema-momentum");
    assertThatThrownBy(() -> new AlgorithmOption("EMA", Double.class, "M", "Momentum"))
        .hasMessage("option key must be lower snake case, got 'EMA'");
    assertThatThrownBy(() -> new AlgorithmOption("ema", String.class, "M", "Momentum"))
        .hasMessageContaining("type must be Integer or Double");
  }

  @Test
  void optionValuesReadGivenValuesAndNameTheOptionOnError() {
    assertThat(GOOD.parse(Map.of("steps", "7", "step_size", "0.25")).describe())
        .containsExactly(Map.entry("steps", 7), Map.entry("step_size", 0.25));
    assertThat(GOOD.defaults().describe()).containsExactly(Map.entry("steps", 1), Map.entry("step_size", 0.5));
    assertThatThrownBy(() -> GOOD.parse(Map.of("steps", "1.5"))).hasMessage("--steps must be an integer, got '1.5'");
    assertThatThrownBy(() -> GOOD.parse(Map.of("step_size", "big")))
        .hasMessage("--step-size must be a number, got 'big'");
    assertThatThrownBy(() -> GOOD.parse(Map.of("lr", "1")))
        .hasMessage("walk has no option 'lr'; its options are steps, step_size");
  }

  @Test
  void unknownNameSaysNothingIsRegisteredWhenNoModuleRegisters() {
    // nothing registers in this module's tests; search's AlgorithmRegistryTest covers the real registry
    assertThat(Algorithms.all()).isEmpty();
    assertThatThrownBy(() -> Algorithms.byName("rea"))
        .hasMessage("unknown search algorithm 'rea'; none is registered (no algorithm module on the class path)");
  }
}
