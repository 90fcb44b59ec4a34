package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
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
 * {@code arca rsa} and {@code arca ec}: key pairs, and RSA encryption of files. The file {@code rsa
 * encrypt} writes is the bare RSA ciphertext (one block: the input must fit in it).
 */
final class AsymCommands {
  private AsymCommands() {}

  /** {@code arca rsa}. */
  @Command(
      name = "rsa",
      mixinStandardHelpOptions = true,
      description = "Manage RSA key pairs and encrypt or decrypt small files with them.",
      subcommands = {RsaKeys.class, RsaEncrypt.class, RsaDecrypt.class})
  static final class Rsa extends CommandGroup {}

  /** {@code arca ec}. */
  @Command(
      name = "ec",
      mixinStandardHelpOptions = true,
      description = "Manage elliptic-curve key pairs.",
      subcommands = {EcKeys.class})
  static final class Ec extends CommandGroup {}

  /** {@code arca rsa keys}. */
  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "Create, export, import, revoke and destroy RSA keys.",
      subcommands = {
        RsaCreate.class,
        ExportKey.class,
        ImportKey.class,
        RevokeKey.class,
        DestroyKey.class
      })
  static final class RsaKeys extends CommandGroup {}

  /** {@code arca ec keys}. */
  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "Create, export, import, revoke and destroy EC keys.",
      subcommands = {
        EcCreate.class,
        ExportKey.class,
        ImportKey.class,
        RevokeKey.class,
        DestroyKey.class
      })
  static final class EcKeys extends CommandGroup {}

  /** What a key pair creation shares: the options, the request, activation and the report. */
  abstract static class CreatePair extends ServerCommand {
    @Mixin NewKeyOptions options = new NewKeyOptions();

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "ID",
        description =
            "The unique identifier to give the private key (e.g. my_key, or"
                + " hsm::<slot>::<label> to make it in the HSM); the public key's is ID_pk.")
    @Nullable String requestedId;

    abstract List<Attribute> algorithm();

    abstract int privateUsage();

    abstract int publicUsage();

    abstract String family();

    @Override
    final Output run(KmipClient client) throws IOException {
      List<Attribute> common = new ArrayList<>(algorithm());
      common.addAll(options.common());
      List<Attribute> secret = new ArrayList<>(options.secret(requestedId));
      secret.add(usage(privateUsage()));
      CreateKeyPair.Response pair =
          client.createKeyPair(
              new CreateKeyPair.Request(
                  new Attributes(common, List.of()),
                  new Attributes(secret, List.of()),
                  Attributes.of(usage(publicUsage())),
                  CreateKeyPair.KeyPairMasks.NONE));
      NewKeyOptions.activate(client, pair.privateKeyUniqueIdentifier());
      NewKeyOptions.activate(client, pair.publicKeyUniqueIdentifier());
      return new Output()
          .line("The " + family() + " key pair has been created.")
          .line("Public key unique identifier: " + pair.publicKeyUniqueIdentifier())
          .line("Private key unique identifier: " + pair.privateKeyUniqueIdentifier())
          .field("public_key_unique_identifier", pair.publicKeyUniqueIdentifier())
          .field("private_key_unique_identifier", pair.privateKeyUniqueIdentifier());
    }

    private static Attribute usage(int mask) {
      return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), mask));
    }
  }

  /** {@code arca rsa keys create}: Create Key Pair, both halves active at once. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a new RSA key pair (active at once).")
  static final class RsaCreate extends CreatePair {
    @Option(
        names = {"--size_in_bits", "--size-in-bits", "-s"},
        defaultValue = "4096",
        description = "The modulus length in bits (default: 4096).")
    int bits = 4096;

    @Override
    List<Attribute> algorithm() {
      return List.of(
          Attribute.of(
              new TtlvEnumeration(
                  Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.RSA.value())),
          Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
    }

    @Override
    int privateUsage() {
      return CryptographicUsageMask.DECRYPT.value()
          | CryptographicUsageMask.SIGN.value()
          | CryptographicUsageMask.UNWRAP_KEY.value();
    }

    @Override
    int publicUsage() {
      return CryptographicUsageMask.ENCRYPT.value()
          | CryptographicUsageMask.VERIFY.value()
          | CryptographicUsageMask.WRAP_KEY.value();
    }

    @Override
    String family() {
      return "RSA";
    }
  }

  /** {@code arca ec keys create}: Create Key Pair on a named curve. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a new EC key pair for signing (active at once).")
  static final class EcCreate extends CreatePair {
    @Option(
        names = {"--curve", "-c"},
        defaultValue = "nist-p256",
        description = "nist-p256 (default), nist-p384, nist-p521 or ed25519.")
    String curve = "nist-p256";

    @Override
    List<Attribute> algorithm() {
      if (curve.equalsIgnoreCase("ed25519")) {
        // Ed25519 is an algorithm of its own in KMIP 2.0+, not a curve of EC.
        return List.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.ED25519.value())));
      }
      RecommendedCurve named =
          switch (curve.toLowerCase(Locale.ROOT)) {
            case "nist-p256", "p-256", "p256" -> RecommendedCurve.P_256;
            case "nist-p384", "p-384", "p384" -> RecommendedCurve.P_384;
            case "nist-p521", "p-521", "p521" -> RecommendedCurve.P_521;
            default ->
                throw new IllegalArgumentException(
                    "--curve " + curve + ": expected nist-p256, nist-p384, nist-p521 or ed25519");
          };
      return List.of(
          Attribute.of(
              new TtlvEnumeration(
                  Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.EC.value())),
          Attribute.of(
              TtlvStructure.of(
                  Tag.CRYPTOGRAPHIC_DOMAIN_PARAMETERS.code(),
                  new TtlvEnumeration(Tag.RECOMMENDED_CURVE.code(), named.value()))));
    }

    @Override
    int privateUsage() {
      return CryptographicUsageMask.SIGN.value();
    }

    @Override
    int publicUsage() {
      return CryptographicUsageMask.VERIFY.value();
    }

    @Override
    String family() {
      return "EC";
    }
  }

  /** {@code keys destroy} of a key pair's half. */
  @Command(name = "destroy", mixinStandardHelpOptions = true, description = "Destroy a key.")
  static final class DestroyKey extends KeyLifecycleCommands.Destroy {}

  /** {@code keys revoke} of a key pair's half. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key.")
  static final class RevokeKey extends KeyLifecycleCommands.Revoke {}

  /** {@code keys export} of a key pair's half. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Export a private or public key to a file: pkcs8-pem, pkcs8-der, pkcs1-pem, pkcs1-der"
              + " (RSA), json-ttlv (default) or raw.")
  static final class ExportKey extends KeyLifecycleCommands.ExportKey {}

  /** {@code keys import FILE [ID]}: a PEM private or public key. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Import a PEM private key (PKCS#8, PKCS#1, SEC1) or public key.")
  static final class ImportKey extends ServerCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The PEM key.")
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
      String id = KeyImports.importPem(client, file, options, requestedId);
      return new Output()
          .line("The key was successfully imported.")
          .line("Unique identifier: " + id)
          .field("unique_identifier", id);
    }
  }

  /** The RSA encryption schemes of {@code --encryption-algorithm}. */
  static CryptographicParameters rsaParameters(String algorithm) {
    return rsaParameters(algorithm, "sha256");
  }

  /** The OAEP hashes of {@code --hashing-algorithm} (also the MGF1 hash). */
  static HashingAlgorithm oaepHash(String name) {
    return switch (name.toLowerCase(Locale.ROOT).replace("-", "")) {
      case "sha1" -> HashingAlgorithm.SHA_1;
      case "sha256" -> HashingAlgorithm.SHA_256;
      case "sha384" -> HashingAlgorithm.SHA_384;
      case "sha512" -> HashingAlgorithm.SHA_512;
      default ->
          throw new IllegalArgumentException(
              "--hashing-algorithm " + name + ": expected sha1, sha256, sha384 or sha512");
    };
  }

  /**
   * The RSA encryption scheme of {@code --encryption-algorithm}, OAEP hashing with {@code hash}.
   */
  static CryptographicParameters rsaParameters(String algorithm, String hash) {
    PaddingMethod padding =
        switch (algorithm.toLowerCase(Locale.ROOT)) {
          case "ckm-rsa-pkcs-oaep" -> PaddingMethod.OAEP;
          case "ckm-rsa-pkcs" -> PaddingMethod.PKCS1_V1_5;
          default ->
              throw new IllegalArgumentException(
                  "--encryption-algorithm "
                      + algorithm
                      + ": expected ckm-rsa-pkcs-oaep or ckm-rsa-pkcs");
        };
    Integer oaepHash = padding == PaddingMethod.OAEP ? oaepHash(hash).value() : null;
    return new CryptographicParameters(
        null,
        padding.value(),
        oaepHash,
        null,
        null,
        CryptographicAlgorithm.RSA.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        oaepHash,
        null,
        null);
  }

  /** {@code arca rsa encrypt}: a file encrypted with a public key by the server. */
  @Command(
      name = "encrypt",
      mixinStandardHelpOptions = true,
      description =
          "Encrypt a small file with an RSA public key (output: FILE with extension .enc).")
  static final class RsaEncrypt extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The public key.")
    String keyId = "";

    @Option(
        names = {"--encryption-algorithm", "-e"},
        defaultValue = "ckm-rsa-pkcs-oaep",
        description = "ckm-rsa-pkcs-oaep (default, SHA-256) or ckm-rsa-pkcs (PKCS#1 v1.5).")
    String algorithm = "ckm-rsa-pkcs-oaep";

    @Option(
        names = {"--hashing-algorithm"},
        defaultValue = "sha256",
        description =
            "The OAEP hash (and MGF1 hash): sha256 (default), sha1 (the only one SoftHSM2 2.6"
                + " implements), sha384 or sha512.")
    String hash = "sha256";

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to encrypt.")
    Path file = Path.of("");

    @Option(
        names = {"--output-file", "-o"},
        paramLabel = "OUT",
        description = "Where to write the encrypted file.")
    @Nullable Path output;

    @Override
    Output run(KmipClient client) throws IOException {
      CryptographicParameters parameters = rsaParameters(algorithm, hash);
      Path out = output != null ? output : Files2.withExtension(file, "enc");
      ByteString plaintext = ByteString.copyOf(Files.readAllBytes(file));
      Encrypt.Response sealed;
      try {
        sealed =
            client.encrypt(
                new Encrypt.Request(keyId, parameters, plaintext, null, null, null, null, null));
      } finally {
        plaintext.wipe();
      }
      ByteString ciphertext = sealed.data();
      if (ciphertext == null) {
        throw new IOException("the server returned no ciphertext");
      }
      Files.write(out, ciphertext.toByteArray());
      return new Output()
          .line("The encrypted file is available at \"" + out + "\"")
          .field("output_file", out.toString());
    }
  }

  /** {@code arca rsa decrypt}: a file decrypted with a private key by the server. */
  @Command(
      name = "decrypt",
      mixinStandardHelpOptions = true,
      description = "Decrypt a file with an RSA private key (output: FILE with extension .plain).")
  static final class RsaDecrypt extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The private key.")
    String keyId = "";

    @Option(
        names = {"--encryption-algorithm", "-e"},
        defaultValue = "ckm-rsa-pkcs-oaep",
        description = "ckm-rsa-pkcs-oaep (default, SHA-256) or ckm-rsa-pkcs (PKCS#1 v1.5).")
    String algorithm = "ckm-rsa-pkcs-oaep";

    @Option(
        names = {"--hashing-algorithm"},
        defaultValue = "sha256",
        description =
            "The OAEP hash (and MGF1 hash): sha256 (default), sha1 (the only one SoftHSM2 2.6"
                + " implements), sha384 or sha512.")
    String hash = "sha256";

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to decrypt.")
    Path file = Path.of("");

    @Option(
        names = {"--output-file", "-o"},
        paramLabel = "OUT",
        description = "Where to write the decrypted file.")
    @Nullable Path output;

    @Override
    Output run(KmipClient client) throws IOException {
      CryptographicParameters parameters = rsaParameters(algorithm, hash);
      Path out = output != null ? output : Files2.withExtension(file, "plain");
      ByteString ciphertext = ByteString.copyOf(Files.readAllBytes(file));
      Decrypt.Response opened =
          client.decrypt(
              new Decrypt.Request(
                  keyId, parameters, ciphertext, null, null, null, null, null, null));
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
}
