package io.arca.hsm;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A key that {@link HsmSlot#unwrapToSession} unwrapped into the token as a session object:
 * sensitive and not extractable, so its value never reaches this process. Name it by {@link
 * #label()} in the slot's crypto calls; {@link #close()} destroys it. The token also destroys it
 * when the session that made it closes (the pool drops its sessions when the token loses them),
 * after which calls fail with {@link HsmException.Kind#KEY_NOT_FOUND}: unwrap again. Not listed by
 * {@link HsmSlot#labels} or {@link HsmSlot#findKeys}, which read token objects only.
 */
public final class HsmSessionKey implements AutoCloseable {

  private final HsmSlot slot;
  private final String label;
  private final AtomicBoolean closed = new AtomicBoolean();

  HsmSessionKey(HsmSlot slot, String label) {
    this.slot = slot;
    this.label = label;
  }

  /** The label the slot's methods take for this key (random, {@code arca-session-...}). */
  public String label() {
    return label;
  }

  /** What the token says of the key; SoftHSM2 2.6 reports the length of unwrapped keys as 0. */
  public HsmKeyInfo info() {
    return slot.info(label);
  }

  /** Destroys the session object, once; a key the token already dropped is no error. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      slot.destroy(label);
    } catch (HsmException e) {
      if (e.kind() != HsmException.Kind.KEY_NOT_FOUND) {
        throw e;
      }
    }
  }

  @Override
  public String toString() {
    return "HsmSessionKey[slot " + slot.id() + ", " + label + "]";
  }
}
