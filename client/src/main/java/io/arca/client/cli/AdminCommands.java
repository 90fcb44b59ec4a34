package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.payload.KekRotationProgress;
import io.arca.kmip.payload.KekStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arca admin}: the server administrator's extension operations (docs/OPERATIONS.md): KEK
 * rotation and status, the deny list of client certificates, and reload. The server answers
 * Permission Denied to anyone but its {@code --server-admins}.
 */
final class AdminCommands {
  private AdminCommands() {}

  /** {@code arca admin}. */
  @Command(
      name = "admin",
      mixinStandardHelpOptions = true,
      description =
          "Administer the server: rotate its KEK, deny or allow a client certificate, reload its"
              + " TLS material (server administrators only).",
      subcommands = {Kek.class, Deny.class, Allow.class, ReloadCommand.class})
  static final class Admin extends CommandGroup {}

  /** {@code arca admin kek}. */
  @Command(
      name = "kek",
      mixinStandardHelpOptions = true,
      description = "Rotate the server KEK and see where a rotation stands.",
      subcommands = {Rotate.class, Status.class})
  static final class Kek extends CommandGroup {}

  /** {@code arca admin kek rotate [--to local|hsm::SLOT::LABEL]}. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description =
          "Start re-wrapping every stored object under a new KEK, in the background on the server;"
              + " 'arca admin kek status' follows it. Asked again, a rotation resumes.")
  static final class Rotate extends ServerCommand {
    @Option(
        names = "--to",
        defaultValue = "local",
        paramLabel = "KEK",
        description = "local (a new local KEK) or hsm::SLOT::LABEL (default: ${DEFAULT-VALUE}).")
    String to = "local";

    @Override
    Output run(KmipClient client) throws IOException {
      return progress(new Output(), client.rotateKek(to));
    }
  }

  /** {@code arca admin kek status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "List the database's KEKs, what each wraps, and the last rotation.")
  static final class Status extends ServerCommand {
    @Override
    Output run(KmipClient client) throws IOException {
      KekStatus.Response status = client.kekStatus();
      Output output = new Output();
      List<String> keks = new ArrayList<>();
      for (KekStatus.Kek kek : status.keks()) {
        String line = kek.kekId() + " | " + kek.state() + " | wraps " + kek.wrapped();
        keks.add(line);
        output.line(line);
      }
      return progress(output.field("keks", keks), status.rotation());
    }
  }

  private static Output progress(Output output, KekRotationProgress rotation) {
    String target = rotation.target() == null ? "" : rotation.target();
    output
        .line(
            "Rotation: "
                + rotation.state()
                + (target.isEmpty() ? "" : " to " + target)
                + (rotation.total() == 0
                    ? ""
                    : ", " + rotation.moved() + " of " + rotation.total() + " rows moved"))
        .field("rotation_state", rotation.state())
        .field("rotation_target", target)
        .field("rows_moved", Long.toString(rotation.moved()))
        .field("rows_total", Long.toString(rotation.total()));
    String message = rotation.message();
    if (message != null) {
      output.line(message).field("rotation_message", message);
    }
    return output;
  }

  /** What deny and allow share: the certificate, by file, fingerprint or serial and issuer. */
  abstract static class DenyListChange extends ServerCommand {
    @Parameters(
        index = "0",
        paramLabel = "CERT-OR-SERIAL",
        description =
            "A certificate file (PEM or DER), its SHA-256 fingerprint, or its serial (hex) with"
                + " --issuer.")
    String certificate = "";

    @Option(
        names = "--issuer",
        paramLabel = "DN-OR-FINGERPRINT",
        description =
            "With a serial: the issuer's DN (RFC 4514) or sha256: and the issuing CA's fingerprint.")
    @Nullable String issuer;

    /** The deny-list entry the arguments name. */
    String entry() throws IOException {
      Path file = Path.of(certificate);
      if (Files.isRegularFile(file)) {
        return fingerprint(file);
      }
      if (issuer != null) {
        return certificate + " " + issuer;
      }
      String digits = certificate.replace(":", "");
      if (digits.length() != 64) {
        throw new IllegalArgumentException(
            certificate
                + ": not a certificate file or a SHA-256 fingerprint; a serial needs --issuer");
      }
      return certificate;
    }

    Output report(String verb, String entry) {
      return new Output()
          .line("The certificate " + entry + " was " + verb + ".")
          .field("entry", entry);
    }
  }

  /** The SHA-256 fingerprint of the certificate in {@code file}. */
  static String fingerprint(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      X509Certificate certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateException | NoSuchAlgorithmException e) {
      throw new IllegalArgumentException(file + ": not an X.509 certificate (" + e + ")", e);
    }
  }

  /** {@code arca admin deny CERT-OR-SERIAL [--issuer ...]}. */
  @Command(
      name = "deny",
      mixinStandardHelpOptions = true,
      description =
          "Refuse a client certificate from now on (the server's deny list): new handshakes, and"
              + " open connections at their next request.")
  static final class Deny extends DenyListChange {
    @Override
    Output run(KmipClient client) throws IOException {
      return report("denied", client.changeDenyList(entry(), true));
    }
  }

  /** {@code arca admin allow CERT-OR-SERIAL [--issuer ...]}. */
  @Command(
      name = "allow",
      mixinStandardHelpOptions = true,
      description = "Take a certificate off the deny list (a CRL or OCSP may still refuse it).")
  static final class Allow extends DenyListChange {
    @Override
    Output run(KmipClient client) throws IOException {
      return report("allowed again", client.changeDenyList(entry(), false));
    }
  }

  /** {@code arca admin reload}. */
  @Command(
      name = "reload",
      mixinStandardHelpOptions = true,
      description =
          "Have the server read its configuration again and apply the log level and TLS material,"
              + " as SIGHUP does.")
  static final class ReloadCommand extends ServerCommand {
    @Override
    Output run(KmipClient client) throws IOException {
      String outcome = client.reload();
      return new Output().line("Reloaded: " + outcome).field("outcome", outcome);
    }
  }
}
