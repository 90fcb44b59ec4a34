package io.arca.server.config;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --credential*} and {@code --ticket*} flags of {@link ServerOptions}. */
final class CredentialOptions {
  @Option(
      names = "--credential-policy",
      defaultValue = "certificate",
      paramLabel = "certificate|credential-behind-certificate|both-must-match",
      description =
          "How a request's KMIP Credential combines with the client certificate: ignored (the"
              + " certificate names the user), required and naming the user behind the"
              + " certificate, or required and naming the certificate's user"
              + " (default: ${DEFAULT-VALUE}).")
  String credentialPolicy = "certificate";

  @Option(
      names = "--credentials-file",
      paramLabel = "FILE",
      description =
          "The users and devices that may present credentials, with Argon2id password hashes;"
              + " edit with 'arca-server credentials add|remove|list'.")
  @Nullable Path credentialsFile;

  @Option(
      names = "--ticket-max-lifetime",
      defaultValue = "PT1H",
      paramLabel = "DURATION",
      description = "The longest lease of a Login ticket (default: ${DEFAULT-VALUE}).")
  Duration ticketMaxLifetime = Duration.ofHours(1);

  @Option(
      names = "--credential-failures-per-minute",
      defaultValue = "5",
      description =
          "Failed credentials a client (address and certificate) may have in a minute before"
              + " its credentials are refused unchecked (default: ${DEFAULT-VALUE}).")
  int credentialFailuresPerMinute = 5;

  /** The settings these flags make. */
  CredentialSettings settings() {
    return new CredentialSettings(
        CredentialPolicy.of(credentialPolicy),
        credentialsFile,
        ticketMaxLifetime,
        credentialFailuresPerMinute);
  }
}
