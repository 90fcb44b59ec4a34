package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 2.0 §6.1.37, 2.1 §6.1.37 PKCS#11: one PKCS#11 function carried out by the server. The
 * parameters are bytes in the layout of the KMIP PKCS#11 profile; this layer does not read them.
 */
public final class Pkcs11 {
  private Pkcs11() {}

  /**
   * The function asked for: a PKCS#11 Function enumeration value, or an Integer for a vendor's own.
   *
   * @param value the CK_FUNCTION_LIST position, or the vendor's number
   * @param vendorDefined whether it came as an Integer (a vendor-defined function)
   */
  public record Function(int value, boolean vendorDefined) {
    static Function read(Fields fields) {
      Ttlv function = fields.optionalAny(Tag.PKCS_11_FUNCTION);
      if (function instanceof TtlvEnumeration standard) {
        return new Function(standard.value(), false);
      }
      if (function instanceof TtlvInteger vendor) {
        return new Function(vendor.value(), true);
      }
      throw fields.invalid(
          Tag.PKCS_11_FUNCTION.xmlName()
              + (function == null ? ": missing" : ": not an Enumeration or Integer"));
    }

    void write(StructureBuilder payload) {
      payload.add(
          vendorDefined
              ? new TtlvInteger(Tag.PKCS_11_FUNCTION.code(), value)
              : new TtlvEnumeration(Tag.PKCS_11_FUNCTION.code(), value));
    }
  }

  /**
   * One function call.
   *
   * @param interfaceName the PKCS#11 Interface, or null for the default (v3.0) interface
   * @param function the function
   * @param correlationValue the value a previous response gave, if any
   * @param inputParameters the function's input parameters, if any
   */
  public record Request(
      @Nullable String interfaceName,
      Function function,
      @Nullable ByteString correlationValue,
      @Nullable ByteString inputParameters) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "PKCS_11");
      Request request =
          new Request(
              fields.text(Tag.PKCS_11_INTERFACE),
              Function.read(fields),
              fields.bytes(Tag.CORRELATION_VALUE),
              fields.bytes(Tag.PKCS_11_INPUT_PARAMETERS));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder out = Payloads.payload(true).text(Tag.PKCS_11_INTERFACE, interfaceName);
      function.write(out);
      return out.bytes(Tag.CORRELATION_VALUE, correlationValue)
          .bytes(Tag.PKCS_11_INPUT_PARAMETERS, inputParameters)
          .build();
    }
  }

  /**
   * What the function returned.
   *
   * @param interfaceName the PKCS#11 Interface, or null for the default
   * @param function the function carried out
   * @param correlationValue a value for the client's next request, if any
   * @param outputParameters the function's output parameters, if any
   * @param returnCode the CK_RV, as a PKCS#11 Return Code enumeration value
   */
  public record Response(
      @Nullable String interfaceName,
      Function function,
      @Nullable ByteString correlationValue,
      @Nullable ByteString outputParameters,
      int returnCode) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "PKCS_11");
      Response response =
          new Response(
              fields.text(Tag.PKCS_11_INTERFACE),
              Function.read(fields),
              fields.bytes(Tag.CORRELATION_VALUE),
              fields.bytes(Tag.PKCS_11_OUTPUT_PARAMETERS),
              fields.requiredEnumeration(Tag.PKCS_11_RETURN_CODE));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder out = Payloads.payload(false).text(Tag.PKCS_11_INTERFACE, interfaceName);
      function.write(out);
      return out.bytes(Tag.CORRELATION_VALUE, correlationValue)
          .bytes(Tag.PKCS_11_OUTPUT_PARAMETERS, outputParameters)
          .enumeration(Tag.PKCS_11_RETURN_CODE, returnCode)
          .build();
    }
  }
}
