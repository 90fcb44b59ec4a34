package io.arca.server.config;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arca-server [flags] backup|restore}: copies the database the flags name out and in. */
public final class BackupCommand {
  private BackupCommand() {}

  /** Writes every row of the database, as one snapshot, to a new directory. */
  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = {
        "Copy the database (SQLite or MariaDB) to a new directory while servers serve: every",
        "row as of one instant, key material wrapped as stored, the audit chain and the audit",
        "file up to the same record, and the check values of the KEKs it needs. The KEKs",
        "themselves are not copied: keep the kek files (or the HSM keys) apart from backups."
      })
  public static final class Backup {
    @Option(
        names = "--to",
        required = true,
        paramLabel = "DIR",
        description = "A directory that does not exist yet, or is empty (made with mode 0700).")
    Path to = Path.of("");

    public Path to() {
      return to;
    }
  }

  /** Loads a backup into an empty database after checking that the configured KEK opens it. */
  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Load a backup into the empty database the flags name (either kind: a SQLite backup",
        "restores into MariaDB). Refused, with nothing written, when a file is damaged, when",
        "the database is not empty, or when the KEKs of this data directory (or HSM) do not",
        "match the check values the backup recorded."
      })
  public static final class Restore {
    @Option(
        names = "--from",
        required = true,
        paramLabel = "DIR",
        description = "A directory that arca-server backup wrote.")
    Path from = Path.of("");

    public Path from() {
      return from;
    }
  }
}
