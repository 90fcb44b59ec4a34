package io.arca.server.auth;

import io.arca.kmip.ResultReason;

/**
 * A request's Credential was missing, malformed or did not authenticate. The message names the kind
 * of credential and why, never a value the client sent (no user name, password or ticket), so it
 * can be logged, audited and sent back as it is.
 */
public final class RefusedCredential extends Exception {
  private static final long serialVersionUID = 1L;

  private final ResultReason reason;
  private final boolean counted;
  private final String why;

  /**
   * A refusal with this Result Reason; {@code counted} when it is a failed attempt that the
   * per-client limit counts (not a refusal because the limit was reached).
   */
  RefusedCredential(ResultReason reason, String why, boolean counted) {
    super(why, null, false, false);
    this.reason = reason;
    this.counted = counted;
    this.why = why;
  }

  /** Why, as given to the constructor: holds no value the client sent. */
  public String why() {
    return why;
  }

  /** Authentication Not Successful for {@code why}, counted as a failed attempt. */
  static RefusedCredential failed(String why) {
    return new RefusedCredential(ResultReason.AUTHENTICATION_NOT_SUCCESSFUL, why, true);
  }

  /** The Result Reason the client gets. */
  public ResultReason reason() {
    return reason;
  }

  /** Whether the per-client failure limit counts it. */
  boolean counted() {
    return counted;
  }
}
