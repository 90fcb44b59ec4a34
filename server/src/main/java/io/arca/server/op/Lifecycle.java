package io.arca.server.op;

import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attributes;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The date-driven state transitions (KMIP 2.1 §3.1 transitions 4 and 6, the same in 1.x): an object
 * becomes Active when its Activation Date is reached and Deactivated when its Deactivation Date is
 * reached. They are evaluated when an object is used, not by a timer, so the state a client sees is
 * always the one its dates give at the time of its request.
 */
final class Lifecycle {
  private Lifecycle() {}

  /** The state {@code state} turns into by {@code now}, given the object's dates. */
  static State stateAt(State state, Attributes attributes, Instant now) {
    State current = state;
    Instant activation = date(attributes, Tag.ACTIVATION_DATE);
    if (current == State.PRE_ACTIVE && activation != null && !activation.isAfter(now)) {
      current = State.ACTIVE;
    }
    Instant deactivation = date(attributes, Tag.DEACTIVATION_DATE);
    if (current == State.ACTIVE && deactivation != null && !deactivation.isAfter(now)) {
      current = State.DEACTIVATED;
    }
    return current;
  }

  /**
   * The value of a single-valued date attribute, or null if it is not set. A Date-Time is any
   * 64-bit count of seconds, but Instant holds only a billion years either way: beyond that it is
   * refused.
   */
  static @Nullable Instant date(Attributes attributes, Tag tag) {
    return new AttributeView(attributes).date(tag);
  }

  /** True for the states in which the object still has (or may have) its key material. */
  static boolean isLive(State state) {
    return state != State.DESTROYED && state != State.DESTROYED_COMPROMISED;
  }
}
