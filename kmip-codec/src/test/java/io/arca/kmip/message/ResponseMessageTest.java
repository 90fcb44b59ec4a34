package io.arca.kmip.message;

import static io.arca.kmip.message.Trees.CREATE;
import static io.arca.kmip.message.Trees.batchCount;
import static io.arca.kmip.message.Trees.item;
import static io.arca.kmip.message.Trees.operation;
import static io.arca.kmip.message.Trees.response;
import static io.arca.kmip.message.Trees.responsePayload;
import static io.arca.kmip.message.Trees.timeStamp;
import static io.arca.kmip.message.Trees.uid;
import static io.arca.kmip.message.Trees.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseMessageTest {
  private static TtlvStructure header(Ttlv... fields) {
    return TtlvStructure.of(Tag.RESPONSE_HEADER.code(), fields);
  }

  private static TtlvEnumeration status(ResultStatus status) {
    return new TtlvEnumeration(Tag.RESULT_STATUS.code(), status.value());
  }

  private static void assertInvalid(TtlvStructure message, String... fragments) {
    assertThatThrownBy(() -> ResponseMessage.decode(message))
        .isInstanceOfSatisfying(
            TtlvException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE))
        .message()
        .contains(fragments);
  }

  @Test
  void sklcM114CreateResponseDecodesAndEncodesBack() {
    TtlvStructure payload =
        responsePayload(
            new TtlvEnumeration(Trees.OBJECT_TYPE, Trees.SYMMETRIC_KEY),
            uid("$UNIQUE_IDENTIFIER_0"));
    TtlvStructure tree =
        response(
            header(version(ProtocolVersion.V1_4), timeStamp(), batchCount(1)),
            item(operation(CREATE), status(ResultStatus.SUCCESS), payload));

    ResponseMessage message = ResponseMessage.decode(tree);

    assertThat(message.header())
        .isEqualTo(ResponseHeader.of(ProtocolVersion.V1_4, Instant.ofEpochSecond(Trees.NOW)));
    assertThat(message.batchItems())
        .containsExactly(ResponseBatchItem.success(CREATE, null, payload));
    assertThat(message.encode()).isEqualTo(tree);
  }

  @Test
  void failureWithReasonAndMessageRoundTrips() {
    TtlvStructure tree =
        response(
            header(
                version(ProtocolVersion.V2_1),
                timeStamp(),
                new TtlvTextString(Tag.SERVER_CORRELATION_VALUE.code(), "srv-1"),
                batchCount(1)),
            item(
                operation(CREATE),
                Trees.batchItemId(7),
                status(ResultStatus.OPERATION_FAILED),
                new TtlvEnumeration(Tag.RESULT_REASON.code(), ResultReason.ITEM_NOT_FOUND.value()),
                new TtlvTextString(Tag.RESULT_MESSAGE.code(), "not found")));

    ResponseMessage message = ResponseMessage.decode(tree);

    ResponseBatchItem item = message.batchItems().get(0);
    assertThat(item.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(item.resultReason()).isEqualTo(ResultReason.ITEM_NOT_FOUND.value());
    assertThat(message.header().serverCorrelationValue()).isEqualTo("srv-1");
    assertThat(message.encode()).isEqualTo(tree);
  }

  @Test
  void failureWithoutOperationIsAllowed() {
    // A request item without a usable Operation is answered without one.
    ResponseBatchItem failure =
        ResponseBatchItem.failure(null, null, ResultReason.INVALID_MESSAGE, "bad");
    ResponseMessage message =
        new ResponseMessage(
            ResponseHeader.of(ProtocolVersion.V1_0, Instant.ofEpochSecond(Trees.NOW)),
            List.of(failure));

    assertThat(ResponseMessage.decode(message.encode())).isEqualTo(message);
  }

  @Test
  void failureWithoutResultReasonIsInvalidMessage() {
    assertInvalid(
        response(
            header(version(ProtocolVersion.V1_4), timeStamp(), batchCount(1)),
            item(operation(CREATE), status(ResultStatus.OPERATION_FAILED))),
        "ResultReason: missing");
  }

  @Test
  void pendingWithoutCorrelationValueIsInvalidMessage() {
    assertInvalid(
        response(
            header(version(ProtocolVersion.V1_4), timeStamp(), batchCount(1)),
            item(operation(CREATE), status(ResultStatus.OPERATION_PENDING))),
        "AsynchronousCorrelationValue: missing");
  }

  @Test
  void pendingWithCorrelationValueDecodes() {
    TtlvStructure tree =
        response(
            header(version(ProtocolVersion.V1_4), timeStamp(), batchCount(1)),
            item(
                operation(CREATE),
                status(ResultStatus.OPERATION_PENDING),
                new TtlvByteString(
                    Tag.ASYNCHRONOUS_CORRELATION_VALUE.code(),
                    ByteString.copyOf(new byte[] {1, 2}))));

    assertThat(ResponseMessage.decode(tree).encode()).isEqualTo(tree);
  }

  @Test
  void unknownResultStatusIsInvalidMessage() {
    assertInvalid(
        response(
            header(version(ProtocolVersion.V1_4), timeStamp(), batchCount(1)),
            item(operation(CREATE), new TtlvEnumeration(Tag.RESULT_STATUS.code(), 9))),
        "ResultStatus: unknown value");
  }

  @Test
  void missingTimeStampIsInvalidMessage() {
    assertInvalid(
        response(
            header(version(ProtocolVersion.V1_4), batchCount(1)),
            item(operation(CREATE), status(ResultStatus.SUCCESS), responsePayload())),
        "TimeStamp: missing",
        "ResponseMessage/ResponseHeader");
  }

  @Test
  void batchCountMismatchIsInvalidMessage() {
    assertInvalid(
        response(
            header(version(ProtocolVersion.V1_4), timeStamp(), batchCount(3)),
            item(operation(CREATE), status(ResultStatus.SUCCESS), responsePayload())),
        "BatchCount: 3 (expected: 1");
  }

  @Test
  void serverHashedPasswordBefore20IsInvalidMessage() {
    assertInvalid(
        response(
            header(
                version(ProtocolVersion.V1_4),
                timeStamp(),
                new TtlvByteString(Tag.SERVER_HASHED_PASSWORD.code(), ByteString.empty()),
                batchCount(1)),
            item(operation(CREATE), status(ResultStatus.SUCCESS), responsePayload())),
        "ServerHashedPassword: not defined in protocol 1.4");
  }

  @Test
  void encodingLeavesOutCorrelationValuesBefore14() {
    ResponseHeader header =
        new ResponseHeader(
            ProtocolVersion.V1_2,
            Instant.ofEpochSecond(Trees.NOW),
            null,
            ByteString.copyOf(new byte[] {1}),
            List.of(),
            "client",
            "server");
    ResponseMessage message =
        new ResponseMessage(
            header, List.of(ResponseBatchItem.success(CREATE, null, responsePayload())));

    assertThat(message.encode().items().get(0))
        .isEqualTo(header(version(ProtocolVersion.V1_2), timeStamp(), batchCount(1)));
  }

  @Test
  void successWithoutPayloadCannotBeBuilt() {
    assertThatThrownBy(
            () ->
                new ResponseBatchItem(
                    CREATE, null, ResultStatus.SUCCESS, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ResponsePayload: missing");
  }
}
