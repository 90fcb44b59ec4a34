package io.arca.server.auth;

/**
 * The client certificate does not name exactly one acceptable user. The message says why in terms
 * of the certificate's structure and code points, never its text, so it can be logged and sent to
 * the client as it is.
 */
public final class RefusedIdentity extends Exception {
  private static final long serialVersionUID = 1L;

  private final String why;

  /** A refusal for the reason {@code why}, which must hold no text from the certificate. */
  public RefusedIdentity(String why) {
    super(why, null, false, false);
    this.why = why;
  }

  /** Why the certificate was refused, as given to the constructor. */
  public String why() {
    return why;
  }
}
