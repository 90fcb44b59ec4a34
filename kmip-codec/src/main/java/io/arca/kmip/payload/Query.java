package io.arca.kmip.payload;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** KMIP 1.4 §4.25, 2.1 §6.1.37 Query: what the server supports. */
public final class Query {
  private Query() {}

  /**
   * The Query Function values asked for (an empty list asks for nothing).
   *
   * @param functions Query Function enumeration values, in request order
   */
  public record Request(List<Integer> functions) {
    public Request {
      functions = List.copyOf(functions);
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload) {
      Payloads.onlyFields(payload, "Query", Tag.QUERY_FUNCTION);
      List<Integer> functions = new ArrayList<>();
      for (TtlvEnumeration function :
          Payloads.all(payload, Tag.QUERY_FUNCTION, TtlvEnumeration.class)) {
        functions.add(function.value());
      }
      return new Request(functions);
    }
  }

  /**
   * The answer; each part is present only when its Query Function was asked for.
   *
   * @param operations Operation values
   * @param objectTypes Object Type values
   * @param vendorIdentification the server's vendor string
   * @param serverInformation vendor-defined details (a Server Information structure)
   * @param profiles Profile Information structures
   * @param capabilities Capability Information structures
   */
  public record Response(
      List<Integer> operations,
      List<Integer> objectTypes,
      @Nullable String vendorIdentification,
      @Nullable TtlvStructure serverInformation,
      List<TtlvStructure> profiles,
      List<TtlvStructure> capabilities) {
    public Response {
      operations = List.copyOf(operations);
      objectTypes = List.copyOf(objectTypes);
      profiles = List.copyOf(profiles);
      capabilities = List.copyOf(capabilities);
    }

    /**
     * Decodes a response payload, keeping the parts this model has; other parts (application
     * namespaces, extensions, RNG parameters, ...) are skipped, since servers answer with what they
     * have.
     */
    public static Response decode(TtlvStructure payload) {
      List<Integer> operations = new ArrayList<>();
      for (TtlvEnumeration operation :
          Payloads.all(payload, Tag.OPERATION, TtlvEnumeration.class)) {
        operations.add(operation.value());
      }
      List<Integer> objectTypes = new ArrayList<>();
      for (TtlvEnumeration type : Payloads.all(payload, Tag.OBJECT_TYPE, TtlvEnumeration.class)) {
        objectTypes.add(type.value());
      }
      List<TtlvTextString> vendor =
          Payloads.all(payload, Tag.VENDOR_IDENTIFICATION, TtlvTextString.class);
      List<TtlvStructure> information =
          Payloads.all(payload, Tag.SERVER_INFORMATION, TtlvStructure.class);
      return new Response(
          operations,
          objectTypes,
          vendor.isEmpty() ? null : vendor.get(0).value(),
          information.isEmpty() ? null : information.get(0),
          Payloads.all(payload, Tag.PROFILE_INFORMATION, TtlvStructure.class),
          Payloads.all(payload, Tag.CAPABILITY_INFORMATION, TtlvStructure.class));
    }

    /** Encodes the response payload in the field order of the specification. */
    public TtlvStructure encode() {
      List<Ttlv> items = new ArrayList<>();
      for (int operation : operations) {
        items.add(new TtlvEnumeration(Tag.OPERATION.code(), operation));
      }
      for (int objectType : objectTypes) {
        items.add(new TtlvEnumeration(Tag.OBJECT_TYPE.code(), objectType));
      }
      if (vendorIdentification != null) {
        items.add(new TtlvTextString(Tag.VENDOR_IDENTIFICATION.code(), vendorIdentification));
      }
      if (serverInformation != null) {
        items.add(serverInformation);
      }
      items.addAll(profiles);
      items.addAll(capabilities);
      return new TtlvStructure(Tag.RESPONSE_PAYLOAD.code(), items);
    }
  }
}
