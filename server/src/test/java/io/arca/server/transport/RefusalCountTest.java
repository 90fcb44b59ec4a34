package io.arca.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bound on logged identity refusals: 20 lines a minute, the rest counted into the next. */
class RefusalCountTest {
  @Test
  void twentyRefusalsAMinuteAreLoggedAndTheRestCountedIntoTheNextMinute() {
    RequestDispatcher.RefusalCount count = new RequestDispatcher.RefusalCount();
    for (int i = 0; i < 20; i++) {
      assertThat(count.count(7)).as("refusal %d", i).isZero();
    }
    for (int i = 0; i < 5; i++) {
      assertThat(count.count(7)).as("refusal %d", 20 + i).isEqualTo(-1);
    }
    assertThat(count.count(8)).as("the first of the next minute").isEqualTo(5);
    assertThat(count.count(8)).isZero();
    assertThat(count.count(9)).as("nothing went unlogged in minute 8").isZero();
  }
}
