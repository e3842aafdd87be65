package org.nb201.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CosineScheduleTest {
  @Test
  void firstEpochIsTheBaseRate() {
    assertThat(new CosineSchedule(0.1, 200).lr(0)).isEqualTo(0.1);
    assertThat(new CosineSchedule(0.1, 12).lr(0)).isEqualTo(0.1);
  }

  @Test
  void lastEpochValuesOfTheOfficialSchedule() {
    assertThat(new CosineSchedule(0.1, 200).lr(199)).isCloseTo(6.2e-6, within(0.05e-6));
    assertThat(new CosineSchedule(0.1, 12).lr(11)).isCloseTo(1.70e-3, within(0.005e-3));
  }

  @Test
  void halfwayIsHalfTheRate() {
    assertThat(new CosineSchedule(0.1, 12).lr(6)).isCloseTo(0.05, within(1e-15));
  }

  @Test
  void rejectsEpochsOutsideTheRun() {
    assertThatThrownBy(() -> new CosineSchedule(0.1, 12).lr(12)).isInstanceOf(IllegalArgumentException.class);
  }
}
