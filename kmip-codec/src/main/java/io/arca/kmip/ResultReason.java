package io.arca.kmip;

/**
 * PROVISIONAL: the Result Reason enumeration (KMIP 2.1 §11.27), only the values the codec needs.
 * The vocabulary generator replaces this file with the complete, generated enumeration in
 * src/generated/java.
 */
public enum ResultReason implements KmipEnumeration {
  ITEM_NOT_FOUND(0x01, "ItemNotFound"),
  RESPONSE_TOO_LARGE(0x02, "ResponseTooLarge"),
  INVALID_MESSAGE(0x04, "InvalidMessage"),
  OPERATION_NOT_SUPPORTED(0x05, "OperationNotSupported"),
  MISSING_DATA(0x06, "MissingData"),
  INVALID_FIELD(0x07, "InvalidField"),
  FEATURE_NOT_SUPPORTED(0x08, "FeatureNotSupported"),
  PERMISSION_DENIED(0x0C, "PermissionDenied"),
  ENCODING_OPTION_ERROR(0x12, "EncodingOptionError"),
  GENERAL_FAILURE(0x100, "GeneralFailure");

  private final int value;
  private final String xmlName;

  ResultReason(int value, String xmlName) {
    this.value = value;
    this.xmlName = xmlName;
  }

  @Override
  public int value() {
    return value;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }
}
