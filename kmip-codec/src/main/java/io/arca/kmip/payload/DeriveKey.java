package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.6, 2.1 §6.1.12 Derive Key: a new key or secret derived from one or more managed
 * objects by a Derivation Method, described by Derivation Parameters and the new object's
 * attributes.
 */
public final class DeriveKey {
  private DeriveKey() {}

  /**
   * KMIP 2.1 §2.1.12 Derivation Parameters; every field is optional, which ones a method needs is
   * the method's business.
   *
   * @param parameters Cryptographic Parameters (the hash or cipher of the method)
   * @param initializationVector the IV of the ENCRYPT method
   * @param derivationData the data to derive from: one item, or several for a method that takes its
   *     data in parts (2.x: AWS Signature Version 4's Date, Region and Service)
   * @param salt the PBKDF2 salt
   * @param iterationCount the PBKDF2 iteration count
   */
  public record Parameters(
      @Nullable CryptographicParameters parameters,
      @Nullable ByteString initializationVector,
      List<ByteString> derivationData,
      @Nullable ByteString salt,
      @Nullable Integer iterationCount) {
    /** Copies the list. */
    public Parameters {
      derivationData = List.copyOf(derivationData);
    }

    static Parameters decode(TtlvStructure structure) {
      Fields fields = Fields.of(structure, "DerivationParameters");
      TtlvStructure parameters = fields.structure(Tag.CRYPTOGRAPHIC_PARAMETERS);
      Parameters decoded =
          new Parameters(
              parameters == null ? null : CryptographicParameters.decode(parameters),
              fields.bytes(Tag.INITIALIZATION_VECTOR),
              derivationData(fields),
              fields.bytes(Tag.SALT),
              fields.integer(Tag.ITERATION_COUNT));
      fields.finish();
      return decoded;
    }

    private static List<ByteString> derivationData(Fields fields) {
      List<ByteString> data = new ArrayList<>();
      for (TtlvByteString item : fields.repeated(Tag.DERIVATION_DATA, TtlvByteString.class)) {
        data.add(item.value());
      }
      return data;
    }

    TtlvStructure encode() {
      StructureBuilder builder =
          StructureBuilder.of(Tag.DERIVATION_PARAMETERS)
              .add(parameters == null ? null : parameters.encode())
              .bytes(Tag.INITIALIZATION_VECTOR, initializationVector);
      for (ByteString data : derivationData) {
        builder.bytes(Tag.DERIVATION_DATA, data);
      }
      return builder.bytes(Tag.SALT, salt).integer(Tag.ITERATION_COUNT, iterationCount).build();
    }
  }

  /**
   * What to derive.
   *
   * @param objectType the type of the new object
   * @param uniqueIdentifiers the objects to derive from (none: the ID Placeholder)
   * @param derivationMethod the Derivation Method
   * @param derivationParameters its parameters
   * @param attributes the new object's attributes
   */
  public record Request(
      int objectType,
      List<String> uniqueIdentifiers,
      int derivationMethod,
      Parameters derivationParameters,
      Attributes attributes) {
    /** Copies the list. */
    public Request {
      uniqueIdentifiers = List.copyOf(uniqueIdentifiers);
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "DeriveKey");
      int objectType = fields.requiredEnumeration(Tag.OBJECT_TYPE);
      List<String> uids = new ArrayList<>();
      for (TtlvTextString uid : fields.repeated(Tag.UNIQUE_IDENTIFIER, TtlvTextString.class)) {
        uids.add(uid.value());
      }
      Request request =
          new Request(
              objectType,
              uids,
              fields.requiredEnumeration(Tag.DERIVATION_METHOD),
              Parameters.decode(fields.required(Tag.DERIVATION_PARAMETERS, TtlvStructure.class)),
              Payloads.requiredAttributes(fields, AttributeGroup.ATTRIBUTES, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(true).enumeration(Tag.OBJECT_TYPE, objectType);
      for (String uid : uniqueIdentifiers) {
        builder.text(Tag.UNIQUE_IDENTIFIER, uid);
      }
      builder
          .enumeration(Tag.DERIVATION_METHOD, derivationMethod)
          .add(derivationParameters.encode());
      Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      return builder.build();
    }
  }

  /**
   * The new object.
   *
   * @param uniqueIdentifier its identifier
   * @param attributes (1.x only) attributes the server set that the client did not ask for
   */
  public record Response(String uniqueIdentifier, @Nullable Attributes attributes) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "DeriveKey");
      Response response =
          new Response(
              fields.requiredText(Tag.UNIQUE_IDENTIFIER),
              Payloads.isV2(version)
                  ? null
                  : Payloads.attributes(fields, AttributeGroup.ATTRIBUTES, version));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(false).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      if (!Payloads.isV2(version)) {
        Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      }
      return builder.build();
    }
  }
}
