package io.arca.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the Credentials of request headers are checked (docs/ACCESS.md, Credentials).
 *
 * @param policy how a credential combines with the certificate's user
 * @param file the users, devices and attestations allowed, with their Argon2id password hashes
 *     (written by {@code arca-server credentials add}); null for none
 * @param ticketMaxLifetime the longest lease a Login ticket gets (and the lease when none is asked)
 * @param failuresPerMinute failed credentials a client (address and certificate) may have in a
 *     minute before its credentials are refused unchecked
 */
public record CredentialSettings(
    CredentialPolicy policy,
    @Nullable Path file,
    Duration ticketMaxLifetime,
    int failuresPerMinute) {
  /** The certificate alone names the user; no credentials file. */
  public static final CredentialSettings DEFAULTS =
      new CredentialSettings(CredentialPolicy.CERTIFICATE, null, Duration.ofHours(1), 5);

  public CredentialSettings {
    Objects.requireNonNull(policy, "policy");
    if (policy.checksCredentials() && file == null) {
      throw new IllegalArgumentException(
          "credential-policy " + policy.word() + " needs credentials-file");
    }
    if (ticketMaxLifetime.isNegative() || ticketMaxLifetime.isZero()) {
      throw new IllegalArgumentException(
          "ticket-max-lifetime: " + ticketMaxLifetime + " (expected: > 0)");
    }
    if (failuresPerMinute < 1) {
      throw new IllegalArgumentException(
          "credential-failures-per-minute: " + failuresPerMinute + " (expected: > 0)");
    }
  }
}
