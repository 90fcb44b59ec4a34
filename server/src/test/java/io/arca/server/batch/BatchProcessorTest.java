package io.arca.server.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The batch decodes each item's payload once, hands it typed to the handler, encodes once. */
class BatchProcessorTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private final AtomicInteger decodes = new AtomicInteger();
  private final AtomicInteger encodes = new AtomicInteger();
  private final List<String> handled = new ArrayList<>();

  /** Reads the Log Message text; refuses a payload without one, as a strict codec does. */
  private final PayloadCodec<String, String> codec =
      new PayloadCodec<>(
          (payload, version) -> {
            decodes.incrementAndGet();
            if (payload.items().isEmpty()) {
              throw new KmipException(ResultReason.INVALID_FIELD, "LogMessage: missing");
            }
            return ((TtlvTextString) payload.items().get(0)).value();
          },
          (response, version) -> {
            encodes.incrementAndGet();
            return TtlvStructure.of(
                Tag.RESPONSE_PAYLOAD.code(), new TtlvTextString(Tag.LOG_MESSAGE.code(), response));
          });

  private final OperationHandler<String, String> echo =
      new OperationHandler<>() {
        @Override
        public Operation operation() {
          return Operation.LOG;
        }

        @Override
        public String handle(String request, RequestContext context) {
          handled.add(request);
          return request.toUpperCase(java.util.Locale.ROOT);
        }
      };

  private final BatchProcessor batches =
      new BatchProcessor(OperationRegistry.builder().add(codec, echo).build(), CLOCK);

  @Test
  void eachPayloadIsDecodedOnceAndEachAnswerEncodedOnce() {
    ResponseMessage response = batches.process(message(log("a"), log("b")), "alice");

    assertThat(handled).containsExactly("a", "b");
    assertThat(decodes).hasValue(2);
    assertThat(encodes).hasValue(2);
    assertThat(response.batchItems())
        .extracting(ResponseBatchItem::responsePayload)
        .containsExactly(
            TtlvStructure.of(
                Tag.RESPONSE_PAYLOAD.code(), new TtlvTextString(Tag.LOG_MESSAGE.code(), "A")),
            TtlvStructure.of(
                Tag.RESPONSE_PAYLOAD.code(), new TtlvTextString(Tag.LOG_MESSAGE.code(), "B")));
  }

  @Test
  void aPayloadTheCodecRefusesFailsWithItsReasonAndNeverReachesTheHandler() {
    ResponseMessage response =
        batches.process(message(TtlvStructure.of(Tag.REQUEST_PAYLOAD.code())), "alice");

    ResponseBatchItem item = response.batchItems().get(0);
    assertThat(item.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(item.resultReason()).isEqualTo(ResultReason.INVALID_FIELD.value());
    assertThat(item.resultMessage()).isEqualTo("LogMessage: missing");
    assertThat(handled).isEmpty();
    assertThat(encodes).hasValue(0);
  }

  @Test
  void anOperationWithoutAHandlerIsNotSupported() {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(
                new RequestBatchItem(Operation.ENCRYPT.value(), null, null, log("x"), List.of())));

    ResponseBatchItem item = batches.process(request, "alice").batchItems().get(0);

    assertThat(item.resultReason()).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
    assertThat(decodes).hasValue(0);
  }

  private static TtlvStructure log(String text) {
    return TtlvStructure.of(
        Tag.REQUEST_PAYLOAD.code(), new TtlvTextString(Tag.LOG_MESSAGE.code(), text));
  }

  private static RequestMessage message(TtlvStructure... payloads) {
    List<RequestBatchItem> items = new ArrayList<>();
    for (TtlvStructure payload : payloads) {
      items.add(new RequestBatchItem(Operation.LOG.value(), null, null, payload, List.of()));
    }
    return new RequestMessage(RequestHeader.of(V), items);
  }
}
