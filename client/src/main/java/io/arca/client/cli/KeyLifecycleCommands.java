package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.payload.Export;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.text.KmipJson;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands every key family shares: export, destroy and revoke. Each family ({@code sym},
 * {@code rsa}, {@code ec}) registers its own subclass so that the help text names it.
 */
final class KeyLifecycleCommands {
  private KeyLifecycleCommands() {}

  /** {@code keys destroy --key-id ID}: Destroy, reported as the guide does. */
  abstract static class Destroy extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The key to destroy.")
    String keyId = "";

    @Override
    Output run(KmipClient client) throws IOException {
      client.destroy(keyId);
      return new Output()
          .line("Successfully destroyed the key.")
          .line("Unique identifier: " + keyId)
          .field("unique_identifier", keyId);
    }
  }

  /** {@code keys revoke --key-id ID REASON}: Revoke with a free-text reason. */
  abstract static class Revoke extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The key to revoke.")
    String keyId = "";

    @Option(
        names = "--compromised",
        description = "Revoke because the key was compromised (Key Compromise).")
    boolean compromised;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "REASON",
        description = "Why the key is revoked (kept as the Revocation Message).")
    @Nullable String reason;

    @Override
    Output run(KmipClient client) throws IOException {
      client.revoke(
          keyId,
          compromised
              ? RevocationReasonCode.KEY_COMPROMISE
              : RevocationReasonCode.CESSATION_OF_OPERATION,
          reason);
      return new Output()
          .line("Successfully revoked the key.")
          .line("Unique identifier: " + keyId)
          .field("unique_identifier", keyId);
    }
  }

  /** The formats {@code keys export --key-format} writes. */
  enum ExportFormat {
    JSON_TTLV,
    RAW,
    PKCS8_PEM,
    PKCS8_DER,
    PKCS1_PEM,
    PKCS1_DER;

    static ExportFormat parse(String value) {
      try {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--key-format "
                + value
                + ": expected one of json-ttlv, raw, pkcs8-pem, pkcs8-der, pkcs1-pem, pkcs1-der");
      }
    }

    boolean pem() {
      return this == PKCS8_PEM || this == PKCS1_PEM;
    }
  }

  /**
   * {@code keys export --key-id ID [--key-format F] FILE}: Export, the key written to FILE. PKCS#8
   * means PKCS#8 for a private key and SubjectPublicKeyInfo (KMIP's X.509 format) for a public key,
   * as OpenSSL names both "PKCS#8"; raw is the key bytes as the server holds them.
   */
  abstract static class ExportKey extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The key to export.")
    String keyId = "";

    @Option(
        names = {"--key-format", "-f"},
        paramLabel = "FORMAT",
        defaultValue = "json-ttlv",
        description =
            "json-ttlv (default), raw, pkcs8-pem, pkcs8-der, pkcs1-pem or pkcs1-der (RSA).")
    String keyFormat = "json-ttlv";

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the key.")
    Path file = Path.of("");

    @Override
    Output run(KmipClient client) throws IOException {
      ExportFormat format = ExportFormat.parse(keyFormat);
      ObjectType type = objectType(client, keyId);
      Export.Response exported = client.export(keyId, kmipFormat(format, type));
      ManagedObject object = exported.object();
      byte[] bytes =
          format == ExportFormat.JSON_TTLV
              ? KmipJson.write(object.encode(ProtocolVersion.V2_1)).getBytes(StandardCharsets.UTF_8)
              : keyBytes(object);
      try {
        if (format.pem()) {
          Files.writeString(file, pem(pemLabel(format, type), bytes), StandardCharsets.US_ASCII);
        } else {
          Files.write(file, bytes);
        }
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
      String typeName = type.xmlName();
      return new Output()
          .line("The key " + keyId + " of type " + typeName + " was exported to \"" + file + "\"")
          .line("Unique identifier: " + keyId)
          .field("unique_identifier", keyId)
          .field("object_type", typeName)
          .field("file", file.toString());
    }
  }

  /** The object's type, asked with Get Attributes so that no key material moves for it. */
  static ObjectType objectType(KmipClient client, String id) throws IOException {
    Attribute attribute =
        client
            .getAttributes(id, List.of(AttributeReference.tag(Tag.OBJECT_TYPE.code())))
            .first(Tag.OBJECT_TYPE.code());
    ObjectType type =
        attribute != null && attribute.value() instanceof TtlvEnumeration value
            ? ObjectType.byValue(value.value())
            : null;
    if (type == null) {
      throw new IOException(id + ": the server did not say what type of object it is");
    }
    return type;
  }

  static @Nullable KeyFormatType kmipFormat(ExportFormat format, ObjectType type) {
    return switch (format) {
      case JSON_TTLV -> null;
      case RAW -> type == ObjectType.SYMMETRIC_KEY ? KeyFormatType.RAW : null;
      case PKCS8_PEM, PKCS8_DER ->
          type == ObjectType.PRIVATE_KEY ? KeyFormatType.PKCS_8 : KeyFormatType.X_509;
      case PKCS1_PEM, PKCS1_DER -> KeyFormatType.PKCS_1;
    };
  }

  private static String pemLabel(ExportFormat format, ObjectType type) {
    boolean pkcs1 = format == ExportFormat.PKCS1_PEM;
    if (type == ObjectType.PRIVATE_KEY) {
      return pkcs1 ? "RSA PRIVATE KEY" : "PRIVATE KEY";
    }
    return pkcs1 ? "RSA PUBLIC KEY" : "PUBLIC KEY";
  }

  /** The key bytes of an object whose Key Material is a byte string (a copy; wipe it). */
  static byte[] keyBytes(ManagedObject object) throws IOException {
    KeyBlock block = object.keyBlock();
    if (block != null
        && block.keyValue() instanceof KeyValue.Plain plain
        && plain.keyMaterial() instanceof KeyMaterial.Bytes material) {
      return material.value().toByteArray();
    }
    throw new IOException(
        "the server returned no key bytes (a wrapped or structured key): try --key-format json-ttlv");
  }

  static String pem(String label, byte[] der) throws IOException {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(label, der));
    }
    return text.toString();
  }
}
