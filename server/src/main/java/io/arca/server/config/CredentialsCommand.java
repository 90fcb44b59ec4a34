package io.arca.server.config;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arca-server --credentials-file FILE credentials add|remove|list}: edits the users and
 * devices that may present KMIP credentials, instead of serving. Passwords are read from the
 * console or standard input, never from the command line, and only their Argon2id hashes are
 * written.
 */
@Command(
    name = "credentials",
    description = "Add, remove and list the users and devices of --credentials-file.",
    subcommands = {
      CredentialsCommand.Add.class,
      CredentialsCommand.Remove.class,
      CredentialsCommand.ListEntries.class
    })
public final class CredentialsCommand {

  /** Adds or replaces one entry. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add (or replace) a user with a password, a device with its identifiers (and a password",
        "if --password is given), or an attestation (a known-good measurement's SHA-256).",
        "The password is read from the console, or from the first line of standard input."
      })
  public static final class Add {
    @Parameters(index = "0", paramLabel = "user|device|attestation")
    String kind = "";

    @Parameters(index = "1", paramLabel = "NAME", description = "The user it authenticates as.")
    String name = "";

    @Option(names = "--serial", description = "A device's Device Serial Number.")
    @Nullable String serial;

    @Option(names = "--device-id", description = "A device's Device Identifier.")
    @Nullable String deviceId;

    @Option(names = "--network-id", description = "A device's Network Identifier.")
    @Nullable String networkId;

    @Option(names = "--machine-id", description = "A device's Machine Identifier.")
    @Nullable String machineId;

    @Option(names = "--media-id", description = "A device's Media Identifier.")
    @Nullable String mediaId;

    @Option(
        names = "--password",
        description = "Ask a device's password too (users always have one).")
    boolean password;

    @Option(names = "--type", description = "An attestation's Attestation Type (TPMQuote, ...).")
    @Nullable String attestationType;

    @Option(
        names = "--measurement-sha256",
        description = "The SHA-256 (hex) of an attestation's known-good Attestation Measurement.")
    @Nullable String measurementSha256;

    public String kind() {
      return kind;
    }

    public String name() {
      return name;
    }

    public boolean asksPassword() {
      return password || kind.equals("user");
    }

    /** The key=value fields given, in the credentials file's words. */
    public List<String[]> fields() {
      List<String[]> fields = new ArrayList<>();
      add(fields, "serial", serial);
      add(fields, "device-id", deviceId);
      add(fields, "network-id", networkId);
      add(fields, "machine-id", machineId);
      add(fields, "media-id", mediaId);
      add(fields, "type", attestationType);
      add(fields, "measurement-sha256", measurementSha256);
      return fields;
    }

    private static void add(List<String[]> fields, String key, @Nullable String value) {
      if (value != null) {
        fields.add(new String[] {key, value});
      }
    }
  }

  /** Removes every entry of a name. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove the entries that authenticate as NAME (exit 1 if there is none).")
  public static final class Remove {
    @Parameters(paramLabel = "NAME")
    String name = "";

    public String name() {
      return name;
    }
  }

  /** Prints the entries, without their hashes. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the entries: kind, name, identifiers, whether a password is set.")
  public static final class ListEntries {}
}
