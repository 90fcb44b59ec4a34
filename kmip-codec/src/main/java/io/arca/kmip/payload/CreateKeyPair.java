package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.2, 2.1 §6.1.9 Create Key Pair: the server generates a public and a private key, with
 * attributes common to both and attributes for each.
 */
public final class CreateKeyPair {
  private CreateKeyPair() {}

  /**
   * The three attribute lists; each is null when its container is absent.
   *
   * @param commonAttributes Common Template-Attribute / Common Attributes
   * @param privateKeyAttributes Private Key Template-Attribute / Private Key Attributes
   * @param publicKeyAttributes Public Key Template-Attribute / Public Key Attributes
   * @param masks the 2.x Common, Private and Public Protection Storage Masks
   */
  public record Request(
      @Nullable Attributes commonAttributes,
      @Nullable Attributes privateKeyAttributes,
      @Nullable Attributes publicKeyAttributes,
      KeyPairMasks masks) {

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "CreateKeyPair");
      Request request =
          new Request(
              Payloads.attributes(fields, AttributeGroup.COMMON, version),
              Payloads.attributes(fields, AttributeGroup.PRIVATE_KEY, version),
              Payloads.attributes(fields, AttributeGroup.PUBLIC_KEY, version),
              KeyPairMasks.decode(fields, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(true);
      Payloads.addAttributes(builder, commonAttributes, AttributeGroup.COMMON, version);
      Payloads.addAttributes(builder, privateKeyAttributes, AttributeGroup.PRIVATE_KEY, version);
      Payloads.addAttributes(builder, publicKeyAttributes, AttributeGroup.PUBLIC_KEY, version);
      masks.addTo(builder, version);
      return builder.build();
    }
  }

  /**
   * The two keys created.
   *
   * @param privateKeyUniqueIdentifier the private key
   * @param publicKeyUniqueIdentifier the public key
   * @param privateKeyAttributes 1.x only: attributes set implicitly on the private key, or null
   * @param publicKeyAttributes 1.x only: attributes set implicitly on the public key, or null
   */
  public record Response(
      String privateKeyUniqueIdentifier,
      String publicKeyUniqueIdentifier,
      @Nullable Attributes privateKeyAttributes,
      @Nullable Attributes publicKeyAttributes) {

    /** A response with no implicitly set attributes. */
    public static Response of(String privateKeyUniqueIdentifier, String publicKeyUniqueIdentifier) {
      return new Response(privateKeyUniqueIdentifier, publicKeyUniqueIdentifier, null, null);
    }

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return KeyPairResponses.decode(payload, "CreateKeyPair", version, Response::new);
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

  /**
   * The 2.x Protection Storage Masks of a key pair request; each list is empty when absent.
   *
   * @param common Common Protection Storage Masks
   * @param privateKey Private Protection Storage Masks
   * @param publicKey Public Protection Storage Masks
   */
  public record KeyPairMasks(
      List<Integer> common, List<Integer> privateKey, List<Integer> publicKey) {
    /** No masks. */
    public static final KeyPairMasks NONE = new KeyPairMasks(List.of(), List.of(), List.of());

    public KeyPairMasks {
      common = List.copyOf(common);
      privateKey = List.copyOf(privateKey);
      publicKey = List.copyOf(publicKey);
    }

    static KeyPairMasks decode(Fields fields, ProtocolVersion version) {
      return new KeyPairMasks(
          Payloads.masks(fields, Tag.COMMON_PROTECTION_STORAGE_MASKS, version),
          Payloads.masks(fields, Tag.PRIVATE_PROTECTION_STORAGE_MASKS, version),
          Payloads.masks(fields, Tag.PUBLIC_PROTECTION_STORAGE_MASKS, version));
    }

    void addTo(StructureBuilder builder, ProtocolVersion version) {
      Payloads.addMasks(builder, Tag.COMMON_PROTECTION_STORAGE_MASKS, common, version);
      Payloads.addMasks(builder, Tag.PRIVATE_PROTECTION_STORAGE_MASKS, privateKey, version);
      Payloads.addMasks(builder, Tag.PUBLIC_PROTECTION_STORAGE_MASKS, publicKey, version);
    }
  }
}
