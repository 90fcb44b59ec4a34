package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.payload.SignatureVerify;
import io.arca.kmip.ttlv.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arca sign} and {@code arca verify}: the server signs a file with a private key and checks
 * a signature with the public key. The signature file holds the bare signature bytes (ECDSA: DER).
 * The whole file is sent as the Data of one request.
 */
final class SignCommands {
  private SignCommands() {}

  static final String ALGORITHMS =
      "rsassa-pss, rsassa-pkcs1-v1_5 (SHA-256), ecdsa-sha256, ecdsa-sha384, ecdsa-sha512 or"
          + " ed25519; default: the key's own parameters, else PKCS#1 v1.5 with SHA-256 for RSA,"
          + " ECDSA with the hash of the curve's size, Ed25519 for Ed25519 keys";

  /** The Cryptographic Parameters of {@code --signature-algorithm}, or null for the key's. */
  static @Nullable CryptographicParameters parameters(@Nullable String algorithm) {
    if (algorithm == null) {
      return null;
    }
    Integer padding = null;
    Integer hash = null;
    Integer signature = null;
    switch (algorithm.toLowerCase(Locale.ROOT)) {
      case "rsassa-pss", "rsa-pss" -> {
        padding = PaddingMethod.PSS.value();
        hash = HashingAlgorithm.SHA_256.value();
      }
      case "rsassa-pkcs1-v1_5", "rsa-pkcs1-v1_5", "rsassa-pkcs1v15" -> {
        padding = PaddingMethod.PKCS1_V1_5.value();
        hash = HashingAlgorithm.SHA_256.value();
      }
      case "ecdsa-sha256" -> signature = DigitalSignatureAlgorithm.ECDSA_WITH_SHA256.value();
      case "ecdsa-sha384" -> signature = DigitalSignatureAlgorithm.ECDSA_WITH_SHA384.value();
      case "ecdsa-sha512" -> signature = DigitalSignatureAlgorithm.ECDSA_WITH_SHA512.value();
      // Ed25519 has a single scheme (PureEdDSA): the key says it all.
      case "ed25519" -> {
        return null;
      }
      default ->
          throw new IllegalArgumentException(
              "--signature-algorithm " + algorithm + ": expected " + ALGORITHMS);
    }
    return new CryptographicParameters(
        null, padding, hash, null, signature, null, null, null, null, null, null, null, null, null,
        null, hash, null, null);
  }

  /** {@code arca sign --key-id ID FILE [-o OUT]}. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = "Sign a file with a private key (output: FILE with extension .sig).")
  static final class SignFile extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The private key: RSA, EC or Ed25519.")
    String keyId = "";

    @Option(
        names = {"--signature-algorithm", "-a"},
        paramLabel = "ALGORITHM",
        description = ALGORITHMS + ".")
    @Nullable String algorithm;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to sign.")
    Path file = Path.of("");

    @Option(
        names = {"--output-file", "-o"},
        paramLabel = "OUT",
        description = "Where to write the signature.")
    @Nullable Path output;

    @Override
    Output run(KmipClient client) throws IOException {
      CryptographicParameters parameters = parameters(algorithm);
      Path out = output != null ? output : Files2.withExtension(file, "sig");
      ByteString data = ByteString.copyOf(Files.readAllBytes(file));
      Sign.Response signed;
      try {
        signed = client.sign(new Sign.Request(keyId, parameters, data, null, null, null, null));
      } finally {
        data.wipe();
      }
      ByteString signature = signed.signatureData();
      if (signature == null) {
        throw new IOException("the server returned no signature");
      }
      Files.write(out, signature.toByteArray());
      return new Output()
          .line("The signature is available at \"" + out + "\"")
          .field("output_file", out.toString());
    }
  }

  /** {@code arca verify --key-id ID FILE SIGNATURE}: exit code 1 when it does not verify. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check a signature of a file with a public key. Exit code 0 when it is valid, 1 when"
              + " not.")
  static final class VerifyFile extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The public key.")
    String keyId = "";

    @Option(
        names = {"--signature-algorithm", "-a"},
        paramLabel = "ALGORITHM",
        description = ALGORITHMS + ".")
    @Nullable String algorithm;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed file.")
    Path file = Path.of("");

    @Parameters(index = "1", paramLabel = "SIGNATURE", description = "The signature file.")
    Path signatureFile = Path.of("");

    @Override
    Output run(KmipClient client) throws IOException {
      CryptographicParameters parameters = parameters(algorithm);
      ByteString signature = ByteString.copyOf(Files.readAllBytes(signatureFile));
      ByteString data = ByteString.copyOf(Files.readAllBytes(file));
      SignatureVerify.Response verdict;
      try {
        verdict =
            client.signatureVerify(
                new SignatureVerify.Request(
                    keyId, parameters, data, null, signature, null, null, null));
      } finally {
        data.wipe();
      }
      Integer validity = verdict.validityIndicator();
      boolean valid = validity != null && validity == ValidityIndicator.VALID.value();
      if (!valid) {
        exitCode = ArcaCli.EXIT_KMIP_ERROR;
      }
      ValidityIndicator known = validity == null ? null : ValidityIndicator.byValue(validity);
      String word = known == null ? "Unknown" : known.xmlName();
      return new Output()
          .line(valid ? "The signature is valid." : "The signature is NOT valid (" + word + ").")
          .field("validity", word);
    }
  }
}
