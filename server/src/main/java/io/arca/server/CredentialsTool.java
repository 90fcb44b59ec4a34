package io.arca.server;

import io.arca.server.auth.CredentialEntry;
import io.arca.server.auth.CredentialFile;
import io.arca.server.auth.PasswordHashes;
import io.arca.server.config.CredentialsCommand;
import io.arca.server.crypto.ServerRandom;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code arca-server credentials add|remove|list}: edits the credentials file. */
final class CredentialsTool {
  private CredentialsTool() {}

  /** Runs one subcommand on {@code file}: 0 when done, 1 when refused. */
  static int run(Object command, Path file, InputStream in, PrintWriter out, PrintWriter err)
      throws IOException {
    List<CredentialEntry> entries = new ArrayList<>(CredentialFile.read(file));
    if (command instanceof CredentialsCommand.ListEntries) {
      for (CredentialEntry entry : entries) {
        out.println(entry);
      }
      return 0;
    }
    if (command instanceof CredentialsCommand.Remove remove) {
      if (!entries.removeIf(entry -> entry.user().equals(remove.name()))) {
        err.println("arca-server credentials: no entry authenticates as that name");
        return 1;
      }
      CredentialFile.write(file, entries);
      out.println("removed; servers see it within a second");
      return 0;
    }
    CredentialsCommand.Add add = (CredentialsCommand.Add) command;
    CredentialEntry.Kind kind = null;
    for (CredentialEntry.Kind candidate : CredentialEntry.Kind.values()) {
      if (candidate.word().equals(add.kind())) {
        kind = candidate;
      }
    }
    if (kind == null) {
      err.println("arca-server credentials add: user, device or attestation?");
      return 2;
    }
    Map<CredentialEntry.Field, String> fields = new EnumMap<>(CredentialEntry.Field.class);
    for (String[] field : add.fields()) {
      fields.put(CredentialEntry.Field.byWord(field[0]), field[1]);
    }
    String hash = null;
    if (add.asksPassword()) {
      char[] password = readPassword(in);
      try {
        if (password.length == 0) {
          err.println("arca-server credentials add: an empty password");
          return 1;
        }
        hash = PasswordHashes.hash(password, ServerRandom.create());
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    CredentialEntry entry;
    try {
      entry = new CredentialEntry(kind, add.name(), fields, hash);
    } catch (IllegalArgumentException e) {
      err.println("arca-server credentials add: " + e.getMessage());
      return 1;
    }
    CredentialEntry.Kind replaced = kind;
    entries.removeIf(old -> old.kind() == replaced && old.user().equals(add.name()));
    entries.add(entry);
    CredentialFile.write(file, entries);
    out.println("added " + entry + "; servers see it within a second");
    return 0;
  }

  /** The password from the console without echo, or the first line of {@code in}. */
  @SuppressWarnings("SystemConsoleNull") // on Java 17, which Arca runs on, null means no terminal
  private static char[] readPassword(InputStream in) throws IOException {
    Console console = System.console();
    if (console != null && in == System.in) {
      char[] password = console.readPassword("Password: ");
      return password == null ? new char[0] : password;
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    char[] buffer = new char[1024];
    int length = 0;
    int c;
    while ((c = reader.read()) >= 0 && c != '\n' && c != '\r' && length < buffer.length) {
      buffer[length++] = (char) c;
    }
    char[] password = Arrays.copyOf(buffer, length);
    Arrays.fill(buffer, '\0');
    return password;
  }
}
