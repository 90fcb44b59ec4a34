package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.Operation;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.ListAccess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arca access-rights}: Arca's Grant Access, Revoke Access and List Access extension
 * operations (docs/ACCESS.md). {@code owned} and {@code obtained} are two views of the one List
 * Access request without an identifier, which answers both what the caller owns and what it was
 * granted.
 */
final class AccessRightsCommands {
  private AccessRightsCommands() {}

  /** {@code arca access-rights}. */
  @Command(
      name = "access-rights",
      mixinStandardHelpOptions = true,
      description = "Let other users use your objects, take it back, and see who may do what.",
      subcommands = {Grant.class, Revoke.class, ListRights.class, Owned.class, Obtained.class})
  static final class AccessRights extends CommandGroup {}

  /**
   * An operation as a person writes it: {@code encrypt}, {@code Encrypt}, {@code create-key-pair}.
   */
  static Operation operation(String name) {
    String wanted = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (Operation operation : Operation.values()) {
      if (operation.xmlName().toLowerCase(Locale.ROOT).replace("_", "").equals(wanted)) {
        return operation;
      }
    }
    throw new IllegalArgumentException(
        "operation " + name + ": not a KMIP operation (e.g. get, encrypt, decrypt, destroy)");
  }

  /** An operation as this command prints it: {@code encrypt}, {@code signature-verify}. */
  static String nameOf(Operation operation) {
    return operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String namesOf(Set<Operation> operations) {
    return operations.stream()
        .sorted()
        .map(AccessRightsCommands::nameOf)
        .collect(Collectors.joining(", "));
  }

  /** What grant and revoke share: the user, the object and the operations. */
  abstract static class Change extends ServerCommand {
    @Parameters(index = "0", paramLabel = "USER", description = "The user, or * for every user.")
    String user = "";

    @Option(
        names = {"--object-uid", "-i"},
        paramLabel = "ID",
        description =
            "The object. Without it the right is on the server: the creation operations"
                + " (create, create-key-pair, register, import), for privileged users only.")
    @Nullable String objectUid;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "OPERATION",
        description = "The operations, e.g. get encrypt decrypt destroy locate.")
    List<String> operations = new ArrayList<>();

    AccessGrant grant() {
      Set<Operation> wanted = EnumSet.noneOf(Operation.class);
      operations.forEach(name -> wanted.add(operation(name)));
      return new AccessGrant(user, objectUid, wanted);
    }

    Output report(String verb, AccessGrant grant) {
      String on = objectUid == null ? "the server" : objectUid;
      return new Output()
          .line("The access rights were successfully " + verb + ".")
          .line("User: " + grant.user())
          .line("Unique identifier: " + on)
          .line("Operations: " + namesOf(grant.operations()))
          .field("user", grant.user())
          .field("unique_identifier", on)
          .field(
              "operations",
              grant.operations().stream().sorted().map(AccessRightsCommands::nameOf).toList());
    }
  }

  /** {@code arca access-rights grant USER --object-uid ID OPERATION...}. */
  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = "Let a user carry out these operations on an object you own.")
  static final class Grant extends Change {
    @Override
    Output run(KmipClient client) throws IOException {
      AccessGrant grant = grant();
      client.grantAccess(grant);
      return report("granted", grant);
    }
  }

  /** {@code arca access-rights revoke USER --object-uid ID OPERATION...}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Take these operations on an object you own back from a user.")
  static final class Revoke extends Change {
    @Override
    Output run(KmipClient client) throws IOException {
      AccessGrant grant = grant();
      client.revokeAccess(grant);
      return report("revoked", grant);
    }
  }

  /** {@code arca access-rights list --object-uid ID}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Show the owner of an object you own and who may do what with it.")
  static final class ListRights extends ServerCommand {
    @Option(
        names = {"--object-uid", "-i"},
        required = true,
        paramLabel = "ID",
        description = "The object.")
    String objectUid = "";

    @Override
    Output run(KmipClient client) throws IOException {
      ListAccess.Response listed = client.listAccess(objectUid);
      String owner = listed.owner() == null ? "" : listed.owner();
      Output output =
          new Output()
              .line("The access rights on " + objectUid + ":")
              .line("Owner: " + owner)
              .field("unique_identifier", objectUid)
              .field("owner", owner);
      List<String> grants = new ArrayList<>();
      for (AccessGrant grant : listed.grants()) {
        String line = grant.user() + ": " + namesOf(grant.operations());
        grants.add(line);
        output.line(line);
      }
      return output.field("grants", grants);
    }
  }

  /** {@code arca access-rights owned}. */
  @Command(
      name = "owned",
      mixinStandardHelpOptions = true,
      description =
          "List the objects you own (List Access without an object; at most 10 000, more is"
              + " answered Response Too Large).")
  static final class Owned extends ServerCommand {
    @Override
    Output run(KmipClient client) throws IOException {
      List<String> owned = client.listAccess(null).ownedObjects();
      Output output =
          new Output()
              .line(
                  owned.isEmpty()
                      ? "You own no object."
                      : "You own " + owned.size() + (owned.size() == 1 ? " object:" : " objects:"))
              .field("owned_objects", owned);
      owned.forEach(output::line);
      return output;
    }
  }

  /** {@code arca access-rights obtained}. */
  @Command(
      name = "obtained",
      mixinStandardHelpOptions = true,
      description =
          "List the rights others granted you (or every user, *), object by object; \"the"
              + " server\" stands for the creation rights.")
  static final class Obtained extends ServerCommand {
    @Override
    Output run(KmipClient client) throws IOException {
      List<AccessGrant> grants = client.listAccess(null).grants();
      Output output =
          new Output()
              .line(
                  grants.isEmpty()
                      ? "You were granted no access right."
                      : "You were granted access rights on "
                          + grants.size()
                          + (grants.size() == 1 ? " object:" : " objects:"));
      List<String> lines = new ArrayList<>();
      for (AccessGrant grant : grants) {
        String on = grant.uniqueIdentifier() == null ? "the server" : grant.uniqueIdentifier();
        String line =
            on
                + ": "
                + namesOf(grant.operations())
                + (AccessGrant.EVERY_USER.equals(grant.user()) ? " (granted to every user)" : "");
        lines.add(line);
        output.line(line);
      }
      return output.field("obtained", lines);
    }
  }
}
