package io.arca.kmip.payload;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.List;

/**
 * KMIP 2.0 §6.1.26 Interop: the OASIS test cases announce the start and end of each case with it.
 */
public final class Interop {
  private Interop() {}

  /**
   * One Interop call.
   *
   * @param function Begin, End or Reset (Interop Function values)
   * @param identifier the test case, e.g. {@code BL-M-1-21}
   */
  public record Request(int function, String identifier) {
    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload) {
      Payloads.onlyFields(payload, "Interop", Tag.INTEROP_FUNCTION, Tag.INTEROP_IDENTIFIER);
      return new Request(
          Payloads.required(payload, Tag.INTEROP_FUNCTION, TtlvEnumeration.class).value(),
          Payloads.required(payload, Tag.INTEROP_IDENTIFIER, TtlvTextString.class).value());
    }
  }

  /** The (empty) response payload. */
  public static TtlvStructure emptyResponse() {
    return new TtlvStructure(Tag.RESPONSE_PAYLOAD.code(), List.of());
  }
}
