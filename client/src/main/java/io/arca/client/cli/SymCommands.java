package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arca sym}: symmetric keys and the data they encrypt.
 *
 * <p>{@code sym encrypt} writes a file of AES-GCM segments, one request each, so files of any size
 * go through ({@link SegmentedFile} gives the layout); {@code sym decrypt} reads it, and also the
 * single-message layout of earlier versions (12-byte IV || ciphertext || 16-byte tag).
 */
@Command(
    name = "sym",
    mixinStandardHelpOptions = true,
    description = "Manage symmetric keys and encrypt or decrypt files with them.",
    subcommands = {
      SymCommands.Keys.class,
      SymCommands.EncryptFile.class,
      SymCommands.DecryptFile.class
    })
final class SymCommands extends CommandGroup {
  /** The GCM IV length the server uses by default and the file layout assumes. */
  static final int GCM_IV_BYTES = 12;

  /** The GCM tag length asked of the server and written in the file. */
  static final int GCM_TAG_BYTES = 16;

  /** {@code arca sym keys}. */
  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "Create, export, import, revoke, re-key and destroy symmetric keys.",
      subcommands = {
        CreateKey.class,
        ExportKey.class,
        ImportKey.class,
        RevokeKey.class,
        ReKeyKey.class,
        DestroyKey.class
      })
  static final class Keys extends CommandGroup {}

  /** {@code arca sym keys create}: Create, then Activate so the key can be used at once. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a new symmetric key (active at once).")
  static final class CreateKey extends ServerCommand {
    @Option(
        names = {"--algorithm", "-a"},
        defaultValue = "aes",
        description =
            "The algorithm: aes (default), or hmac-sha256, hmac-sha384, hmac-sha512 for a MAC"
                + " key (at least as long as the hash).")
    String algorithm = "aes";

    @Option(
        names = {"--number-of-bits", "-l"},
        defaultValue = "256",
        description =
            "The key length in bits: 128, 192 or 256 (default) for AES; for HMAC at least the"
                + " hash's length.")
    int bits = 256;

    @Mixin NewKeyOptions options = new NewKeyOptions();

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "ID",
        description =
            "The unique identifier to give the key (e.g. my_sym_key, or hsm::<slot>::<label> to"
                + " make it in the HSM); default: one the server draws.")
    @Nullable String requestedId;

    @Override
    Output run(KmipClient client) throws IOException {
      String id = client.create(ObjectType.SYMMETRIC_KEY, new Attributes(attributes(), List.of()));
      NewKeyOptions.activate(client, id);
      return new Output()
          .line("The symmetric key was successfully generated.")
          .line("Unique identifier: " + id)
          .field("unique_identifier", id);
    }

    /** The new key's attributes: its algorithm, length and the usage that algorithm serves. */
    List<Attribute> attributes() {
      CryptographicAlgorithm chosen =
          switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "aes" -> CryptographicAlgorithm.AES;
            case "hmac-sha256" -> CryptographicAlgorithm.HMAC_SHA256;
            case "hmac-sha384" -> CryptographicAlgorithm.HMAC_SHA384;
            case "hmac-sha512" -> CryptographicAlgorithm.HMAC_SHA512;
            default ->
                throw new IllegalArgumentException(
                    "--algorithm "
                        + algorithm
                        + ": expected aes, hmac-sha256, hmac-sha384 or hmac-sha512");
          };
      int usage =
          chosen == CryptographicAlgorithm.AES
              ? CryptographicUsageMask.ENCRYPT.value()
                  | CryptographicUsageMask.DECRYPT.value()
                  | CryptographicUsageMask.WRAP_KEY.value()
                  | CryptographicUsageMask.UNWRAP_KEY.value()
              : CryptographicUsageMask.MAC_GENERATE.value()
                  | CryptographicUsageMask.MAC_VERIFY.value();
      List<Attribute> attributes = new ArrayList<>();
      attributes.add(
          Attribute.of(new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), chosen.value())));
      attributes.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
      attributes.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), usage)));
      attributes.addAll(options.common());
      attributes.addAll(options.secret(requestedId));
      return attributes;
    }
  }

  /** {@code arca sym keys re-key}: a new key replacing the old one. */
  @Command(
      name = "rekey",
      aliases = "re-key",
      mixinStandardHelpOptions = true,
      description = "Replace a symmetric key by a new one (Re-key).")
  static final class ReKeyKey extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The key to replace.")
    String keyId = "";

    @Override
    Output run(KmipClient client) throws IOException {
      String id = client.reKey(keyId);
      return new Output()
          .line("The symmetric key was successfully refreshed.")
          .line("Unique identifier: " + id)
          .line("Replaced key: " + keyId)
          .field("unique_identifier", id)
          .field("replaced_unique_identifier", keyId);
    }
  }

  /** {@code arca sym keys destroy}. */
  @Command(name = "destroy", mixinStandardHelpOptions = true, description = "Destroy a key.")
  static final class DestroyKey extends KeyLifecycleCommands.Destroy {}

  /** {@code arca sym keys revoke}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key.")
  static final class RevokeKey extends KeyLifecycleCommands.Revoke {}

  /** {@code arca sym keys export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Export a key to a file (json-ttlv or raw).")
  static final class ExportKey extends KeyLifecycleCommands.ExportKey {}

  /** {@code arca sym keys import}: the raw key bytes of FILE, registered as an AES key. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Import raw AES key bytes from a file (Register, or Import when ID is given).")
  static final class ImportKey extends ServerCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The raw key bytes.")
    Path file = Path.of("");

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "ID",
        description = "The unique identifier to give the key.")
    @Nullable String requestedId;

    @Mixin NewKeyOptions options = new NewKeyOptions();

    @Override
    Output run(KmipClient client) throws IOException {
      byte[] key = Files.readAllBytes(file);
      try {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
          throw new IllegalArgumentException(
              file + ": " + key.length + " bytes is not an AES key (16, 24 or 32 bytes)");
        }
        String id = KeyImports.importSymmetric(client, key, options, requestedId);
        return new Output()
            .line("The key was successfully imported.")
            .line("Unique identifier: " + id)
            .field("unique_identifier", id);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  /** {@code arca sym encrypt}: a file encrypted with AES-GCM by the server. */
  @Command(
      name = "encrypt",
      mixinStandardHelpOptions = true,
      description =
          "Encrypt a file of any size with a symmetric key, in AES-GCM segments of 256 KiB (one"
              + " request each). The output defaults to FILE with extension .enc.")
  static final class EncryptFile extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The key to encrypt with.")
    String keyId = "";

    @Option(
        names = {"--data-encryption-algorithm", "-d"},
        defaultValue = "aes-gcm",
        description = "aes-gcm (default; the only one so far).")
    String algorithm = "aes-gcm";

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to encrypt.")
    Path file = Path.of("");

    @Option(
        names = {"--output-file", "-o"},
        paramLabel = "OUT",
        description = "Where to write the encrypted file.")
    @Nullable Path output;

    @Override
    Output run(KmipClient client) throws IOException {
      checkGcm(algorithm);
      Path out = output != null ? output : Files2.withExtension(file, "enc");
      new SegmentedFile(client, keyId, gcm())
          .encrypt(file, out, Progress.of("encrypt", Files.size(file)));
      return new Output()
          .line("The encrypted file is available at \"" + out + "\"")
          .field("output_file", out.toString());
    }
  }

  /** {@code arca sym decrypt}: the inverse of {@code sym encrypt}. */
  @Command(
      name = "decrypt",
      mixinStandardHelpOptions = true,
      description =
          "Decrypt a file written by sym encrypt (default output: FILE with extension .plain).")
  static final class DecryptFile extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The key to decrypt with.")
    String keyId = "";

    @Option(
        names = {"--data-encryption-algorithm", "-d"},
        defaultValue = "aes-gcm",
        description = "aes-gcm (default; the only one so far).")
    String algorithm = "aes-gcm";

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to decrypt.")
    Path file = Path.of("");

    @Option(
        names = {"--output-file", "-o"},
        paramLabel = "OUT",
        description = "Where to write the decrypted file.")
    @Nullable Path output;

    @Override
    Output run(KmipClient client) throws IOException {
      checkGcm(algorithm);
      Path out = output != null ? output : Files2.withExtension(file, "plain");
      if (SegmentedFile.isSegmented(file)) {
        new SegmentedFile(client, keyId, gcm())
            .decrypt(file, out, Progress.of("decrypt", Files.size(file)));
        return new Output()
            .line("The decrypted file is available at \"" + out + "\"")
            .field("output_file", out.toString());
      }
      // A file written before files were segmented: one GCM message, IV || ciphertext || tag.
      byte[] sealed = Files.readAllBytes(file);
      if (sealed.length < GCM_IV_BYTES + GCM_TAG_BYTES) {
        throw new IllegalArgumentException(
            file + " is too short to be an AES-GCM file (IV || ciphertext || tag)");
      }
      int ciphertextBytes = sealed.length - GCM_IV_BYTES - GCM_TAG_BYTES;
      Decrypt.Response opened =
          client.decrypt(
              new Decrypt.Request(
                  keyId,
                  gcm(),
                  ByteString.copyOf(
                      Arrays.copyOfRange(sealed, GCM_IV_BYTES, GCM_IV_BYTES + ciphertextBytes)),
                  ByteString.copyOf(Arrays.copyOfRange(sealed, 0, GCM_IV_BYTES)),
                  null,
                  null,
                  null,
                  null,
                  ByteString.copyOf(
                      Arrays.copyOfRange(sealed, GCM_IV_BYTES + ciphertextBytes, sealed.length))));
      ByteString data = opened.data();
      byte[] plaintext = data == null ? new byte[0] : data.toByteArray();
      try {
        Files.write(out, plaintext);
      } finally {
        Arrays.fill(plaintext, (byte) 0);
        if (data != null) {
          data.wipe();
        }
      }
      return new Output()
          .line("The decrypted file is available at \"" + out + "\"")
          .field("output_file", out.toString());
    }
  }

  private static void checkGcm(String algorithm) {
    if (!algorithm.toLowerCase(Locale.ROOT).equals("aes-gcm")) {
      throw new IllegalArgumentException(
          "--data-encryption-algorithm " + algorithm + ": only aes-gcm is supported so far");
    }
  }

  private static CryptographicParameters gcm() {
    return new CryptographicParameters(
        BlockCipherMode.GCM.value(),
        null,
        null,
        null,
        null,
        CryptographicAlgorithm.AES.value(),
        null,
        null,
        GCM_TAG_BYTES,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
