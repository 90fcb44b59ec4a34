package io.arca.hsm;

/**
 * Lets the server's tests do to a running server's slot what a token restart does, through the
 * slot's own test hooks (package-private, hence this class in the hsm package).
 */
public final class TokenRestarts {
  private TokenRestarts() {}

  /** Logs the slot's user out behind the pool's back; the sessions stay open. */
  public static void dropLogin(HsmSlot slot) throws Exception {
    slot.logoutForTest();
  }

  /** Closes every session of the slot behind the pool's back (which logs the user out too). */
  public static void dropSessions(HsmSlot slot) throws Exception {
    slot.closeAllSessionsForTest();
  }

  /**
   * Logs the slot's user out and closes every session of the slot, behind the session pool's back:
   * the pool still holds the dead sessions and the slot its cached handles.
   */
  public static void dropSessionsAndLogin(HsmSlot slot) throws Exception {
    // Logout first: it needs a session of its own, and closing every session logs out anyway.
    slot.logoutForTest();
    slot.closeAllSessionsForTest();
  }
}
