package io.arca.server.config;

import io.arca.persistence.JdbcAuditRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arca-server [flags] audit ...}: works on the audit log instead of serving. */
@Command(
    name = "audit",
    description = "Work on the audit log of the database the flags name.",
    subcommands = {
      AuditCommand.Verify.class,
      AuditCommand.Show.class,
      AuditCommand.Checkpoints.class
    })
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

  /** Prints records, selected by time, user and object, for people or (with --json) for tools. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Print audit records in order: time (ISO 8601, UTC), seq, user, operation, outcome, the",
        "identifiers named and the client; with --json one JSON object per line."
      })
  public static final class Show {
    @Option(
        names = "--since",
        paramLabel = "WHEN",
        description =
            "Records from this time on: an instant (2026-12-05T10:00:00Z), a date (2026-12-05,"
                + " UTC) or how long ago (PT1H, P7D).")
    @Nullable String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Records before this time.")
    @Nullable String until;

    @Option(names = "--user", paramLabel = "USER", description = "Records of this user only.")
    @Nullable String user;

    @Option(
        names = "--chain",
        paramLabel = "NAME",
        description = "Records of this chain only (a node id, or legacy).")
    @Nullable String chain;

    @Option(
        names = "--object",
        paramLabel = "UID",
        description = "Records that name this Unique Identifier only.")
    @Nullable String object;

    @Option(names = "--json", description = "One JSON object per line, for tools.")
    boolean json;

    /** The selection these options make, times read against {@code now}. */
    public JdbcAuditRepository.Selection selection(Instant now) {
      return new JdbcAuditRepository.Selection(
          since == null ? null : when(since, now).toEpochMilli(),
          until == null ? null : when(until, now).toEpochMilli(),
          user,
          chain);
    }

    /** The object to select, or null for any. */
    public @Nullable String object() {
      return object;
    }

    /** Whether to print JSON Lines. */
    public boolean json() {
      return json;
    }

    static Instant when(String text, Instant now) {
      try {
        if (text.startsWith("P")) {
          return now.minus(Duration.parse(text));
        }
        if (text.length() == 10) {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            text + ": not a time (expected 2026-12-05T10:00:00Z, 2026-12-05 or PT1H)", e);
      }
    }
  }
}
