package io.arca.server.config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arca-server [flags] kek ...}: works on the server KEKs instead of serving. */
@Command(
    name = "kek",
    description = "Check, rotate and retire the server KEKs of the database the flags name.",
    subcommands = {KekCommand.Status.class, KekCommand.Rotate.class, KekCommand.Retire.class})
public final class KekCommand {

  /** Lists the KEKs with their check values and how many rows each wraps. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = {
        "List the database's KEKs: current or not, retired or not, who made each, its check",
        "value's fingerprint and how many objects and audit keys it wraps; check the ones this",
        "server can open. Exit status 0: every KEK in use opens and matches; 1: not."
      })
  public static final class Status {}

  /** Re-wraps every row under the server KEK under another, online. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Re-wrap every object and audit key under another KEK while servers serve: in batches,",
        "each one transaction; run it again after a crash to resume. Objects a client's",
        "wrapping key wraps (arca:wrapping-key-id) are not touched: that key moves instead."
      })
  public static final class Rotate {
    @Option(
        names = "--to",
        required = true,
        paramLabel = "local|hsm::SLOT::LABEL",
        description =
            "The new KEK: local (a new local KEK in the data directory; resumes an unfinished"
                + " rotation to a local KEK) or an HSM key (an AES key, or an RSA key pair named"
                + " by its _pk public key).")
    String to = "";

    @Option(
        names = "--batch-size",
        paramLabel = "ROWS",
        defaultValue = "500",
        description = "Rows re-wrapped per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    public String to() {
      return to;
    }

    public int batchSize() {
      return batchSize;
    }
  }

  /** Marks a KEK that wraps nothing as retired. */
  @Command(
      name = "retire",
      mixinStandardHelpOptions = true,
      description = {
        "Retire a KEK that is not current and wraps nothing (refused while it wraps anything):",
        "servers stop opening it, and its file or HSM key may then be destroyed."
      })
  public static final class Retire {
    @Parameters(paramLabel = "KEK", description = "The KEK's identifier, as kek status shows it.")
    String kekId = "";

    public String kekId() {
      return kekId;
    }
  }
}
