package io.arca.kmip.message;

import java.util.Map;

/** PROVISIONAL: the tags of the message layer (KMIP 2.1 §10.1), until the generated Tag lands. */
final class MessageTags {
  static final int ASYNCHRONOUS_CORRELATION_VALUE = 0x420006;
  static final int ASYNCHRONOUS_INDICATOR = 0x420007;
  static final int AUTHENTICATION = 0x42000C;
  static final int BATCH_COUNT = 0x42000D;
  static final int BATCH_ERROR_CONTINUATION_OPTION = 0x42000E;
  static final int BATCH_ITEM = 0x42000F;
  static final int BATCH_ORDER_OPTION = 0x420010;
  static final int CREDENTIAL = 0x420023;
  static final int CREDENTIAL_TYPE = 0x420024;
  static final int MAXIMUM_RESPONSE_SIZE = 0x420050;
  static final int MESSAGE_EXTENSION = 0x420051;
  static final int OPERATION = 0x42005C;
  static final int PROTOCOL_VERSION = 0x420069;
  static final int PROTOCOL_VERSION_MAJOR = 0x42006A;
  static final int PROTOCOL_VERSION_MINOR = 0x42006B;
  static final int REQUEST_HEADER = 0x420077;
  static final int REQUEST_MESSAGE = 0x420078;
  static final int REQUEST_PAYLOAD = 0x420079;
  static final int RESPONSE_HEADER = 0x42007A;
  static final int RESPONSE_MESSAGE = 0x42007B;
  static final int RESPONSE_PAYLOAD = 0x42007C;
  static final int RESULT_MESSAGE = 0x42007D;
  static final int RESULT_REASON = 0x42007E;
  static final int RESULT_STATUS = 0x42007F;
  static final int TIME_STAMP = 0x420092;
  static final int UNIQUE_BATCH_ITEM_ID = 0x420093;
  static final int ATTESTATION_TYPE = 0x4200C7;
  static final int NONCE = 0x4200C8;
  static final int ATTESTATION_CAPABLE_INDICATOR = 0x4200D3;
  static final int CLIENT_CORRELATION_VALUE = 0x420105;
  static final int SERVER_CORRELATION_VALUE = 0x420106;
  static final int EPHEMERAL = 0x420154;
  static final int SERVER_HASHED_PASSWORD = 0x420155;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(ASYNCHRONOUS_CORRELATION_VALUE, "AsynchronousCorrelationValue"),
          Map.entry(ASYNCHRONOUS_INDICATOR, "AsynchronousIndicator"),
          Map.entry(AUTHENTICATION, "Authentication"),
          Map.entry(BATCH_COUNT, "BatchCount"),
          Map.entry(BATCH_ERROR_CONTINUATION_OPTION, "BatchErrorContinuationOption"),
          Map.entry(BATCH_ITEM, "BatchItem"),
          Map.entry(BATCH_ORDER_OPTION, "BatchOrderOption"),
          Map.entry(CREDENTIAL, "Credential"),
          Map.entry(CREDENTIAL_TYPE, "CredentialType"),
          Map.entry(MAXIMUM_RESPONSE_SIZE, "MaximumResponseSize"),
          Map.entry(MESSAGE_EXTENSION, "MessageExtension"),
          Map.entry(OPERATION, "Operation"),
          Map.entry(PROTOCOL_VERSION, "ProtocolVersion"),
          Map.entry(PROTOCOL_VERSION_MAJOR, "ProtocolVersionMajor"),
          Map.entry(PROTOCOL_VERSION_MINOR, "ProtocolVersionMinor"),
          Map.entry(REQUEST_HEADER, "RequestHeader"),
          Map.entry(REQUEST_MESSAGE, "RequestMessage"),
          Map.entry(REQUEST_PAYLOAD, "RequestPayload"),
          Map.entry(RESPONSE_HEADER, "ResponseHeader"),
          Map.entry(RESPONSE_MESSAGE, "ResponseMessage"),
          Map.entry(RESPONSE_PAYLOAD, "ResponsePayload"),
          Map.entry(RESULT_MESSAGE, "ResultMessage"),
          Map.entry(RESULT_REASON, "ResultReason"),
          Map.entry(RESULT_STATUS, "ResultStatus"),
          Map.entry(TIME_STAMP, "TimeStamp"),
          Map.entry(UNIQUE_BATCH_ITEM_ID, "UniqueBatchItemID"),
          Map.entry(ATTESTATION_TYPE, "AttestationType"),
          Map.entry(NONCE, "Nonce"),
          Map.entry(ATTESTATION_CAPABLE_INDICATOR, "AttestationCapableIndicator"),
          Map.entry(CLIENT_CORRELATION_VALUE, "ClientCorrelationValue"),
          Map.entry(SERVER_CORRELATION_VALUE, "ServerCorrelationValue"),
          Map.entry(EPHEMERAL, "Ephemeral"),
          Map.entry(SERVER_HASHED_PASSWORD, "ServerHashedPassword"));

  private MessageTags() {}

  /** The XML name of a tag, or its hex code where this table does not know it. */
  static String name(int tag) {
    String name = NAMES.get(tag);
    return name != null ? name : String.format("0x%06X", tag);
  }
}
