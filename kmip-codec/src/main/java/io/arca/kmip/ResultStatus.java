package io.arca.kmip;

import org.jspecify.annotations.Nullable;

/**
 * PROVISIONAL: the Result Status enumeration (KMIP 2.1 §11.47), written to the vocabulary contract
 * until the generated one replaces it.
 */
public enum ResultStatus implements KmipEnumeration {
  SUCCESS(0x0, "Success"),
  OPERATION_FAILED(0x1, "OperationFailed"),
  OPERATION_PENDING(0x2, "OperationPending"),
  OPERATION_UNDONE(0x3, "OperationUndone");

  private final int value;
  private final String xmlName;

  ResultStatus(int value, String xmlName) {
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

  /** The constant with this value, or null. */
  public static @Nullable ResultStatus byValue(int value) {
    for (ResultStatus status : values()) {
      if (status.value == value) {
        return status;
      }
    }
    return null;
  }
}
