package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.client.ClientTls;
import io.arca.client.KmipConnection;
import io.arca.kmip.Operation;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The runner and the command over real mutual TLS against the in-process server, with two small
 * cases of our own (the OASIS files cannot pass yet): one the server answers as expected, one it
 * must be found to differ from.
 */
class CaseRunnerTest {
  private static final Path CASES = Path.of("src/test/resources/runner-cases");

  @TempDir static Path dataDir;
  static InProcessServer server;

  @BeforeAll
  static void start() throws Exception {
    server = InProcessServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static CaseRunner runner() throws Exception {
    SSLContext tls =
        ClientTls.context(
            server.pki().caCertificate(), server.pki().adminCertificate(), server.pki().adminKey());
    return new CaseRunner(
        () ->
            KmipConnection.open(
                tls, "127.0.0.1", server.port(), Duration.ofSeconds(10), DecodeLimits.DEFAULTS),
        Clock.systemUTC());
  }

  @Test
  void aCaseTheServerAnswersAsRecordedPasses() throws Exception {
    CaseResult result = runner().run(CaseFile.of(CASES.resolve("ARCA-M-1-21.xml")));

    assertThat(result.outcome()).as(result.detail()).isEqualTo(CaseResult.Outcome.PASS);
    assertThat(result.line()).isEqualTo("PASS ARCA-M-1-21");
  }

  @Test
  void aDifferentOrderIsAFailureWithItsPath() throws Exception {
    CaseResult result = runner().run(CaseFile.of(CASES.resolve("ARCA-M-2-21.xml")));

    assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.FAIL);
    assertThat(result.detail())
        .startsWith(
            "request 0: ResponseMessage/BatchItem[0]/ResponsePayload/ProtocolVersion/"
                + "ProtocolVersionMajor: expected ProtocolVersionMajor Integer 1, got");
  }

  @Test
  void theCommandPrintsOneLinePerCaseAndTheTotals() {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new ConformanceCli());
    command.setOut(new PrintWriter(out));

    int exit =
        command.execute(
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(server.port()),
            "--ca",
            server.pki().caCertificate().toString(),
            "--cert",
            server.pki().adminCertificate().toString(),
            "--key",
            server.pki().adminKey().toString(),
            "--version",
            "2.1",
            CASES.toString());

    assertThat(out.toString().split("\n"))
        .hasSize(3)
        .startsWith("PASS ARCA-M-1-21")
        .endsWith("1 passed, 1 failed");
    assertThat(exit).isEqualTo(1);
  }

  @Test
  void aFailedCaseStillDestroysWhatItMadeSoTheNextCaseDoesNotFindIt() throws Exception {
    Path cases = Path.of("src/test/resources/runner-cases-destroy");
    CaseRunner runner = runner();

    CaseResult failed = runner.run(CaseFile.of(cases.resolve("a case that fails midway.xml")));
    CaseResult next = runner.run(CaseFile.of(cases.resolve("nothing left behind.xml")));

    assertThat(failed.outcome()).isEqualTo(CaseResult.Outcome.FAIL);
    assertThat(failed.detail()).startsWith("request 1: ");
    assertThat(next.outcome()).as(next.detail()).isEqualTo(CaseResult.Outcome.PASS);
  }

  @Test
  void onlyRequestsMadeOfDestroysAreSentAfterADifference() {
    TtlvStructure destroy =
        TtlvStructure.of(
            Tag.REQUEST_MESSAGE.code(),
            TtlvStructure.of(
                Tag.BATCH_ITEM.code(),
                new TtlvEnumeration(Tag.OPERATION.code(), Operation.DESTROY.value())));
    TtlvStructure revokeAndDestroy =
        TtlvStructure.of(
            Tag.REQUEST_MESSAGE.code(),
            TtlvStructure.of(
                Tag.BATCH_ITEM.code(),
                new TtlvEnumeration(Tag.OPERATION.code(), Operation.REVOKE.value())),
            TtlvStructure.of(
                Tag.BATCH_ITEM.code(),
                new TtlvEnumeration(Tag.OPERATION.code(), Operation.DESTROY.value())));

    assertThat(CaseRunner.onlyDestroys(destroy)).isTrue();
    assertThat(CaseRunner.onlyDestroys(revokeAndDestroy)).isFalse();
    assertThat(CaseRunner.onlyDestroys(TtlvStructure.of(Tag.REQUEST_MESSAGE.code()))).isFalse();
  }

  @Test
  void helpIsShownDespiteTheRequiredOptions() {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new ConformanceCli());
    command.setOut(new PrintWriter(out));

    assertThat(command.execute("--help")).isZero();
    assertThat(out.toString()).contains("--version=<version>", "--profile=<profile>");
  }

  @Test
  void theMessageEncodingProfilesAreSkippedWithoutAnHttpsPort() throws Exception {
    CaseResult result = runner().run(CaseFile.of(Path.of("MSGENC-JSON-M-1-21.xml")));

    assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.SKIP);
    assertThat(result.detail()).contains("JSON", "HTTPS port");
  }

  @Test
  void attributeNamesWithRunsOfSpacesAreFoldedAndNothingElseChanges() {
    TtlvStructure spaced =
        TtlvStructure.of(
            Tag.REQUEST_PAYLOAD.code(),
            new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Unique   Identifier"),
            new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), "a   b"));

    assertThat(CaseRunner.singleSpacedAttributeNames(spaced))
        .isEqualTo(
            TtlvStructure.of(
                Tag.REQUEST_PAYLOAD.code(),
                new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Unique Identifier"),
                new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), "a   b")));
  }
}
