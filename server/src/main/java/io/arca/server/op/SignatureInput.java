package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import org.jspecify.annotations.Nullable;

/** What Sign and Signature Verify work on: the Data or the Digested Data, exactly one of them. */
final class SignatureInput {
  private SignatureInput() {}

  static ByteString of(@Nullable ByteString data, @Nullable ByteString digestedData) {
    if (data != null && digestedData != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "Data and DigestedData: give one of them, not both");
    }
    if (data != null) {
      return data;
    }
    if (digestedData != null) {
      return digestedData;
    }
    throw new KmipException(
        ResultReason.INVALID_FIELD, "Data: missing (expected: the data, or DigestedData)");
  }
}
