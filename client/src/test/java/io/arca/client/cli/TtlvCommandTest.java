package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.text.KmipXml;
import io.arca.kmip.ttlv.text.TextOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TtlvCommandTest {
  private static final String TWO_MESSAGES =
      """
      <KMIP>
      <RequestMessage>
        <RequestHeader>
          <ProtocolVersion>
            <ProtocolVersionMajor type="Integer" value="2"/>
            <ProtocolVersionMinor type="Integer" value="1"/>
          </ProtocolVersion>
          <BatchCount type="Integer" value="1"/>
        </RequestHeader>
        <BatchItem>
          <Operation type="Enumeration" value="Query"/>
          <RequestPayload>
            <QueryFunction type="Enumeration" value="QueryOperations"/>
          </RequestPayload>
        </BatchItem>
      </RequestMessage>
      <RequestMessage>
        <RequestHeader>
          <ProtocolVersion>
            <ProtocolVersionMajor type="Integer" value="1"/>
            <ProtocolVersionMinor type="Integer" value="4"/>
          </ProtocolVersion>
          <BatchCount type="Integer" value="1"/>
        </RequestHeader>
        <BatchItem>
          <Operation type="Enumeration" value="DiscoverVersions"/>
          <RequestPayload/>
        </BatchItem>
      </RequestMessage>
      </KMIP>
      """;

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run arca(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ArcaCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static List<Ttlv> parse(String xml) {
    return KmipXml.readMessages(xml, TextOptions.DEFAULTS.withNow(Instant.EPOCH));
  }

  @Test
  void encodeToHexThenDecodeGivesTheSameMessages() throws Exception {
    Path xml = Files.writeString(dir.resolve("case.xml"), TWO_MESSAGES);

    Run encoded = arca("ttlv", "encode", "--hex", xml.toString());
    assertThat(encoded.exitCode()).as(encoded.err()).isZero();
    assertThat(encoded.out().lines()).hasSize(2).allMatch(line -> line.startsWith("42007801"));

    Path hex = Files.writeString(dir.resolve("case.hex"), encoded.out());
    Run decoded = arca("ttlv", "decode", hex.toString());
    assertThat(decoded.exitCode()).as(decoded.err()).isZero();
    assertThat(parse(decoded.out())).isEqualTo(parse(TWO_MESSAGES));
  }

  @Test
  void encodeToABinaryFileThenConvertToJson() throws Exception {
    Path xml = Files.writeString(dir.resolve("case.xml"), TWO_MESSAGES);
    Path binary = dir.resolve("case.bin");

    assertThat(arca("ttlv", "encode", xml.toString(), "-o", binary.toString()).exitCode()).isZero();
    assertThat(Files.readAllBytes(binary)).startsWith(0x42, 0x00, 0x78, 0x01);

    Run json = arca("ttlv", "json", binary.toString());
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.out().split("\"tag\": \"RequestMessage\"", -1)).hasSize(3);
    assertThat(json.out()).contains("\"QueryOperations\"").contains("\"DiscoverVersions\"");
  }

  @Test
  void truncatedInputIsAKmipErrorWithAMessage() throws Exception {
    Path hex =
        Files.writeString(dir.resolve("bad.hex"), "42007801000000", StandardCharsets.US_ASCII);

    Run run = arca("ttlv", "decode", hex.toString());

    assertThat(run.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(run.err()).contains("arca:").contains("header");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(arca("ttlv", "decode", "--bogus").exitCode()).isEqualTo(ArcaCli.EXIT_USAGE);
  }
}
