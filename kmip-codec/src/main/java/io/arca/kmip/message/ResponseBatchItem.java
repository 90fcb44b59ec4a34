package io.arca.kmip.message;

import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Batch Item of a response (KMIP 1.4 Table 285, 2.1 §8.6). The operation is absent when the
 * request item had none to echo; the result reason keeps its raw value so extension reasons
 * survive. The constructor holds the spec's conditions: a failure has a reason, a pending result
 * has an Asynchronous Correlation Value, a success has a payload.
 */
public record ResponseBatchItem(
    @Nullable Integer operation,
    @Nullable ByteString uniqueBatchItemId,
    ResultStatus resultStatus,
    @Nullable Integer resultReason,
    @Nullable String resultMessage,
    @Nullable ByteString asynchronousCorrelationValue,
    @Nullable TtlvStructure responsePayload,
    @Nullable TtlvStructure messageExtension) {

  public ResponseBatchItem {
    String broken =
        brokenCondition(resultStatus, resultReason, asynchronousCorrelationValue, responsePayload);
    if (broken != null) {
      throw new IllegalArgumentException(broken);
    }
    if (responsePayload != null && responsePayload.tag() != Tag.RESPONSE_PAYLOAD.code()) {
      throw new IllegalArgumentException(
          "responsePayload tag: " + TagNames.of(responsePayload.tag()));
    }
  }

  /** A successful item. */
  public static ResponseBatchItem success(
      int operation, @Nullable ByteString uniqueBatchItemId, TtlvStructure responsePayload) {
    return new ResponseBatchItem(
        operation,
        uniqueBatchItemId,
        ResultStatus.SUCCESS,
        null,
        null,
        null,
        responsePayload,
        null);
  }

  /** A failed item; the message is for people and must carry no secret. */
  public static ResponseBatchItem failure(
      @Nullable Integer operation,
      @Nullable ByteString uniqueBatchItemId,
      ResultReason reason,
      @Nullable String resultMessage) {
    return new ResponseBatchItem(
        operation,
        uniqueBatchItemId,
        ResultStatus.OPERATION_FAILED,
        reason.value(),
        resultMessage,
        null,
        null,
        null);
  }

  private static @Nullable String brokenCondition(
      ResultStatus status,
      @Nullable Integer reason,
      @Nullable ByteString asynchronousCorrelationValue,
      @Nullable TtlvStructure payload) {
    if (status == ResultStatus.OPERATION_FAILED && reason == null) {
      return "ResultReason: missing (expected: present when ResultStatus is OperationFailed)";
    }
    if (status == ResultStatus.OPERATION_PENDING && asynchronousCorrelationValue == null) {
      return "AsynchronousCorrelationValue: missing"
          + " (expected: present when ResultStatus is OperationPending)";
    }
    if (status == ResultStatus.SUCCESS && payload == null) {
      return "ResponsePayload: missing (expected: present when ResultStatus is Success)";
    }
    return null;
  }

  static ResponseBatchItem decode(TtlvStructure structure, String path) {
    FieldReader fields = new FieldReader(structure, path, null);
    TtlvEnumeration operation = fields.optional(Tag.OPERATION.code(), TtlvEnumeration.class);
    TtlvByteString id = fields.optional(Tag.UNIQUE_BATCH_ITEM_ID.code(), TtlvByteString.class);
    TtlvEnumeration statusValue = fields.required(Tag.RESULT_STATUS.code(), TtlvEnumeration.class);
    TtlvEnumeration reason = fields.optional(Tag.RESULT_REASON.code(), TtlvEnumeration.class);
    TtlvTextString message = fields.optional(Tag.RESULT_MESSAGE.code(), TtlvTextString.class);
    TtlvByteString correlation =
        fields.optional(Tag.ASYNCHRONOUS_CORRELATION_VALUE.code(), TtlvByteString.class);
    TtlvStructure payload = fields.optional(Tag.RESPONSE_PAYLOAD.code(), TtlvStructure.class);
    TtlvStructure extension = fields.optional(Tag.MESSAGE_EXTENSION.code(), TtlvStructure.class);
    fields.finish(false);
    ResultStatus status = ResultStatus.byValue(statusValue.value());
    if (status == null) {
      throw fields.invalid("ResultStatus: unknown value (expected: 0 to 3)");
    }
    ByteString correlationValue = correlation == null ? null : correlation.value();
    Integer reasonValue = reason == null ? null : reason.value();
    String broken = brokenCondition(status, reasonValue, correlationValue, payload);
    if (broken != null) {
      throw fields.invalid(broken);
    }
    return new ResponseBatchItem(
        operation == null ? null : operation.value(),
        id == null ? null : id.value(),
        status,
        reasonValue,
        message == null ? null : message.value(),
        correlationValue,
        payload,
        extension);
  }

  TtlvStructure encode() {
    List<Ttlv> items = new ArrayList<>();
    if (operation != null) {
      items.add(new TtlvEnumeration(Tag.OPERATION.code(), operation));
    }
    Wire.addBytes(items, Tag.UNIQUE_BATCH_ITEM_ID.code(), uniqueBatchItemId);
    items.add(new TtlvEnumeration(Tag.RESULT_STATUS.code(), resultStatus.value()));
    if (resultReason != null) {
      items.add(new TtlvEnumeration(Tag.RESULT_REASON.code(), resultReason));
    }
    Wire.addText(items, Tag.RESULT_MESSAGE.code(), resultMessage);
    Wire.addBytes(items, Tag.ASYNCHRONOUS_CORRELATION_VALUE.code(), asynchronousCorrelationValue);
    if (responsePayload != null) {
      items.add(responsePayload);
    }
    if (messageExtension != null) {
      items.add(messageExtension);
    }
    return new TtlvStructure(Tag.BATCH_ITEM.code(), items);
  }
}
