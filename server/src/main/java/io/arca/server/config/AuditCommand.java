package io.arca.server.config;

import picocli.CommandLine.Command;

/** {@code arca-server [flags] audit ...}: works on the audit log instead of serving. */
@Command(
    name = "audit",
    description = "Work on the audit log of the database the flags name.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoints.class})
public final class AuditCommand {

  /** Checks the chain in the database, and in the audit file when one is given. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the keyed audit chain in the database (and in --audit-file, if given), that the",
        "file and the database hold the same records, and every signed checkpoint (database",
        "and FILE.checkpoints); name what is broken. Needs the server KEK (local file or HSM).",
        "Exit status 0: intact; 1: broken."
      })
  public static final class Verify {}

  /** Prints the checkpoint public key and the signed checkpoints, for anchoring elsewhere. */
  @Command(
      name = "checkpoints",
      mixinStandardHelpOptions = true,
      description = {
        "Print the checkpoint signing key's public key (PEM) and every signed checkpoint",
        "(seq|head hash|signed at, epoch ms|Ed25519 signature, base64), to keep elsewhere."
      })
  public static final class Checkpoints {}
}
