package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.text.KmipXml;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The comparison is exact except for the documented relaxations. */
class ResponseMatcherTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final Bindings bindings = new Bindings();

  private static String response(String header, String payload) {
    return "<ResponseMessage><ResponseHeader><ProtocolVersion>"
        + "<ProtocolVersionMajor type=\"Integer\" value=\"2\"/>"
        + "<ProtocolVersionMinor type=\"Integer\" value=\"1\"/></ProtocolVersion>"
        + header
        + "<BatchCount type=\"Integer\" value=\"1\"/></ResponseHeader>"
        + "<BatchItem><Operation type=\"Enumeration\" value=\"Get\"/>"
        + "<ResultStatus type=\"Enumeration\" value=\"Success\"/>"
        + "<ResponsePayload>"
        + payload
        + "</ResponsePayload></BatchItem></ResponseMessage>";
  }

  private static Ttlv expected(String xml) {
    return KmipXml.readMessages("<KMIP>" + xml + "</KMIP>", Bindings.readOptions()).get(0);
  }

  private static Ttlv actual(String xml) {
    return KmipXml.read(xml);
  }

  private @Nullable Difference compare(Ttlv expected, Ttlv actual) {
    return new ResponseMatcher(bindings, new HashSet<>(), NOW, null).compare(expected, actual);
  }

  private static String uid(String value) {
    return "<UniqueIdentifier type=\"TextString\" value=\"" + value + "\"/>";
  }

  @Test
  void identicalResponsesMatch() {
    String xml = response("", uid("abc"));
    assertThat(compare(expected(xml), actual(xml))).isNull();
  }

  @Test
  void aDifferentLiteralValueIsReportedWithItsPath() {
    Difference difference =
        Objects.requireNonNull(
            compare(expected(response("", uid("abc"))), actual(response("", uid("abd")))));

    assertThat(difference.path())
        .isEqualTo("ResponseMessage/BatchItem[0]/ResponsePayload/UniqueIdentifier");
    assertThat(difference.expected()).contains("\"abc\"");
    assertThat(difference.actual()).contains("\"abd\"");
  }

  @Test
  void anAttributeIndexOfZeroMatchesAnAbsentOneButNoOtherIndexDoes() {
    String state = "<AttributeName type=\"TextString\" value=\"State\"/>";
    String value = "<AttributeValue type=\"Enumeration\" value=\"PreActive\"/>";
    String bare = response("", uid("k") + "<Attribute>" + state + value + "</Attribute>");
    String zero =
        response(
            "",
            uid("k")
                + "<Attribute>"
                + state
                + "<AttributeIndex type=\"Integer\" value=\"0\"/>"
                + value
                + "</Attribute>");
    String one = zero.replace("value=\"0\"", "value=\"1\"");

    assertThat(compare(expected(bare), actual(zero))).isNull();
    assertThat(compare(expected(zero), actual(bare))).isNull();
    assertThat(compare(expected(bare), actual(one))).isNotNull();
  }

  @Test
  void aPlaceholderBindsOnceAndMustThenMatch() {
    Ttlv expected = expected(response("", uid("$UNIQUE_IDENTIFIER_0")));

    assertThat(compare(expected, actual(response("", uid("server-1"))))).isNull();
    assertThat(bindings.get("UNIQUE_IDENTIFIER_0"))
        .isEqualTo(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), "server-1"));
    assertThat(compare(expected, actual(response("", uid("server-2"))))).isNotNull();
  }

  @Test
  void boundPlaceholdersAndNowAreSubstitutedIntoRequests() {
    bindings.bind("UNIQUE_IDENTIFIER_0", new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), "id-7"));
    Ttlv request =
        expected(
            "<RequestPayload>"
                + uid("$UNIQUE_IDENTIFIER_0")
                + "<ActivationDate type=\"DateTime\" value=\"$NOW-3600\"/></RequestPayload>");

    TtlvStructure resolved = (TtlvStructure) bindings.resolve(request, NOW);

    assertThat(resolved.first(Tag.UNIQUE_IDENTIFIER.code()))
        .isEqualTo(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), "id-7"));
    assertThat(KmipXml.write(resolved)).contains("2025-12-31T23:00:00");
  }

  @Test
  void anOutputOfServerChoiceFedBackAsALiteralIsReplacedByTheServersOwn() {
    String expectedEncrypt =
        response(
                "",
                uid("k")
                    + "<Data type=\"ByteString\" value=\"fd912d10\"/>"
                    + "<IVCounterNonce type=\"ByteString\" value=\"99999999\"/>")
            .replace("value=\"Get\"", "value=\"Encrypt\"");
    String actualEncrypt =
        response(
                "",
                uid("k")
                    + "<Data type=\"ByteString\" value=\"a1b2c3d4\"/>"
                    + "<IVCounterNonce type=\"ByteString\" value=\"00112233\"/>")
            .replace("value=\"Get\"", "value=\"Encrypt\"");
    // No request, and an IV in the response: the server chose the IV, so the ciphertext is the
    // server's to choose.
    assertThat(compare(expected(expectedEncrypt), actual(actualEncrypt))).isNull();
    Ttlv decrypt =
        expected(
            "<RequestPayload>"
                + uid("k")
                + "<Data type=\"ByteString\" value=\"fd912d10\"/>"
                + "<IVCounterNonce type=\"ByteString\" value=\"fd912d11\"/></RequestPayload>");

    String sent = KmipXml.write(bindings.resolve(decrypt, NOW));

    assertThat(sent).contains("a1b2c3d4").contains("fd912d11").doesNotContain("fd912d10");
  }

  @Test
  void anUnboundByteStringNameTakesTheLatestValueOfItsTag() {
    bindings.remember(actual(response("", "<MACData type=\"ByteString\" value=\"c911e781\"/>")));
    Ttlv request =
        expected(
            "<RequestPayload><MACData type=\"ByteString\" value=\"$MAC_DATA\"/></RequestPayload>");

    assertThat(KmipXml.write(bindings.resolve(request, NOW))).contains("c911e781");
  }

  @Test
  void timeStampMustBeNearTheRunnersClock() {
    Ttlv expected =
        expected(
            response("<TimeStamp type=\"DateTime\" value=\"2012-04-27T08:12:21+00:00\"/>", ""));
    String near = "<TimeStamp type=\"DateTime\" value=\"2026-01-01T00:01:00+00:00\"/>";
    String far = "<TimeStamp type=\"DateTime\" value=\"2026-01-01T01:00:00+00:00\"/>";

    assertThat(compare(expected, actual(response(near, "")))).isNull();
    assertThat(compare(expected, actual(response(far, "")))).isNotNull();
  }

  @Test
  void serverCorrelationValueMayDifferOrBeMissing() {
    Ttlv expected =
        expected(response("<ServerCorrelationValue type=\"TextString\" value=\"X-1\"/>", ""));
    String other = "<ServerCorrelationValue type=\"TextString\" value=\"other\"/>";

    assertThat(compare(expected, actual(response(other, "")))).isNull();
    assertThat(compare(expected, actual(response("", "")))).isNull();
  }

  @Test
  void resultMessageIsFreeTextButResultReasonIsExact() {
    String failed =
        "<ResultStatus type=\"Enumeration\" value=\"OperationFailed\"/>"
            + "<ResultReason type=\"Enumeration\" value=\"%s\"/>%s";
    String message = "<ResultMessage type=\"TextString\" value=\"%s\"/>";
    Ttlv expected =
        expected(
            response("", "")
                .replace("<ResultStatus type=\"Enumeration\" value=\"Success\"/>", "")
                .replace(
                    "<ResponsePayload></ResponsePayload>",
                    failed.formatted("ItemNotFound", message.formatted("DENIED"))));
    String theirs =
        response("", "")
            .replace("<ResultStatus type=\"Enumeration\" value=\"Success\"/>", "")
            .replace("<ResponsePayload></ResponsePayload>", "%s");

    assertThat(compare(expected, actual(theirs.formatted(failed.formatted("ItemNotFound", "")))))
        .isNull();
    assertThat(
            compare(
                expected,
                actual(
                    theirs.formatted(
                        failed.formatted("ItemNotFound", message.formatted("no such key"))))))
        .isNull();
    assertThat(
            compare(expected, actual(theirs.formatted(failed.formatted("PermissionDenied", "")))))
        .isNotNull();
  }

  @Test
  void aMissingOrExtraItemIsADifference() {
    assertThat(compare(expected(response("", uid("a"))), actual(response("", "")))).isNotNull();
    assertThat(compare(expected(response("", "")), actual(response("", uid("a"))))).isNotNull();
  }

  @Test
  void byteStringsAreDescribedBySizeOnly() {
    String secret = "<KeyMaterial type=\"ByteString\" value=\"0123456789abcdef\"/>";
    String other = "<KeyMaterial type=\"ByteString\" value=\"fedcba9876543210\"/>";

    Difference difference =
        Objects.requireNonNull(
            compare(expected(response("", secret)), actual(response("", other))));

    assertThat(List.of(difference.expected(), difference.actual()))
        .allSatisfy(text -> assertThat(text).contains("8 bytes").doesNotContain("0123", "fedc"));
  }
}
