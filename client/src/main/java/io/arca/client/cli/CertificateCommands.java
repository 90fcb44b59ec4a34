package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.CertificateRequestType;
import io.arca.kmip.CertificateType;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.LinkType;
import io.arca.kmip.Tag;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.payload.Certify;
import io.arca.kmip.payload.ReCertify;
import io.arca.kmip.payload.Validate;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arca certificates certify|recertify|validate|export}: certificates signed by a CA key the
 * server holds, for a PKCS#10 request (PEM or DER) or a public key it holds; renewal; chain
 * validation; and export of a certificate (PEM, DER) or of a private key with its chain (PKCS#12).
 */
final class CertificateCommands {
  private CertificateCommands() {}

  /** {@code arca certificates}. */
  @Command(
      name = "certificates",
      mixinStandardHelpOptions = true,
      description = "Certify public keys and requests, renew, validate and export certificates.",
      subcommands = {
        CertifyCommand.class,
        ReCertifyCommand.class,
        ValidateCommand.class,
        ExportCommand.class
      })
  static final class Certificates extends CommandGroup {}

  /** {@code arca certificates certify (--csr FILE | --public-key-id ID) [--issuer-id CA]}. */
  @Command(
      name = "certify",
      mixinStandardHelpOptions = true,
      description =
          "Issue a certificate for a PKCS#10 request or a public key the server holds, signed by"
              + " the CA whose certificate --issuer-id names (without it: self-signed by the public"
              + " key's own private key).")
  static final class CertifyCommand extends ServerCommand {
    @Option(names = "--csr", paramLabel = "FILE", description = "A PKCS#10 request, PEM or DER.")
    @Nullable Path csr;

    @Option(
        names = {"--public-key-id", "-k"},
        paramLabel = "ID",
        description = "A public key the server holds.")
    @Nullable String publicKeyId;

    @Option(
        names = {"--issuer-id", "-i"},
        paramLabel = "CA",
        description = "The CA's certificate (its private key signs).")
    @Nullable String issuerId;

    @Option(names = "--days", paramLabel = "N", description = "Validity in days (default 365).")
    @Nullable Integer days;

    @Override
    Output run(KmipClient client) throws IOException {
      if ((csr == null) == (publicKeyId == null)) {
        throw new IllegalArgumentException("give exactly one of --csr and --public-key-id");
      }
      Integer type = null;
      ByteString request = null;
      if (csr != null) {
        byte[] bytes = Files.readAllBytes(csr);
        boolean pem = new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN");
        type = (pem ? CertificateRequestType.PEM : CertificateRequestType.PKCS_10).value();
        request = ByteString.copyOf(bytes);
      }
      List<Attribute> attributes = new ArrayList<>();
      if (issuerId != null) {
        attributes.add(issuerLink(issuerId));
      }
      if (days != null) {
        Instant now = Instant.now();
        attributes.add(Attribute.of(TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), now)));
        attributes.add(
            Attribute.of(
                TtlvDateTime.of(Tag.DEACTIVATION_DATE.code(), now.plus(Duration.ofDays(days)))));
      }
      String uid =
          client.certify(
              new Certify.Request(
                  publicKeyId,
                  null,
                  type,
                  request,
                  attributes.isEmpty() ? null : new Attributes(attributes, List.of()),
                  List.of()));
      return new Output()
          .line("The certificate was issued: " + uid)
          .line("Unique identifier: " + uid)
          .field("unique_identifier", uid);
    }
  }

  /** {@code arca certificates recertify --certificate-id ID [--csr FILE] [--offset SECONDS]}. */
  @Command(
      name = "recertify",
      mixinStandardHelpOptions = true,
      description =
          "Renew a certificate: a new one for the same key (or a new request) by the same CA,"
              + " which takes over its names; --offset moves its dates.")
  static final class ReCertifyCommand extends ServerCommand {
    @Option(
        names = {"--certificate-id", "-c"},
        required = true,
        paramLabel = "ID",
        description = "The certificate to renew.")
    String certificateId = "";

    @Option(names = "--csr", paramLabel = "FILE", description = "A new PKCS#10 request.")
    @Nullable Path csr;

    @Option(
        names = "--offset",
        paramLabel = "SECONDS",
        description = "From now to the new certificate's Activation Date.")
    @Nullable Long offset;

    @Override
    Output run(KmipClient client) throws IOException {
      Integer type = null;
      ByteString request = null;
      if (csr != null) {
        byte[] bytes = Files.readAllBytes(csr);
        boolean pem = new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN");
        type = (pem ? CertificateRequestType.PEM : CertificateRequestType.PKCS_10).value();
        request = ByteString.copyOf(bytes);
      }
      String uid =
          client.reCertify(
              new ReCertify.Request(certificateId, null, type, request, offset, null, List.of()));
      return new Output()
          .line("The certificate " + certificateId + " was renewed: " + uid)
          .line("Unique identifier: " + uid)
          .field("unique_identifier", uid)
          .field("replaced", certificateId);
    }
  }

  /** {@code arca certificates validate [--certificate-id ID]... [FILE]...}: exit 1 unless Valid. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Check a certificate chain (files in PEM or DER, and certificates the server holds)"
              + " against its self-signed root. Exit code 0 when Valid, 1 when Invalid or Unknown.")
  static final class ValidateCommand extends ServerCommand {
    @Option(
        names = {"--certificate-id", "-c"},
        paramLabel = "ID",
        description = "A certificate of the chain that the server holds (repeatable).")
    List<String> certificateIds = new ArrayList<>();

    @Option(
        names = "--date",
        paramLabel = "INSTANT",
        description = "When the chain must be valid, e.g. 2030-01-01T00:00:00Z (default: now).")
    @Nullable Instant date;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Certificates of the chain.")
    List<Path> files = new ArrayList<>();

    @Override
    Output run(KmipClient client) throws IOException {
      List<Certificate> certificates = new ArrayList<>();
      for (Path file : files) {
        certificates.add(
            new Certificate(CertificateType.X_509.value(), ByteString.copyOf(der(file))));
      }
      int verdict =
          client.validate(
              new Validate.Request(
                  certificates, certificateIds, date == null ? null : date.getEpochSecond()));
      ValidityIndicator known = ValidityIndicator.byValue(verdict);
      String word = known == null ? "Unknown" : known.xmlName();
      if (known != ValidityIndicator.VALID) {
        exitCode = ArcaCli.EXIT_KMIP_ERROR;
      }
      return new Output().line("The chain is " + word + ".").field("validity", word);
    }
  }

  /** {@code arca certificates export --id ID --format pem|der|pkcs12 FILE}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write a certificate to a file (pem, der), or a private key with its certificate chain"
              + " (pkcs12: the key must have a PKCS#12 Password Link to the password).")
  static final class ExportCommand extends ServerCommand {
    @Option(
        names = {"--id"},
        required = true,
        paramLabel = "ID",
        description = "The certificate (pem, der) or the private key (pkcs12).")
    String id = "";

    @Option(
        names = {"--format", "-f"},
        paramLabel = "FORMAT",
        defaultValue = "pem",
        description = "pem (default), der or pkcs12.")
    String format = "pem";

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write it.")
    Path file = Path.of("");

    @Override
    Output run(KmipClient client) throws IOException {
      String chosen = format.toLowerCase(Locale.ROOT);
      byte[] bytes;
      switch (chosen) {
        case "pkcs12" -> {
          ManagedObject object = client.get(id, KeyFormatType.PKCS_12).object();
          bytes = KeyLifecycleCommands.keyBytes(object);
        }
        case "pem", "der" -> {
          if (!(client.get(id, null).object() instanceof Certificate certificate)) {
            throw new IOException(id + " is no certificate");
          }
          bytes = certificate.certificateValue().toByteArray();
        }
        default ->
            throw new IllegalArgumentException(
                "--format " + format + ": expected pem, der or pkcs12");
      }
      try {
        if (chosen.equals("pem")) {
          Files.writeString(
              file, KeyLifecycleCommands.pem("CERTIFICATE", bytes), StandardCharsets.US_ASCII);
        } else {
          Files.write(file, bytes);
        }
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
      return new Output()
          .line(id + " was exported as " + chosen + " to \"" + file + "\"")
          .field("unique_identifier", id)
          .field("format", chosen)
          .field("file", file.toString());
    }
  }

  private static Attribute issuerLink(String caCertificate) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.LINK.code(),
            new TtlvEnumeration(Tag.LINK_TYPE.code(), LinkType.CERTIFICATE_LINK.value()),
            new TtlvTextString(Tag.LINKED_OBJECT_IDENTIFIER.code(), caCertificate)));
  }

  /** A certificate file's DER: PEM is decoded, anything else is taken as DER. */
  private static byte[] der(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
    if (begin < 0) {
      return bytes;
    }
    int end = text.indexOf("-----END CERTIFICATE-----", begin);
    String body = text.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end);
    return java.util.Base64.getMimeDecoder().decode(body);
  }
}
