package io.arca.kmip.message;

import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
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
    if (responsePayload != null && responsePayload.tag() != MessageTags.RESPONSE_PAYLOAD) {
      throw new IllegalArgumentException(
          "responsePayload tag: " + MessageTags.name(responsePayload.tag()));
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
    TtlvEnumeration operation = fields.optional(MessageTags.OPERATION, TtlvEnumeration.class);
    TtlvByteString id = fields.optional(MessageTags.UNIQUE_BATCH_ITEM_ID, TtlvByteString.class);
    TtlvEnumeration statusValue = fields.required(MessageTags.RESULT_STATUS, TtlvEnumeration.class);
    TtlvEnumeration reason = fields.optional(MessageTags.RESULT_REASON, TtlvEnumeration.class);
    TtlvTextString message = fields.optional(MessageTags.RESULT_MESSAGE, TtlvTextString.class);
    TtlvByteString correlation =
        fields.optional(MessageTags.ASYNCHRONOUS_CORRELATION_VALUE, TtlvByteString.class);
    TtlvStructure payload = fields.optional(MessageTags.RESPONSE_PAYLOAD, TtlvStructure.class);
    TtlvStructure extension = fields.optional(MessageTags.MESSAGE_EXTENSION, TtlvStructure.class);
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
      items.add(new TtlvEnumeration(MessageTags.OPERATION, operation));
    }
    Wire.addBytes(items, MessageTags.UNIQUE_BATCH_ITEM_ID, uniqueBatchItemId);
    items.add(new TtlvEnumeration(MessageTags.RESULT_STATUS, resultStatus.value()));
    if (resultReason != null) {
      items.add(new TtlvEnumeration(MessageTags.RESULT_REASON, resultReason));
    }
    Wire.addText(items, MessageTags.RESULT_MESSAGE, resultMessage);
    Wire.addBytes(items, MessageTags.ASYNCHRONOUS_CORRELATION_VALUE, asynchronousCorrelationValue);
    if (responsePayload != null) {
      items.add(responsePayload);
    }
    if (messageExtension != null) {
      items.add(messageExtension);
    }
    return new TtlvStructure(MessageTags.BATCH_ITEM, items);
  }
}
