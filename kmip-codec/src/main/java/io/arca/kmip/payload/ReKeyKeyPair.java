package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.CreateKeyPair.KeyPairMasks;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.5, 2.1 §6.1.47 Re-key Key Pair: a new key pair replaces an existing one, optionally
 * with its dates moved by an offset and with changed attributes.
 */
public final class ReKeyKeyPair {
  private ReKeyKeyPair() {}

  /**
   * The key pair to replace and how.
   *
   * @param privateKeyUniqueIdentifier the existing private key, or null for the ID Placeholder
   * @param offset seconds between the old key's Initialization Date and the new key's Activation
   *     Date (an Interval), or null
   * @param commonAttributes common attributes to set, or null
   * @param privateKeyAttributes private key attributes to set, or null
   * @param publicKeyAttributes public key attributes to set, or null
   * @param masks the 2.x Protection Storage Masks
   */
  public record Request(
      @Nullable String privateKeyUniqueIdentifier,
      @Nullable Long offset,
      @Nullable Attributes commonAttributes,
      @Nullable Attributes privateKeyAttributes,
      @Nullable Attributes publicKeyAttributes,
      KeyPairMasks masks) {

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "ReKeyKeyPair");
      Request request =
          new Request(
              fields.text(Tag.PRIVATE_KEY_UNIQUE_IDENTIFIER),
              fields.interval(Tag.OFFSET),
              Payloads.attributes(fields, AttributeGroup.COMMON, version),
              Payloads.attributes(fields, AttributeGroup.PRIVATE_KEY, version),
              Payloads.attributes(fields, AttributeGroup.PUBLIC_KEY, version),
              KeyPairMasks.decode(fields, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true)
              .text(Tag.PRIVATE_KEY_UNIQUE_IDENTIFIER, privateKeyUniqueIdentifier)
              .interval(Tag.OFFSET, offset);
      Payloads.addAttributes(builder, commonAttributes, AttributeGroup.COMMON, version);
      Payloads.addAttributes(builder, privateKeyAttributes, AttributeGroup.PRIVATE_KEY, version);
      Payloads.addAttributes(builder, publicKeyAttributes, AttributeGroup.PUBLIC_KEY, version);
      masks.addTo(builder, version);
      return builder.build();
    }
  }

  /**
   * The new key pair.
   *
   * @param privateKeyUniqueIdentifier the new private key
   * @param publicKeyUniqueIdentifier the new public key
   * @param privateKeyAttributes 1.x only: attributes set implicitly on the private key, or null
   * @param publicKeyAttributes 1.x only: attributes set implicitly on the public key, or null
   */
  public record Response(
      String privateKeyUniqueIdentifier,
      String publicKeyUniqueIdentifier,
      @Nullable Attributes privateKeyAttributes,
      @Nullable Attributes publicKeyAttributes) {

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return KeyPairResponses.decode(payload, "ReKeyKeyPair", version, Response::new);
    }

    /** Encodes the response payload; the attributes only in 1.x. */
    public TtlvStructure encode(ProtocolVersion version) {
      return KeyPairResponses.encode(
          privateKeyUniqueIdentifier,
          publicKeyUniqueIdentifier,
          privateKeyAttributes,
          publicKeyAttributes,
          version);
    }
  }
}
