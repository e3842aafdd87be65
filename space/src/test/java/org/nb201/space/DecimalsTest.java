package org.nb201.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {
  @Test
  void parsesPlainDecimalNotation() {
    assertThat(Decimals.parse("93.12")).isEqualTo(93.12);
    assertThat(Decimals.parse("-5")).isEqualTo(-5.0);
    assertThat(Decimals.parse("+.5")).isEqualTo(0.5);
    assertThat(Decimals.parse("2.")).isEqualTo(2.0);
    assertThat(Decimals.parse("1.5E+2")).isEqualTo(150.0);
    assertThat(Decimals.parse("1e-05")).isEqualTo(1e-5);
    assertThat(Decimals.parse("1.7976931348623157e308")).isEqualTo(Double.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "inf", "0x1p5", "0X10", "5d", "5f", " 5", "5 ",
      "", ".", "e5", "1e", "1,5", "\u0663", "--1", "1e+"})
  void refusesEverythingElse(String text) {
    assertThatThrownBy(() -> Decimals.parse(text)).isInstanceOf(NumberFormatException.class)
        .hasMessage("'" + text + "' is not a plain decimal number");
  }

  @Test
  void refusesNumbersThatOverflowToInfinity() {
    assertThatThrownBy(() -> Decimals.parse("1e309")).isInstanceOf(NumberFormatException.class)
        .hasMessage("'1e309' is too large for a double (at most about 1.8e308)");
    assertThatThrownBy(() -> Decimals.parse("-1e400")).hasMessageContaining("too large");
  }
}
