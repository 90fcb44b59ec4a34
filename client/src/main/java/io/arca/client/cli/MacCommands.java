package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.MacVerify;
import io.arca.kmip.ttlv.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arca mac} and {@code arca mac-verify}: the server computes the HMAC of a file with a
 * managed HMAC key (stored, or {@code hsm::} in the HSM, where it runs inside the token) and checks
 * one, as {@code arca sign} and {@code arca verify} do with key pairs. The key's own algorithm
 * (HMAC-SHA256, -SHA384 or -SHA512) decides the hash; the MAC file holds the bare MAC bytes. The
 * whole file is sent as the Data of one request.
 */
final class MacCommands {
  private MacCommands() {}

  /** {@code arca mac --key-id ID FILE [-o OUT]}. */
  @Command(
      name = "mac",
      mixinStandardHelpOptions = true,
      description =
          "Compute the MAC of a file with an HMAC key (output: FILE with extension .mac).")
  static final class MacFile extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The HMAC key (made with arca sym keys create -a hmac-sha256 ...).")
    String keyId = "";

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to MAC.")
    Path file = Path.of("");

    @Option(
        names = {"--output-file", "-o"},
        paramLabel = "OUT",
        description = "Where to write the MAC.")
    @Nullable Path output;

    @Override
    Output run(KmipClient client) throws IOException {
      Path out = output != null ? output : Files2.withExtension(file, "mac");
      ByteString data = ByteString.copyOf(Files.readAllBytes(file));
      Mac.Response answered;
      try {
        answered = client.mac(new Mac.Request(keyId, null, data, null, null, null));
      } finally {
        data.wipe();
      }
      ByteString mac = answered.macData();
      if (mac == null) {
        throw new IOException("the server returned no MAC");
      }
      Files.write(out, mac.toByteArray());
      return new Output()
          .line("The MAC is available at \"" + out + "\"")
          .field("output_file", out.toString());
    }
  }

  /** {@code arca mac-verify --key-id ID FILE MAC}: exit code 1 when it does not verify. */
  @Command(
      name = "mac-verify",
      mixinStandardHelpOptions = true,
      description =
          "Check the MAC of a file with an HMAC key. Exit code 0 when it is valid, 1 when not.")
  static final class VerifyMacFile extends ServerCommand {
    @Option(
        names = {"--key-id", "-k"},
        required = true,
        paramLabel = "ID",
        description = "The HMAC key.")
    String keyId = "";

    @Parameters(index = "0", paramLabel = "FILE", description = "The file.")
    Path file = Path.of("");

    @Parameters(index = "1", paramLabel = "MAC", description = "The MAC file.")
    Path macFile = Path.of("");

    @Override
    Output run(KmipClient client) throws IOException {
      ByteString mac = ByteString.copyOf(Files.readAllBytes(macFile));
      ByteString data = ByteString.copyOf(Files.readAllBytes(file));
      MacVerify.Response verdict;
      try {
        verdict = client.macVerify(new MacVerify.Request(keyId, null, data, mac, null, null, null));
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
          .line(valid ? "The MAC is valid." : "The MAC is NOT valid (" + word + ").")
          .field("validity", word);
    }
  }
}
