package io.arca.kmip.payload;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** KMIP 1.4 §4.25, 2.1 §6.1.40 Query: what the server supports. */
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

    /** Encodes the request payload. */
    public TtlvStructure encode() {
      List<Ttlv> items = new ArrayList<>();
      for (int function : functions) {
        items.add(new TtlvEnumeration(Tag.QUERY_FUNCTION.code(), function));
      }
      return new TtlvStructure(Tag.REQUEST_PAYLOAD.code(), items);
    }
  }

  /**
   * The answer, in the field order of KMIP 2.1 Table 283 (1.4 Table 223 for the fields 1.x has);
   * each part is present only when its Query Function was asked for and the server has something to
   * say.
   *
   * @param operations Operation values
   * @param objectTypes Object Type values
   * @param vendorIdentification the server's vendor string
   * @param serverInformation a Server Information structure (vendor-defined before 2.0)
   * @param applicationNamespaces the Application Namespaces the server generates data for
   * @param extensions Extension Information structures
   * @param attestationTypes Attestation Type values
   * @param rngs RNG Parameters structures
   * @param profiles Profile Information structures
   * @param validations Validation Information structures
   * @param capabilities Capability Information structures
   * @param clientRegistrationMethods Client Registration Method values
   * @param defaults a Defaults Information structure (2.0+)
   * @param protectionStorageMasks a Protection Storage Masks structure (2.0+)
   */
  public record Response(
      List<Integer> operations,
      List<Integer> objectTypes,
      @Nullable String vendorIdentification,
      @Nullable TtlvStructure serverInformation,
      List<String> applicationNamespaces,
      List<TtlvStructure> extensions,
      List<Integer> attestationTypes,
      List<TtlvStructure> rngs,
      List<TtlvStructure> profiles,
      List<TtlvStructure> validations,
      List<TtlvStructure> capabilities,
      List<Integer> clientRegistrationMethods,
      @Nullable TtlvStructure defaults,
      @Nullable TtlvStructure protectionStorageMasks) {
    public Response {
      operations = List.copyOf(operations);
      objectTypes = List.copyOf(objectTypes);
      applicationNamespaces = List.copyOf(applicationNamespaces);
      extensions = List.copyOf(extensions);
      attestationTypes = List.copyOf(attestationTypes);
      rngs = List.copyOf(rngs);
      profiles = List.copyOf(profiles);
      validations = List.copyOf(validations);
      capabilities = List.copyOf(capabilities);
      clientRegistrationMethods = List.copyOf(clientRegistrationMethods);
    }

    /** Decodes a response payload; fields this model does not know are skipped. */
    public static Response decode(TtlvStructure payload) {
      List<TtlvTextString> vendor =
          Payloads.all(payload, Tag.VENDOR_IDENTIFICATION, TtlvTextString.class);
      return new Response(
          enumerations(payload, Tag.OPERATION),
          enumerations(payload, Tag.OBJECT_TYPE),
          vendor.isEmpty() ? null : vendor.get(0).value(),
          single(payload, Tag.SERVER_INFORMATION),
          Payloads.all(payload, Tag.APPLICATION_NAMESPACE, TtlvTextString.class).stream()
              .map(TtlvTextString::value)
              .toList(),
          Payloads.all(payload, Tag.EXTENSION_INFORMATION, TtlvStructure.class),
          enumerations(payload, Tag.ATTESTATION_TYPE),
          Payloads.all(payload, Tag.RNG_PARAMETERS, TtlvStructure.class),
          Payloads.all(payload, Tag.PROFILE_INFORMATION, TtlvStructure.class),
          Payloads.all(payload, Tag.VALIDATION_INFORMATION, TtlvStructure.class),
          Payloads.all(payload, Tag.CAPABILITY_INFORMATION, TtlvStructure.class),
          enumerations(payload, Tag.CLIENT_REGISTRATION_METHOD),
          single(payload, Tag.DEFAULTS_INFORMATION),
          single(payload, Tag.PROTECTION_STORAGE_MASKS));
    }

    private static List<Integer> enumerations(TtlvStructure payload, Tag tag) {
      return Payloads.all(payload, tag, TtlvEnumeration.class).stream()
          .map(TtlvEnumeration::value)
          .toList();
    }

    private static @Nullable TtlvStructure single(TtlvStructure payload, Tag tag) {
      List<TtlvStructure> found = Payloads.all(payload, tag, TtlvStructure.class);
      return found.isEmpty() ? null : found.get(0);
    }

    /** Encodes the response payload in the field order of the specification. */
    public TtlvStructure encode() {
      List<Ttlv> items = new ArrayList<>();
      addEnumerations(items, Tag.OPERATION, operations);
      addEnumerations(items, Tag.OBJECT_TYPE, objectTypes);
      if (vendorIdentification != null) {
        items.add(new TtlvTextString(Tag.VENDOR_IDENTIFICATION.code(), vendorIdentification));
      }
      if (serverInformation != null) {
        items.add(serverInformation);
      }
      for (String namespace : applicationNamespaces) {
        items.add(new TtlvTextString(Tag.APPLICATION_NAMESPACE.code(), namespace));
      }
      items.addAll(extensions);
      addEnumerations(items, Tag.ATTESTATION_TYPE, attestationTypes);
      items.addAll(rngs);
      items.addAll(profiles);
      items.addAll(validations);
      items.addAll(capabilities);
      addEnumerations(items, Tag.CLIENT_REGISTRATION_METHOD, clientRegistrationMethods);
      if (defaults != null) {
        items.add(defaults);
      }
      if (protectionStorageMasks != null) {
        items.add(protectionStorageMasks);
      }
      return new TtlvStructure(Tag.RESPONSE_PAYLOAD.code(), items);
    }

    private static void addEnumerations(List<Ttlv> items, Tag tag, List<Integer> values) {
      for (int value : values) {
        items.add(new TtlvEnumeration(tag.code(), value));
      }
    }
  }
}
