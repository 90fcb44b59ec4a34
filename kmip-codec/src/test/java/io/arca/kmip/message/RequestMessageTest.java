package io.arca.kmip.message;

import static io.arca.kmip.message.Trees.CREATE;
import static io.arca.kmip.message.Trees.GET;
import static io.arca.kmip.message.Trees.batchCount;
import static io.arca.kmip.message.Trees.batchItemId;
import static io.arca.kmip.message.Trees.header;
import static io.arca.kmip.message.Trees.item;
import static io.arca.kmip.message.Trees.operation;
import static io.arca.kmip.message.Trees.request;
import static io.arca.kmip.message.Trees.requestPayload;
import static io.arca.kmip.message.Trees.uid;
import static io.arca.kmip.message.Trees.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestMessageTest {
  // Another vendor's tag: Arca's own (0x540001...) have names.
  private static final int VENDOR_TAG = 0x54F001;

  private static void assertInvalid(TtlvStructure message, String... fragments) {
    assertThatThrownBy(() -> RequestMessage.decode(message))
        .isInstanceOfSatisfying(
            TtlvException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE))
        .message()
        .contains(fragments);
  }

  @Test
  void sklcM114CreateRequestDecodesAndEncodesBack() {
    // SKLC-M-1-14: a 1.4 header with only the version and count; the payload is kept as is.
    TtlvStructure payload =
        requestPayload(
            new TtlvEnumeration(Trees.OBJECT_TYPE, Trees.SYMMETRIC_KEY),
            TtlvStructure.of(0x420091, TtlvStructure.of(0x420008)));
    TtlvStructure tree =
        request(
            header(version(ProtocolVersion.V1_4), batchCount(1)), item(operation(CREATE), payload));

    RequestMessage message = RequestMessage.decode(tree);

    assertThat(message.protocolVersion()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(message.header()).isEqualTo(RequestHeader.of(ProtocolVersion.V1_4));
    assertThat(message.batchItems()).containsExactly(RequestBatchItem.of(CREATE, payload));
    assertThat(message.encode()).isEqualTo(tree);
  }

  @Test
  void sklcM121ClientCorrelationValueIsKept() {
    TtlvStructure tree =
        request(
            header(
                version(ProtocolVersion.V2_1),
                new TtlvTextString(Tag.CLIENT_CORRELATION_VALUE.code(), "SKLC-M-1-21 step=0"),
                batchCount(1)),
            item(operation(CREATE), requestPayload()));

    RequestMessage message = RequestMessage.decode(tree);

    assertThat(message.header().clientCorrelationValue()).isEqualTo("SKLC-M-1-21 step=0");
    assertThat(message.encode()).isEqualTo(tree);
  }

  @Test
  void everyHeaderFieldRoundTripsInSpecOrderIn21() {
    TtlvStructure credential =
        TtlvStructure.of(Tag.CREDENTIAL.code(), new TtlvEnumeration(Tag.CREDENTIAL_TYPE.code(), 1));
    TtlvStructure tree =
        request(
            header(
                version(ProtocolVersion.V2_1),
                new TtlvInteger(Tag.MAXIMUM_RESPONSE_SIZE.code(), 256),
                new TtlvTextString(Tag.CLIENT_CORRELATION_VALUE.code(), "client"),
                new TtlvTextString(Tag.SERVER_CORRELATION_VALUE.code(), "server"),
                new TtlvEnumeration(Tag.ASYNCHRONOUS_INDICATOR.code(), 1),
                new TtlvBoolean(Tag.ATTESTATION_CAPABLE_INDICATOR.code(), true),
                new TtlvEnumeration(Tag.ATTESTATION_TYPE.code(), 1),
                new TtlvEnumeration(Tag.ATTESTATION_TYPE.code(), 2),
                TtlvStructure.of(Tag.AUTHENTICATION.code(), credential),
                new TtlvEnumeration(Tag.BATCH_ERROR_CONTINUATION_OPTION.code(), 2),
                new TtlvBoolean(Tag.BATCH_ORDER_OPTION.code(), true),
                Trees.timeStamp(),
                batchCount(2)),
            item(operation(GET), batchItemId(1), requestPayload(uid("a"))),
            item(
                operation(GET),
                new TtlvBoolean(Tag.EPHEMERAL.code(), true),
                batchItemId(2),
                requestPayload(uid("b"))));

    RequestMessage message = RequestMessage.decode(tree);

    RequestHeader header = message.header();
    assertThat(header.maximumResponseSize()).isEqualTo(256);
    assertThat(header.asynchronousIndicator()).isEqualTo(1);
    assertThat(header.attestationTypes()).containsExactly(1, 2);
    assertThat(header.authentication()).isEqualTo(Authentication.of(credential));
    assertThat(header.batchErrorContinuationOption()).isEqualTo(2);
    assertThat(header.timeStamp()).hasToString("2023-11-14T22:13:20Z");
    assertThat(message.batchItems().get(1).ephemeral()).isTrue();
    assertThat(message.batchItems().get(1).uniqueBatchItemId())
        .isEqualTo(ByteString.copyOf(new byte[] {2}));
    assertThat(message.encode()).isEqualTo(tree);
  }

  @Test
  void asynchronousIndicatorIsBooleanIn1xAndMapsToTheEnumeration() {
    TtlvStructure tree =
        request(
            header(
                version(ProtocolVersion.V1_4),
                new TtlvBoolean(Tag.ASYNCHRONOUS_INDICATOR.code(), true),
                batchCount(1)),
            item(operation(GET), requestPayload()));

    RequestMessage message = RequestMessage.decode(tree);

    assertThat(message.header().asynchronousIndicator())
        .isEqualTo(RequestHeader.ASYNCHRONOUS_OPTIONAL);
    assertThat(message.encode()).isEqualTo(tree);
  }

  @Test
  void enumerationAsynchronousIndicatorIn14IsInvalidMessage() {
    assertInvalid(
        request(
            header(
                version(ProtocolVersion.V1_4),
                new TtlvEnumeration(Tag.ASYNCHRONOUS_INDICATOR.code(), 2),
                batchCount(1)),
            item(operation(GET), requestPayload())),
        "AsynchronousIndicator type: Enumeration (expected: Boolean)");
  }

  @Test
  void vendorTagsInsideThePayloadAreUntouched() {
    TtlvStructure payload =
        requestPayload(
            uid("x"),
            new TtlvTextString(VENDOR_TAG, "vendor"),
            TtlvStructure.of(0x540002, new TtlvInteger(0x540003, 7)));
    TtlvStructure tree =
        request(
            header(version(ProtocolVersion.V1_2), batchCount(1)), item(operation(GET), payload));

    RequestMessage message = RequestMessage.decode(tree);

    assertThat(message.batchItems().get(0).requestPayload()).isEqualTo(payload);
    assertThat(message.encode()).isEqualTo(tree);
  }

  @Test
  void missingProtocolVersionIsInvalidMessage() {
    assertInvalid(
        request(header(batchCount(1)), item(operation(GET), requestPayload())),
        "ProtocolVersion: missing",
        "RequestMessage/RequestHeader");
  }

  @Test
  void protocolVersionWithoutMinorIsInvalidMessage() {
    TtlvStructure version =
        TtlvStructure.of(
            Tag.PROTOCOL_VERSION.code(), new TtlvInteger(Tag.PROTOCOL_VERSION_MAJOR.code(), 1));
    assertInvalid(
        request(header(version, batchCount(1)), item(operation(GET), requestPayload())),
        "ProtocolVersionMinor: missing",
        "RequestHeader/ProtocolVersion");
  }

  @Test
  void batchCountMismatchIsInvalidMessage() {
    assertInvalid(
        request(
            header(version(ProtocolVersion.V1_4), batchCount(2)),
            item(operation(GET), requestPayload())),
        "BatchCount: 2 (expected: 1");
  }

  @Test
  void missingBatchCountIsInvalidMessage() {
    assertInvalid(
        request(header(version(ProtocolVersion.V1_4)), item(operation(GET), requestPayload())),
        "BatchCount: missing");
  }

  @Test
  void textBatchCountIsInvalidMessage() {
    assertInvalid(
        request(
            header(version(ProtocolVersion.V1_4), new TtlvTextString(Tag.BATCH_COUNT.code(), "1")),
            item(operation(GET), requestPayload())),
        "BatchCount type: TextString (expected: Integer)");
  }

  @Test
  void batchItemWithoutOperationIsInvalidMessage() {
    assertInvalid(
        request(header(version(ProtocolVersion.V1_4), batchCount(1)), item(requestPayload())),
        "Operation: missing",
        "RequestMessage/BatchItem[0]");
  }

  @Test
  void batchItemWithoutPayloadIsInvalidMessage() {
    assertInvalid(
        request(header(version(ProtocolVersion.V1_4), batchCount(1)), item(operation(GET))),
        "RequestPayload: missing");
  }

  @Test
  void messageWithoutBatchItemsIsInvalidMessage() {
    assertInvalid(
        request(header(version(ProtocolVersion.V1_4), batchCount(0))), "BatchItem: missing");
  }

  @Test
  void twoItemsWithoutUniqueBatchItemIdsAreInvalidMessage() {
    assertInvalid(
        request(
            header(version(ProtocolVersion.V1_4), batchCount(2)),
            item(operation(GET), requestPayload()),
            item(operation(GET), requestPayload())),
        "UniqueBatchItemID: missing");
  }

  @Test
  void headerAfterTheItemsIsInvalidMessage() {
    TtlvStructure tree =
        new TtlvStructure(
            Tag.REQUEST_MESSAGE.code(),
            List.of(
                item(operation(GET), requestPayload()),
                header(version(ProtocolVersion.V1_4), batchCount(1))));
    assertInvalid(tree, "RequestHeader: not first");
  }

  @Test
  void repeatedHeaderIsInvalidMessage() {
    TtlvStructure header = header(version(ProtocolVersion.V1_4), batchCount(1));
    TtlvStructure tree =
        new TtlvStructure(
            Tag.REQUEST_MESSAGE.code(),
            List.of(header, header, item(operation(GET), requestPayload())));
    assertInvalid(tree, "RequestHeader: repeated");
  }

  @Test
  void responseTagIsNotARequest() {
    assertInvalid(
        new TtlvStructure(Tag.RESPONSE_MESSAGE.code(), List.of()),
        "ResponseMessage: unexpected (expected: RequestMessage)");
  }

  @Test
  void clientCorrelationValueBefore14IsInvalidMessage() {
    assertInvalid(
        request(
            header(
                version(ProtocolVersion.V1_2),
                new TtlvTextString(Tag.CLIENT_CORRELATION_VALUE.code(), "c"),
                batchCount(1)),
            item(operation(GET), requestPayload())),
        "ClientCorrelationValue: not defined in protocol 1.2 (expected: 1.4 or later)");
  }

  @Test
  void attestationBefore12IsInvalidMessage() {
    assertInvalid(
        request(
            header(
                version(ProtocolVersion.V1_1),
                new TtlvEnumeration(Tag.ATTESTATION_TYPE.code(), 1),
                batchCount(1)),
            item(operation(GET), requestPayload())),
        "AttestationType: not defined in protocol 1.1");
  }

  @Test
  void ephemeralBefore20IsInvalidMessage() {
    assertInvalid(
        request(
            header(version(ProtocolVersion.V1_4), batchCount(1)),
            item(operation(GET), new TtlvBoolean(Tag.EPHEMERAL.code(), true), requestPayload())),
        "Ephemeral: not defined in protocol 1.4");
  }

  @Test
  void unknownHeaderFieldInAKnownVersionIsInvalidMessage() {
    assertInvalid(
        request(
            header(version(ProtocolVersion.V2_1), new TtlvInteger(VENDOR_TAG, 1), batchCount(1)),
            item(operation(GET), requestPayload())),
        "0x54F001: unexpected field");
  }

  @Test
  void unknownHeaderFieldInANewerVersionIsTolerated() {
    // A 3.0 client may send header fields this codec cannot know; the server must still read
    // the header to answer in a version both speak.
    ProtocolVersion v30 = new ProtocolVersion(3, 0);
    RequestMessage message =
        RequestMessage.decode(
            request(
                header(version(v30), new TtlvInteger(0x420200, 1), batchCount(1)),
                item(operation(GET), requestPayload())));

    assertThat(message.protocolVersion()).isEqualTo(v30);
  }

  @Test
  void unknownBatchItemFieldIsInvalidMessage() {
    assertInvalid(
        request(
            header(version(ProtocolVersion.V2_1), batchCount(1)),
            item(operation(GET), requestPayload(), new TtlvInteger(VENDOR_TAG, 1))),
        "0x54F001: unexpected field");
  }

  @Test
  void twoCredentialsIn14AreInvalidMessage() {
    TtlvStructure credential =
        TtlvStructure.of(Tag.CREDENTIAL.code(), new TtlvEnumeration(Tag.CREDENTIAL_TYPE.code(), 1));
    assertInvalid(
        request(
            header(
                version(ProtocolVersion.V1_4),
                TtlvStructure.of(Tag.AUTHENTICATION.code(), credential, credential),
                batchCount(1)),
            item(operation(GET), requestPayload())),
        "Credential: repeated");
  }

  @Test
  void encodingLeavesOutFieldsTheVersionLacks() {
    RequestHeader header =
        new RequestHeader(
            ProtocolVersion.V1_3,
            null,
            "client",
            "server",
            null,
            true,
            List.of(1),
            null,
            null,
            null,
            null);
    RequestBatchItem item = new RequestBatchItem(GET, true, null, requestPayload(), List.of());

    TtlvStructure encoded = new RequestMessage(header, List.of(item)).encode();

    assertThat(encoded)
        .isEqualTo(
            request(
                header(
                    version(ProtocolVersion.V1_3),
                    new TtlvBoolean(Tag.ATTESTATION_CAPABLE_INDICATOR.code(), true),
                    new TtlvEnumeration(Tag.ATTESTATION_TYPE.code(), 1),
                    batchCount(1)),
                item(operation(GET), requestPayload())));
    assertThat(
            new RequestMessage(
                    new RequestHeader(
                        ProtocolVersion.V1_1,
                        null,
                        "client",
                        null,
                        null,
                        true,
                        List.of(1),
                        null,
                        null,
                        null,
                        null),
                    List.of(item))
                .encode()
                .items()
                .get(0))
        .isEqualTo(header(version(ProtocolVersion.V1_1), batchCount(1)));
  }

  @Test
  void headerToStringDoesNotShowThePassword() {
    TtlvStructure credential =
        TtlvStructure.of(
            Tag.CREDENTIAL.code(),
            new TtlvEnumeration(Tag.CREDENTIAL_TYPE.code(), 1),
            TtlvStructure.of(
                0x420025,
                new TtlvTextString(0x420099, "alice"),
                new TtlvTextString(0x4200A1, "s3cret-Passw0rd")));
    RequestMessage message =
        RequestMessage.decode(
            request(
                header(
                    version(ProtocolVersion.V1_4),
                    TtlvStructure.of(Tag.AUTHENTICATION.code(), credential),
                    batchCount(1)),
                item(operation(GET), requestPayload())));

    assertThat(message.header().toString())
        .doesNotContain("s3cret-Passw0rd")
        .contains("credentialTypes=[1]");
    assertThat(message.toString()).doesNotContain("s3cret-Passw0rd");
  }

  @Test
  void protocolVersionIsPeekedFromAnOtherwiseBrokenRequest() {
    TtlvStructure broken =
        request(
            header(version(ProtocolVersion.V1_3), new TtlvTextString(Tag.BATCH_COUNT.code(), "x")),
            item());

    assertThatThrownBy(() -> RequestMessage.decode(broken)).isInstanceOf(TtlvException.class);
    assertThat(RequestMessage.peekProtocolVersion(broken)).contains(ProtocolVersion.V1_3);
    assertThat(RequestMessage.peekProtocolVersion(request(header(batchCount(1))))).isEmpty();
  }

  @Test
  void protocolVersionIsPeekedFromTheFirstBytes() {
    // The start of KMIP 1.4 §9.1.2-style encoding of a 1.4 request; the rest is cut off.
    byte[] start = {
      0x42, 0x00, 0x78, 0x01, 0x00, 0x00, 0x01, 0x20, 0x42, 0x00, 0x77, 0x01, 0x00, 0x00, 0x00,
      0x38, 0x42, 0x00, 0x69, 0x01, 0x00, 0x00, 0x00, 0x20, 0x42, 0x00, 0x6A, 0x02, 0x00, 0x00,
      0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0x42, 0x00, 0x6B, 0x02, 0x00, 0x00, 0x00,
      0x04, 0x00, 0x00, 0x00, 0x04, 0, 0, 0, 0, 0x42, 0x00
    };

    assertThat(RequestMessage.peekProtocolVersion(Unpooled.wrappedBuffer(start)))
        .contains(ProtocolVersion.V1_4);
    start[2] = 0x7B;
    assertThat(RequestMessage.peekProtocolVersion(Unpooled.wrappedBuffer(start))).isEmpty();
    assertThat(RequestMessage.peekProtocolVersion(Unpooled.wrappedBuffer(start, 0, 40))).isEmpty();
  }
}
