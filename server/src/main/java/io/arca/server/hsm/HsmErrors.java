package io.arca.server.hsm;

import io.arca.hsm.HsmException;
import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;

/** Turns the hsm module's errors into the KMIP Result Reasons a client can act on. */
final class HsmErrors {
  private HsmErrors() {}

  static KmipException toKmip(HsmException e, ProtocolVersion version) {
    if (e.kind() == HsmException.Kind.TOKEN_UNAVAILABLE) {
      // Never Object Not Found: a token that is away says nothing about its keys.
      return new KmipException(ResultReason.GENERAL_FAILURE, String.valueOf(e.getMessage()));
    }
    boolean v2 = version.isAtLeast(ProtocolVersion.V2_0);
    ResultReason reason =
        switch (e.kind()) {
          case KEY_NOT_FOUND, NO_SUCH_SLOT ->
              v2 ? ResultReason.OBJECT_NOT_FOUND : ResultReason.ITEM_NOT_FOUND;
          case LABEL_EXISTS -> v2 ? ResultReason.OBJECT_ALREADY_EXISTS : ResultReason.INVALID_FIELD;
          case NOT_EXPORTABLE -> v2 ? ResultReason.SENSITIVE : ResultReason.PERMISSION_DENIED;
          case INVALID_KEY ->
              v2 ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK : ResultReason.INVALID_FIELD;
          case INVALID_DATA -> ResultReason.CRYPTOGRAPHIC_FAILURE;
          case INVALID_ARGUMENT -> ResultReason.INVALID_FIELD;
          case UNSUPPORTED -> ResultReason.FEATURE_NOT_SUPPORTED;
          default -> ResultReason.GENERAL_FAILURE;
        };
    return new KmipException(reason, "HSM: " + e.getMessage());
  }
}
