package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvDateTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");

  private static Attributes dates(Instant activation, Instant deactivation) {
    return Attributes.of(
        Attribute.of(TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), activation)),
        Attribute.of(TtlvDateTime.of(Tag.DEACTIVATION_DATE.code(), deactivation)));
  }

  @Test
  void preActiveBecomesActiveWhenItsActivationDateIsReached() {
    Attributes attributes =
        Attributes.of(Attribute.of(TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), NOW)));

    assertThat(Lifecycle.stateAt(State.PRE_ACTIVE, attributes, NOW.minusSeconds(1)))
        .isEqualTo(State.PRE_ACTIVE);
    assertThat(Lifecycle.stateAt(State.PRE_ACTIVE, attributes, NOW)).isEqualTo(State.ACTIVE);
  }

  @Test
  void bothDatesPassedMeansDeactivated() {
    Attributes attributes = dates(NOW.minusSeconds(60), NOW.minusSeconds(30));

    assertThat(Lifecycle.stateAt(State.PRE_ACTIVE, attributes, NOW)).isEqualTo(State.DEACTIVATED);
    assertThat(Lifecycle.stateAt(State.ACTIVE, attributes, NOW.minusSeconds(45)))
        .isEqualTo(State.ACTIVE);
  }

  @Test
  void datesDoNotMoveObjectsOutOfOtherStates() {
    Attributes attributes = dates(NOW.minusSeconds(60), NOW.minusSeconds(30));

    for (State state :
        new State[] {
          State.COMPROMISED, State.DESTROYED, State.DESTROYED_COMPROMISED, State.DEACTIVATED
        }) {
      assertThat(Lifecycle.stateAt(state, attributes, NOW)).isEqualTo(state);
    }
    assertThat(Lifecycle.stateAt(State.PRE_ACTIVE, Attributes.EMPTY, NOW))
        .isEqualTo(State.PRE_ACTIVE);
  }
}
