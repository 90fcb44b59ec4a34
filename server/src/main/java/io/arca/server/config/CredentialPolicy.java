package io.arca.server.config;

/**
 * How the Credential of a request header combines with the client certificate's identity ({@code
 * --credential-policy}, docs/ACCESS.md).
 */
public enum CredentialPolicy {
  /**
   * The certificate alone names the user, as before credentials were checked; a Credential in a
   * request is ignored (clients such as PyKMIP send one when configured for another server), and
   * Login, Logout and Delegated Login are not served. The default.
   */
  CERTIFICATE("certificate"),
  /**
   * The certificate admits the connection; every request must carry a Credential, whose user is the
   * identity the request acts as.
   */
  CREDENTIAL_BEHIND_CERTIFICATE("credential-behind-certificate"),
  /** Every request must carry a Credential naming the same user as the certificate. */
  BOTH_MUST_MATCH("both-must-match");

  private final String word;

  CredentialPolicy(String word) {
    this.word = word;
  }

  /** The setting's value. */
  public String word() {
    return word;
  }

  /** Whether requests are checked for a Credential at all. */
  public boolean checksCredentials() {
    return this != CERTIFICATE;
  }

  /** The policy this setting value names. */
  public static CredentialPolicy of(String word) {
    for (CredentialPolicy policy : values()) {
      if (policy.word.equals(word)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "credential-policy: "
            + word
            + " (expected: certificate, credential-behind-certificate or both-must-match)");
  }
}
